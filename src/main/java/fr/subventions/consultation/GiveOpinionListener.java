package fr.subventions.consultation;

import fr.subventions.workflow.FormFields;
import fr.subventions.workflow.ServiceOpinionProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing Task_GiveOpinion records the opinion — verdict and text — with who gave it and when. */
@Component
class GiveOpinionListener implements TaskListener {

    private final OpinionService opinions;

    GiveOpinionListener(OpinionService opinions) {
        this.opinions = opinions;
    }

    @Override
    public void notify(DelegateTask task) {
        FormFields form = FormFields.of(task);
        Object text = form.raw("text");
        opinions.record(ServiceOpinionProcess.OPINION_ID.get(task), form.text("verdict"),
                text == null ? null : text.toString(), FormFields.actor());
        form.discard();
    }
}
