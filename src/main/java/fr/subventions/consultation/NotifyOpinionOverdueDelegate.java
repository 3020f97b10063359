package fr.subventions.consultation;

import fr.subventions.workflow.ServiceOpinionProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyOpinionOverdue: the deadline passed unanswered, the asking officer hears of it by e-mail. */
@Component
class NotifyOpinionOverdueDelegate implements JavaDelegate {

    private final OpinionService opinions;

    NotifyOpinionOverdueDelegate(OpinionService opinions) {
        this.opinions = opinions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        opinions.notifyOverdue(ServiceOpinionProcess.OPINION_ID.get(execution));
    }
}
