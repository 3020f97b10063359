package fr.subventions.submission;

import fr.subventions.workflow.FormFields;
import fr.subventions.workflow.SubsidyRequestProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

@Component
class CloseRequestListener implements TaskListener {

    private final SubsidyRequestService requests;

    CloseRequestListener(SubsidyRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        requests.close(SubsidyRequestProcess.REQUEST_ID.get(task), FormFields.actor());
    }
}
