package fr.subventions.instruction;

import fr.subventions.budget.LineAmounts;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.submission.Opinion;
import fr.subventions.workflow.FormFields;
import fr.subventions.workflow.SubsidyRequestProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing Task_InstructRequest records the report, the opinion and the budget lines. */
@Component
class RecordInstructionListener implements TaskListener {

    private final InstructionService instruction;

    RecordInstructionListener(InstructionService instruction) {
        this.instruction = instruction;
    }

    @Override
    public void notify(DelegateTask task) {
        FormFields form = FormFields.of(task);
        boolean favorable = instruction.recordInstruction(SubsidyRequestProcess.REQUEST_ID.get(task),
                opinion(form.text("opinion")), form.amount("proposedAmount"),
                LineAmounts.parse(form.raw("budgetLines"), "budgetLines"), form.text("report"), FormFields.actor());
        form.discard();
        SubsidyRequestProcess.FAVORABLE.set(task.getExecution(), favorable);
    }

    private static Opinion opinion(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Opinion.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("opinion", "avis inconnu « " + value + " » : FAVORABLE ou UNFAVORABLE");
        }
    }
}
