package fr.subventions.bureau;

import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.FormFields;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Carries an item's outcome to its request's process (adopted, rejected or adjourned). */
@Component
class PublishOutcomeDelegate implements JavaDelegate {

    private final Voting voting;

    PublishOutcomeDelegate(Voting voting) {
        this.voting = voting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        voting.publishOutcome(AssemblySessionProcess.AGENDA_ITEM_ID.get(execution),
                FormFields.actor());
    }
}
