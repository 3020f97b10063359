package fr.subventions.bureau;

import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.FormFields;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing Task_PrepareAgenda adds the requests typed in the form, then fixes the agenda: one vote per item. */
@Component
class CloseAgendaListener implements TaskListener {

    private final Agenda agenda;

    CloseAgendaListener(Agenda agenda) {
        this.agenda = agenda;
    }

    @Override
    public void notify(DelegateTask task) {
        Long sessionId = AssemblySessionProcess.SESSION_ID.get(task);
        FormFields form = FormFields.of(task);
        var references = form.lines("references");
        if (!references.isEmpty()) {
            agenda.addToAgenda(sessionId, references, FormFields.actor());
        }
        form.discard();
        agenda.closeAgenda(sessionId);
    }
}
