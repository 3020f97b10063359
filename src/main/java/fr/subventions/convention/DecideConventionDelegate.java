package fr.subventions.convention;

import fr.subventions.workflow.SubsidyRequestProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DecideConvention: the domain applies the decision table; the process only gets the gateway's flag. */
@Component
class DecideConventionDelegate implements JavaDelegate {

    private final ConventionRules rules;

    DecideConventionDelegate(ConventionRules rules) {
        this.rules = rules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean withConvention = rules.decide(SubsidyRequestProcess.REQUEST_ID.get(execution));
        SubsidyRequestProcess.WITH_CONVENTION.set(execution, withConvention);
    }
}
