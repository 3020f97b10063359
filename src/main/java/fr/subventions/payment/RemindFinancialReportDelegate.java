package fr.subventions.payment;

import fr.subventions.workflow.SubsidyPaymentProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RemindFinancialReport: a reminder letter to the beneficiary, filed with the request and told in its history. */
@Component
class RemindFinancialReportDelegate implements JavaDelegate {

    private final PaymentService payments;

    RemindFinancialReportDelegate(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        payments.remindReport(SubsidyPaymentProcess.REQUEST_ID.get(execution));
    }
}
