package fr.subventions.payment;

import fr.subventions.convention.ConventionDrafted;
import fr.subventions.shared.StageConflictException;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one schedule of a grant. It is drawn up from the authority's payment terms when the convention that states it is
 * drafted, or, for a grant without convention, by the payment process, and kept: the convention, the notification and
 * finance's payments then read the same amounts and dates, whatever the terms become later.
 */
@Service
@Transactional
public class PaymentSchedules {

    private final PaymentScheduleRepository schedules;
    private final SubsidyRequestService requests;
    private final PaymentPolicy policy;

    PaymentSchedules(PaymentScheduleRepository schedules, SubsidyRequestService requests, PaymentPolicy policy) {
        this.schedules = schedules;
        this.requests = requests;
        this.policy = policy;
    }

    /**
     * The convention states the schedule: drawn up in the drafting's own transaction, so that it exists before the
     * convention is produced beside the request.
     */
    @EventListener
    void on(ConventionDrafted drafted) {
        drawUp(drafted.requestId());
    }

    /** The grant's schedule: the one drawn up before, or drawn up now from the amount granted and its fiscal year. */
    public PaymentSchedule drawUp(Long requestId) {
        return schedules.findByRequestId(requestId).orElseGet(() -> {
            SubsidyRequest request = requests.byId(requestId);
            if (request.grantedAmount() == null) {
                throw new StageConflictException("La demande " + request.reference() + " n'a pas de subvention accordée : "
                        + "aucun échéancier de versement ne peut être établi.");
            }
            return schedules.save(PaymentSchedule.plan(requestId, request.grantedAmount(), request.fiscalYear(), policy));
        });
    }
}
