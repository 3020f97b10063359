package fr.subventions.payment;

import fr.subventions.workflow.FormFields;
import fr.subventions.workflow.SubsidyPaymentProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing Task_SubmitFinancialReport hands in the compte rendu financier the beneficiary filed. */
@Component
class ReceiveFinancialReportListener implements TaskListener {

    private final PaymentService payments;

    ReceiveFinancialReportListener(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public void notify(DelegateTask task) {
        FormFields form = FormFields.of(task);
        payments.receiveReport(SubsidyPaymentProcess.REQUEST_ID.get(task), FormFields.actor());
        form.discard();
    }
}
