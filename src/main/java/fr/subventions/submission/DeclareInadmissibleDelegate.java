package fr.subventions.submission;

import fr.subventions.workflow.SubsidyRequestProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The deadline for the missing documents passed: the request is closed as inadmissible (classée sans suite). */
@Component
class DeclareInadmissibleDelegate implements JavaDelegate {

    private final SubsidyRequestService requests;

    DeclareInadmissibleDelegate(SubsidyRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.declareInadmissible(SubsidyRequestProcess.REQUEST_ID.get(execution));
    }
}
