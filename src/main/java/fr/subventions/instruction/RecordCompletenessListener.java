package fr.subventions.instruction;

import fr.subventions.workflow.FormFields;
import fr.subventions.workflow.SubsidyRequestProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing Task_CheckCompleteness, from Tasklist or the API, records the officer's decision. */
@Component
class RecordCompletenessListener implements TaskListener {

    private final InstructionService instruction;

    RecordCompletenessListener(InstructionService instruction) {
        this.instruction = instruction;
    }

    @Override
    public void notify(DelegateTask task) {
        FormFields form = FormFields.of(task);
        boolean complete = instruction.recordCompleteness(SubsidyRequestProcess.REQUEST_ID.get(task),
                form.bool("isComplete"), form.lines("missing"), form.text("comment"), FormFields.actor());
        form.discard();
        SubsidyRequestProcess.COMPLETE.set(task.getExecution(), complete);
    }
}
