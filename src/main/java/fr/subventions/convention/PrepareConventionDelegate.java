package fr.subventions.convention;

import fr.subventions.workflow.SubsidyRequestProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class PrepareConventionDelegate implements JavaDelegate {

    private final ConventionService conventions;

    PrepareConventionDelegate(ConventionService conventions) {
        this.conventions = conventions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        conventions.prepare(SubsidyRequestProcess.REQUEST_ID.get(execution));
    }
}
