package fr.subventions.convention;

import fr.subventions.shared.InvalidInputException;
import fr.subventions.workflow.FormFields;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing a signature task (beneficiary or President) records who signed and when. */
@Component
class RecordSignatureListener implements TaskListener {

    private final ConventionService conventions;

    RecordSignatureListener(ConventionService conventions) {
        this.conventions = conventions;
    }

    @Override
    public void notify(DelegateTask task) {
        Signatory signatory = SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT.equals(task.getTaskDefinitionKey())
                ? Signatory.PRESIDENT : Signatory.BENEFICIARY;
        FormFields form = FormFields.of(task);
        conventions.sign(SubsidyRequestProcess.REQUEST_ID.get(task), signatory,
                form.text("signedBy"), date(form.text("signedOn")), FormFields.actor());
        form.discard();
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            // Camunda Forms' date picker sends 2023-09-14, sometimes with a time part
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("signedOn", "date illisible « " + value + " » : attendu AAAA-MM-JJ");
        }
    }
}
