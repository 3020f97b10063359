package fr.subventions.payment;

import fr.subventions.shared.Caller;
import fr.subventions.shared.NotFoundException;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.SubsidyPaymentProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The payment schedule of a granted subsidy: finance records each payment, the beneficiary hands in the report. */
@RestController
class PaymentController {

    private final PaymentService payments;
    private final SubsidyRequestService requests;
    private final TaskCompleter tasks;

    PaymentController(PaymentService payments, SubsidyRequestService requests, TaskCompleter tasks) {
        this.payments = payments;
        this.requests = requests;
        this.tasks = tasks;
    }

    record PaymentView(int position, PaymentKind kind, String label, BigDecimal amount, LocalDate dueOn, LocalDate paidOn,
            String mandateReference) {
    }

    record ScheduleView(String reference, BigDecimal granted, String conditions, LocalDate reportDueOn,
            LocalDate reportReceivedOn, int remindersSent, List<PaymentView> payments) {

        static ScheduleView of(String reference, PaymentSchedule s) {
            return new ScheduleView(reference, s.granted(), s.conditions(), s.reportDueOn(), s.reportReceivedOn(),
                    s.remindersSent(), s.payments().stream().map(p -> new PaymentView(p.position(), p.kind(),
                            p.kind().label(), p.amount(), p.dueOn(), p.paidOn(), p.mandateReference())).toList());
        }
    }

    @GetMapping("/api/requests/{reference}/payments")
    ScheduleView schedule(@PathVariable String reference, Caller caller) {
        SubsidyRequest request = requests.get(reference, caller);
        return ScheduleView.of(reference, payments.schedule(request.id()));
    }

    record PaymentData(LocalDate paidOn, String mandateReference) {
    }

    /** Finance records the payment due: the single payment or the advance, then the balance after the report. */
    @PostMapping("/api/requests/{reference}/payments")
    @PreAuthorize("hasAuthority('finances')")
    ScheduleView pay(@PathVariable String reference, @RequestBody PaymentData data, Caller caller) {
        SubsidyRequest request = requests.get(reference, caller);
        payments.payDue(request, data.paidOn(), data.mandateReference(), caller.username());
        return ScheduleView.of(reference, payments.schedule(request.id()));
    }

    /** The beneficiary hands in the compte rendu financier filed among the request's documents. */
    @PostMapping("/api/requests/{reference}/financial-report")
    @PreAuthorize("hasAuthority('demandeurs')")
    ScheduleView report(@PathVariable String reference, Caller caller) {
        SubsidyRequest request = requests.get(reference, caller);
        if (!request.isOwnedBy(caller.username())) {
            throw new NotFoundException("Demande inconnue : " + reference);
        }
        tasks.complete(SubsidyPaymentProcess.KEY, reference, SubsidyPaymentProcess.TASK_SUBMIT_FINANCIAL_REPORT, Map.of(),
                caller.username(), "transmission du compte rendu financier (statut : " + request.status().label() + ")");
        return ScheduleView.of(reference, payments.schedule(request.id()));
    }
}
