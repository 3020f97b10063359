package fr.subventions.submission;

import fr.subventions.shared.Caller;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.Sequences;
import fr.subventions.shared.StageConflictException;
import fr.subventions.shared.Texts;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The request's life outside the instruction desk: filing, reading, withdrawal, what the séance decides, and the day
 * its deliberation becomes executory.
 *
 * <p>Over 300 lines: each entry point the API, the pages and the other stages call on a request, with its access
 * check and its message to the process; split, each would repeat the lookups and the correlation.
 */
@Service
@Transactional
public class SubsidyRequestService {

    private final SubsidyRequestRepository requests;
    private final RuntimeService runtime;
    private final Sequences sequences;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate filing;
    private final TaskCompleter tasks;

    SubsidyRequestService(SubsidyRequestRepository requests, RuntimeService runtime, Sequences sequences, Clock clock,
            ApplicationEventPublisher events, PlatformTransactionManager transactions,
            TaskCompleter tasks) {
        this.requests = requests;
        this.tasks = tasks;
        this.runtime = runtime;
        this.sequences = sequences;
        this.clock = clock;
        this.events = events;
        this.filing = new TransactionTemplate(transactions);
    }

    /**
     * Files a request and starts its process; with an idempotency key, a retry answers the request already filed.
     * <p>
     * Not one transaction: the reference number is taken first, in a short transaction of its own, and only then is
     * the filing's transaction opened. Taken inside it, each submission would hold one pooled connection while it
     * waits for a second one for the number: under concurrent submissions the pool runs dry and every submission
     * waits for the pool's timeout (measured: docs/benchmarks.md, part 2). A filing that fails leaves a gap in the
     * references, which harms nobody.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Submitted submit(SubmitRequest command, Caller caller, String idempotencyKey) {
        if (idempotencyKey != null) {
            Submitted earlier = filing.execute(status -> filedBefore(command, caller, idempotencyKey));
            if (earlier != null) {
                return earlier;
            }
        }
        command.validate(Year.now(clock));
        String reference = "SUB-" + command.fiscalYear() + "-"
                + String.format("%04d", sequences.next("request-" + command.fiscalYear()));
        return filing.execute(status -> file(reference, command, caller, idempotencyKey));
    }

    /** The request this key filed, if any: a retry answers it; the same key for another request is the client's mistake. */
    private Submitted filedBefore(SubmitRequest command, Caller caller, String idempotencyKey) {
        Optional<SubsidyRequest> earlier = requests.findBySubmittedByAndIdempotencyKey(caller.username(), idempotencyKey);
        if (earlier.isEmpty()) {
            return null;
        }
        if (!filedAs(earlier.get(), command)) {
            throw new InvalidInputException("Idempotency-Key", "cette clé a déjà servi à "
                    + "déposer la demande " + earlier.get().reference() + ", dont le contenu diffère : une nouvelle "
                    + "demande prend une nouvelle clé");
        }
        return new Submitted(earlier.get(), false);
    }

    private Submitted file(String reference, SubmitRequest command, Caller caller, String idempotencyKey) {
        SubmitRequest.ApplicantData a = command.applicant();
        Applicant applicant = new Applicant(a.name().trim(), a.siret(), blankToNull(a.rna()), a.legalForm(),
                a.address().trim(), a.email().trim(), a.representative().trim());
        List<Cofinancing> cofinancing = command.cofinancing() == null ? List.of()
                : command.cofinancing().stream().map(c -> new Cofinancing(c.funder().trim(), c.amount())).toList();
        SubsidyRequest request = requests.saveAndFlush(new SubsidyRequest(reference, caller.username(), idempotencyKey,
                Instant.now(clock), applicant, command.title().trim(), command.description().trim(),
                command.theme().trim(), command.fiscalYear(), command.totalBudget(), command.requestedAmount(),
                cofinancing));
        events.publishEvent(new RequestSubmitted(request.id(), reference, applicant.name(), request.title()));
        String processInstanceId = runtime.startProcessInstanceByKey(SubsidyRequestProcess.KEY, reference,
                Map.of(SubsidyRequestProcess.VAR_REQUEST_ID, request.id())).getId();
        request.attachProcess(processInstanceId);
        return new Submitted(request, true);
    }

    @Transactional(readOnly = true)
    public SubsidyRequest get(String reference, Caller caller) {
        return requests.findByReference(reference)
                .filter(r -> caller.maySee(r.submittedBy()))
                .orElseThrow(() -> new NotFoundException("Demande inconnue : " + reference));
    }

    /** The request as /api shows it, read in one transaction with its history. */
    @Transactional(readOnly = true)
    public RequestView view(String reference, Caller caller) {
        return RequestView.of(get(reference, caller));
    }

