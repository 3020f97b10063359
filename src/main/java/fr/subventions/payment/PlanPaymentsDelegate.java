package fr.subventions.payment;

import fr.subventions.workflow.SubsidyPaymentProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PlanPayments: the schedule of the grant, from the authority's payment terms. */
@Component
class PlanPaymentsDelegate implements JavaDelegate {

    private final PaymentService payments;

    PlanPaymentsDelegate(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        payments.plan(SubsidyPaymentProcess.REQUEST_ID.get(execution));
    }
}
