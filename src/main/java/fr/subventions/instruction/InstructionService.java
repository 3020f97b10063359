package fr.subventions.instruction;

import fr.subventions.budget.BudgetService;
import fr.subventions.budget.LineAmount;
import fr.subventions.convention.RepublicanCommitment;
import fr.subventions.shared.Money;
import fr.subventions.shared.Texts;
import fr.subventions.shared.Violations;
import fr.subventions.submission.Opinion;
import fr.subventions.submission.RequestMilestone;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The instructing officer's desk: completeness (recevabilité), then the report, the opinion and the proposed amount. */
@Service
@Transactional
public class InstructionService {

    private final SubsidyRequestService requests;
    private final BudgetService budget;
    private final RepublicanCommitment republicanCommitment;
    private final Clock clock;
    private final int missingItemsDelayDays;
    private final ApplicationEventPublisher events;

    InstructionService(SubsidyRequestService requests, BudgetService budget, RepublicanCommitment republicanCommitment,
            Clock clock, @Value("${subventions.missing-items-delay-days:30}") int missingItemsDelayDays,
            ApplicationEventPublisher events) {
        this.events = events;
        this.requests = requests;
        this.budget = budget;
        this.republicanCommitment = republicanCommitment;
        this.clock = clock;
        this.missingItemsDelayDays = missingItemsDelayDays;
    }

    /**
     * Complete: on to instruction — for an association or a foundation, only with its signed Contrat d'Engagement
     * Républicain. Incomplete: the applicant is asked for the missing items before a deadline.
     */
    public boolean recordCompleteness(Long requestId, boolean complete, List<String> missing, String comment, String actor) {
        SubsidyRequest request = requests.byId(requestId);
        Violations v = new Violations();
        v.check(comment == null || comment.length() <= 4000, "comment", "au plus 4000 caractères");
        Texts.check(v, "comment", comment);
        if (!complete) {
            v.check(!missing.isEmpty(), "missing", "indiquez au moins une pièce manquante");
            v.check(String.join("\n", missing).length() <= 4000, "missing", "au plus 4000 caractères en tout");
            Texts.check(v, "missing", String.join("\n", missing));
        }
        v.throwIfAny();
        if (complete) {
            republicanCommitment.requireForCompleteness(request);
            request.recordComplete(comment, actor, Instant.now(clock));
        } else {
            request.recordIncomplete(missing, missingItemsDeadline(), comment, actor, Instant.now(clock));
        }
        return complete;
    }

    /** The day by which the applicant must send the missing items, were they asked for them today. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public LocalDate missingItemsDeadline() {
        return LocalDate.now(clock).plusDays(missingItemsDelayDays);
    }

    /** Records the report and the opinion; a favourable one reserves the proposed amount on its budget lines. */
    public boolean recordInstruction(Long requestId, Opinion opinion, BigDecimal proposedAmount, List<LineAmount> lines,
            String report, String actor) {
        SubsidyRequest request = requests.byId(requestId);
        Violations v = new Violations();
        v.check(opinion != null, "opinion", "l'avis est obligatoire : FAVORABLE ou UNFAVORABLE");
        if (report == null || report.isBlank()) {
            v.add("report", "le rapport d'instruction est obligatoire : il devient l'exposé de la délibération");
        } else {
            v.check(report.length() <= 50000, "report", "au plus 50000 caractères");
            Texts.check(v, "report", report);
        }
        if (opinion == Opinion.FAVORABLE) {
            if (!Money.isPositiveAmount(proposedAmount)) {
                v.add("proposedAmount", "le montant proposé doit être un montant positif en euros, avec au plus deux décimales");
            } else if (proposedAmount.compareTo(request.requestedAmount()) > 0) {
                v.add("proposedAmount", "le montant proposé (" + Money.format(proposedAmount)
                        + ") dépasse le montant demandé (" + Money.format(request.requestedAmount()) + ")");
            }
        }
        v.throwIfAny();
        request.recordInstruction(opinion, proposedAmount, report.trim(), actor, Instant.now(clock));
        if (opinion == Opinion.FAVORABLE) {
            // told before the reservation, which may still refuse: the applicant hears of it only if it holds
            events.publishEvent(RequestMilestone.of(requestId, RequestMilestone.Milestone.INSTRUCTED));
            budget.reserve(requestId, request.fiscalYear(), proposedAmount, lines, "budgetLines");
        }
        return opinion == Opinion.FAVORABLE;
    }
}