    /**
     * One page of the requests the caller may see (an applicant's own, every request for staff), with or without a
     * status, sorted by reference: {@code page} counts from 0.
     */
    @Transactional(readOnly = true)
    public Page<RequestSummary> summaries(RequestStatus status, Caller caller, int page, int size) {
        Pageable pageable = PageRequest.of(page, size);
        if (!caller.isStaff()) {
            return status == null ? requests.summariesBySubmitter(caller.username(), pageable)
                    : requests.summariesBySubmitterAndStatus(caller.username(), status, pageable);
        }
        return status == null ? requests.summaries(pageable) : requests.summariesByStatus(status, pageable);
    }

    @Transactional(readOnly = true)
    public List<SubsidyRequest> list(RequestStatus status, Caller caller) {
        if (!caller.isStaff()) {
            return requests.findBySubmittedByOrderByReference(caller.username()).stream()
                    .filter(r -> status == null || r.status() == status).toList();
        }
        return status == null ? requests.findAllByOrderByReference() : requests.findByStatusOrderByReference(status);
    }

    public SubsidyRequest byId(Long id) {
        return requests.findById(id).orElseThrow(() -> new NotFoundException("Demande inconnue : " + id));
    }

    @Transactional(readOnly = true)
    public Optional<SubsidyRequest> find(String reference) {
        return requests.findByReference(reference);
    }

    public SubsidyRequest byReference(String reference) {
        return requests.findByReference(reference).orElseThrow(() -> new NotFoundException("Demande inconnue : " + reference));
    }

    /** The applicant withdraws before the vote; the process's event subprocess releases what the request holds. */
    public void withdraw(String reference, String reason, Caller caller) {
        SubsidyRequest request = get(reference, caller);
        if (!request.isOwnedBy(caller.username())) {
            throw new NotFoundException("Demande inconnue : " + reference);
        }
        int invisible = Texts.forbidden(reason);
        if (invisible >= 0) {
            throw new InvalidInputException("reason", Texts.message(invisible));
        }
        request.withdraw(reason, caller.username(), Instant.now(clock));
        events.publishEvent(new RequestWithdrawn(request.id(), request.reference()));
        events.publishEvent(RequestMilestone.of(request.id(), RequestMilestone.Milestone.WITHDRAWN)
                .with("reason", reason == null ? "" : reason.strip()));
        runtime.createMessageCorrelation(SubsidyRequestProcess.MESSAGE_WITHDRAWN)
                .processInstanceBusinessKey(reference)
                .correlate();
    }

    public void recordMissingItemsSupplied(Long requestId, String actor) {
        byId(requestId).recordMissingItemsSupplied(actor, Instant.now(clock));
        events.publishEvent(RequestMilestone.of(requestId, RequestMilestone.Milestone.MISSING_ITEMS_SUPPLIED));
    }

    public void declareInadmissible(Long requestId) {
        byId(requestId).declareInadmissible(Instant.now(clock));
        events.publishEvent(RequestMilestone.of(requestId, RequestMilestone.Milestone.INADMISSIBLE));
    }

    public void close(Long requestId, String actor) {
        byId(requestId).close(actor, Instant.now(clock));
    }

    /** The secretariat put the request on a séance's agenda: the request's process now waits for the vote. */
    public SubsidyRequest placeOnAgenda(Long requestId, String sessionLabel, String actor) {
        SubsidyRequest request = byId(requestId);
        request.placeOnAgenda(sessionLabel, actor, Instant.now(clock));
        try {
            runtime.createMessageCorrelation(SubsidyRequestProcess.MESSAGE_PLACED_ON_AGENDA)
                    .processInstanceBusinessKey(request.reference())
                    .correlate();
        } catch (MismatchingMessageCorrelationException outOfTurn) {
            throw new StageConflictException("La demande " + request.reference() + " ne peut pas être inscrite à un ordre du "
                    + "jour : " + tasks.whereIs(request.reference()) + ".");
        }
        events.publishEvent(RequestMilestone.of(requestId, RequestMilestone.Milestone.PLACED_ON_AGENDA)
                .with("session", sessionLabel));
        return request;
    }

    /** The séance decided: the request records it and its process takes the matching branch. */
    public void recordVote(Long requestId, VoteDecision decision, String sessionLabel, String actor) {
        recordVote(requestId, decision, null, sessionLabel, actor);
    }

