package fr.subventions.payment;

import fr.subventions.shared.InvalidInputException;
import fr.subventions.workflow.FormFields;
import fr.subventions.workflow.SubsidyPaymentProcess;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing a payment task records the payment (date, mandate number) and tells the gateway whether a balance is left. */
@Component
class RecordPaymentListener implements TaskListener {

    private final PaymentService payments;

    RecordPaymentListener(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public void notify(DelegateTask task) {
        FormFields form = FormFields.of(task);
        boolean balanceDue = payments.pay(SubsidyPaymentProcess.REQUEST_ID.get(task),
                date(form.text("paidOn")), form.text("mandateReference"), FormFields.actor());
        form.discard();
        SubsidyPaymentProcess.BALANCE_DUE.set(task.getExecution(), balanceDue);
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("paidOn", "date invalide (AAAA-MM-JJ) : " + text);
        }
    }
}
