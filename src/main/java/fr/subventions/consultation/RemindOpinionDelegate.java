package fr.subventions.consultation;

import fr.subventions.workflow.ServiceOpinionProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RemindOpinion: before the deadline, the service or the colleague asked is reminded by e-mail. */
@Component
class RemindOpinionDelegate implements JavaDelegate {

    private final OpinionService opinions;

    RemindOpinionDelegate(OpinionService opinions) {
        this.opinions = opinions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        opinions.remind(ServiceOpinionProcess.OPINION_ID.get(execution));
    }
}