    /**
     * With the amount the assembly voted, when it amended the proposal down: the grant is that amount and the
     * difference is released before the convention is drawn up.
     */
    public void recordVote(Long requestId, VoteDecision decision, BigDecimal votedAmount, String sessionLabel,
            String actor) {
        SubsidyRequest request = byId(requestId);
        request.recordVote(decision, votedAmount, sessionLabel, actor, Instant.now(clock));
        if (decision == VoteDecision.ADOPTED && request.grantedAmount().compareTo(request.proposedAmount()) < 0) {
            events.publishEvent(new GrantLowered(requestId, request.proposedAmount(), request.grantedAmount()));
        }
        runtime.createMessageCorrelation(SubsidyRequestProcess.MESSAGE_VOTE_RECORDED)
                .processInstanceBusinessKey(request.reference())
                .setVariable(SubsidyRequestProcess.VAR_VOTE_DECISION, decision.name())
                .correlate();
        // after the correlation: an adopted grant's convention is decided by then (the request's status tells)
        RequestMilestone.Milestone milestone = switch (decision) {
            case ADOPTED -> RequestMilestone.Milestone.GRANTED;
            case REJECTED -> RequestMilestone.Milestone.REJECTED;
            case ADJOURNED -> RequestMilestone.Milestone.ADJOURNED;
        };
        events.publishEvent(RequestMilestone.of(requestId, milestone).with("session", sessionLabel));
    }

    /**
     * The deliberation granting the request is executory (CGCT L2131-1): recorded, and the request's process, waiting
     * at {@code Event_ActExecutory}, goes on to the certificate and the convention's signatures.
     */
    public void recordExecutory(Long requestId, LocalDate since, String act) {
        SubsidyRequest request = byId(requestId);
        if (request.executoryOn() != null) {
            return;
        }
        request.recordExecutory(since, act, Instant.now(clock));
        runtime.createMessageCorrelation(SubsidyRequestProcess.MESSAGE_ACT_EXECUTORY)
                .processInstanceBusinessKey(request.reference())
                .correlateAllWithResult();
    }

    /**
     * Holds the request's row until the caller's transaction ends, so that two transactions that each decide from the
     * other's writes run one after the other, the second seeing what the first committed: the register of acts sends a
     * deliberation once both its signed extract and its convention are filed, each by a job of its own, and each job
     * looks for the other's document.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdUntilCommit(Long requestId) {
        requests.lockRow(requestId).orElseThrow(() -> new NotFoundException("Demande inconnue : " + requestId));
    }

    public void recordPayment(Long requestId, String what, boolean fullyPaid, boolean awaitsReport, String actor) {
        byId(requestId).recordPayment(what, fullyPaid, awaitsReport, actor, Instant.now(clock));
    }

    public void recordFinancialReport(Long requestId, String what, String actor) {
        byId(requestId).recordFinancialReport(what, actor, Instant.now(clock));
    }

    public void lapse(Long requestId, String what, String actor) {
        byId(requestId).lapse(what, actor, Instant.now(clock));
    }

    public void recordReminder(Long requestId, String what, String actor) {
        byId(requestId).recordReminder(what, actor, Instant.now(clock));
    }

    /** When the missing-documents timer fires: the day after the deadline, at midnight in the authority's zone. */
    @Transactional(readOnly = true)
    public Date missingItemsDeadline(Long requestId) {
        SubsidyRequest request = byId(requestId);
        return Date.from(request.missingItemsDue().plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    /** Whether the request filed is the one this command would file, as {@link #submit} keeps it. */
    private static boolean filedAs(SubsidyRequest filed, SubmitRequest command) {
        SubmitRequest.ApplicantData a = command.applicant();
        Applicant applicant = filed.applicant();
        List<SubmitRequest.CofinancingData> lines = command.cofinancing() == null ? List.of() : command.cofinancing();
        if (a == null || lines.size() != filed.cofinancing().size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            SubmitRequest.CofinancingData line = lines.get(i);
            Cofinancing kept = filed.cofinancing().get(i);
            if (line == null || !same(line.funder(), kept.funder()) || !same(line.amount(), kept.amount())) {
                return false;
            }
        }
        return same(a.name(), applicant.name()) && same(a.siret(), applicant.siret())
                && same(blankToNull(a.rna()), applicant.rna()) && a.legalForm() == applicant.legalForm()
                && same(a.address(), applicant.address()) && same(a.email(), applicant.email())
                && same(a.representative(), applicant.representative()) && same(command.title(), filed.title())
                && same(command.description(), filed.description()) && same(command.theme(), filed.theme())
                && command.fiscalYear() != null && command.fiscalYear() == filed.fiscalYear()
                && same(command.totalBudget(), filed.totalBudget()) && same(command.requestedAmount(), filed.requestedAmount());
    }

    private static boolean same(String sent, String kept) {
        return sent == null ? kept == null : sent.trim().equals(kept);
    }

    private static boolean same(BigDecimal sent, BigDecimal kept) {
        return sent == null ? kept == null : kept != null && sent.compareTo(kept) == 0;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public record Submitted(SubsidyRequest request, boolean created) {
    }
}
