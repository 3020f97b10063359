package fr.subventions.submission;

import fr.subventions.workflow.FormFields;
import fr.subventions.workflow.SubsidyRequestProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The applicant has uploaded the missing documents and resubmits: back to the completeness check. */
@Component
class SupplyMissingItemsListener implements TaskListener {

    private final SubsidyRequestService requests;

    SupplyMissingItemsListener(SubsidyRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        FormFields form = FormFields.of(task);
        form.text("message");
        requests.recordMissingItemsSupplied(SubsidyRequestProcess.REQUEST_ID.get(task), FormFields.actor());
        form.discard();
    }
}
