package fr.subventions.payment;

import fr.subventions.convention.Convention;
import fr.subventions.convention.ConventionService;
import fr.subventions.shared.Caller;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.Money;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import fr.subventions.shared.Texts;
import fr.subventions.shared.Violations;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.ReminderDue;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.RequestMilestone;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.SubsidyPaymentProcess;
import fr.subventions.workflow.TaskCompleter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The payments of a granted subsidy, from its schedule to the balance paid after the financial report. */
@Service
@Transactional
public class PaymentService {

    private final PaymentScheduleRepository schedules;
    private final PaymentSchedules drawn;
    private final SubsidyRequestService requests;
    private final ConventionService conventions;
    private final DocumentService documents;
    private final PaymentPolicy policy;
    private final Clock clock;
    private final TaskCompleter tasks;
    private final ApplicationEventPublisher events;

    PaymentService(PaymentScheduleRepository schedules, PaymentSchedules drawn, SubsidyRequestService requests,
            ConventionService conventions, DocumentService documents, PaymentPolicy policy,
            Clock clock, TaskCompleter tasks, ApplicationEventPublisher events) {
        this.drawn = drawn;
        this.events = events;
        this.tasks = tasks;
        this.schedules = schedules;
        this.requests = requests;
        this.conventions = conventions;
        this.documents = documents;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Task_PlanPayments, once the credits are committed: the grant's schedule — the one its convention stated, or,
     * without a convention, drawn up now — whose first payment falls due at the convention's conclusion (the later
     * signature), or today without a convention.
     */
    public PaymentSchedule plan(Long requestId) {
        PaymentSchedule schedule = drawn.drawUp(requestId);
        schedule.firstFallsDueOn(conventions.of(requestId).map(Convention::concludedOn).orElse(LocalDate.now(clock)));
        return schedule;
    }

    /**
     * Finance records the next payment (date, mandate number). Answers whether a balance remains to be paid after the
     * financial report: the process's gateway flag.
     */
    public boolean pay(Long requestId, LocalDate paidOn, String mandateReference, String actor) {
        checkPayment(paidOn, mandateReference);
        SubsidyRequest request = requests.byId(requestId);
        request.requireExecutory("verser la subvention");
        PaymentSchedule schedule = schedule(requestId);
        Payment payment = schedule.pay(paidOn, mandateReference.strip(), actor);
        String what = payment.kind().label() + " de " + Money.format(payment.amount()) + " versé le "
                + FrenchText.date(paidOn) + " (mandat n° " + payment.mandateReference() + ")";
        if (schedule.awaitsReport()) {
            what += " ; le solde attend le compte rendu financier, à remettre au plus tard le "
                    + FrenchText.date(schedule.reportDueOn());
        }
        requests.recordPayment(requestId, what, schedule.fullyPaid(), schedule.awaitsReport(), actor);
        // the e-mail's template words what follows: the balance against the report, or nothing more to pay
        events.publishEvent(RequestMilestone.of(requestId, RequestMilestone.Milestone.PAYMENT_MADE)
                .with("payment", payment.kind().label())
                .with("paidAmount", Money.format(payment.amount()))
                .with("paidOn", FrenchText.date(paidOn))
                .with("mandate", payment.mandateReference())
                .with("awaitsReport", schedule.awaitsReport())
                .with("balance", schedule.next().map(p -> Money.format(p.amount())).orElse(""))
                .with("reportDue", schedule.reportDueOn() == null ? "" : FrenchText.date(schedule.reportDueOn()))
                .with("fullyPaid", schedule.fullyPaid()));
        return !schedule.fullyPaid();
    }

    /**
     * What a payment needs, whichever payment it is: its date, today or before, and the mandate's number (400 naming
     * each field). Checked again by {@link #pay} for each payment; a batch of payments checks its one date and mandate
     * once, before paying any.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public void checkPayment(LocalDate paidOn, String mandateReference) {
        Violations v = new Violations();
        v.check(paidOn != null, "paidOn", "la date du versement est obligatoire (AAAA-MM-JJ)");
        v.check(paidOn == null || !paidOn.isAfter(LocalDate.now(clock)), "paidOn", "la date du versement ne peut être future");
        v.check(mandateReference != null && !mandateReference.isBlank() && mandateReference.length() <= 50,
                "mandateReference", "le numéro du mandat de paiement est obligatoire (50 caractères au plus)");
        Texts.check(v, "mandateReference", mandateReference);
        v.throwIfAny();
    }

    /**
     * Finance records the payment due through its task — the single payment or the advance, then the balance after
     * the report —, from the API or the back office. Not in a transaction of its own: the task's completion opens it,
     * and may then be tried again after a concurrent change ({@link fr.subventions.workflow.TaskCompleter}).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void payDue(SubsidyRequest request, LocalDate paidOn, String mandateReference, String actor) {
        requests.byId(request.id()).requireExecutory("verser la subvention");
        find(request.id()).ifPresent(schedule -> requirePaymentDue(request.id()));
        Map<String, Object> fields = new HashMap<>();
        fields.put("paidOn", paidOn == null ? null : paidOn.toString());
        fields.put("mandateReference", mandateReference);
        String reference = request.reference();
        String task = tasks.isWaitingAt(SubsidyPaymentProcess.KEY, reference,
                SubsidyPaymentProcess.TASK_PAY_BALANCE)
                ? SubsidyPaymentProcess.TASK_PAY_BALANCE
                : SubsidyPaymentProcess.TASK_PAY_FIRST;
        tasks.complete(SubsidyPaymentProcess.KEY, reference, task, fields, actor,
                "versement (statut : " + request.status().label() + ")");
    }

    /** Refuses, with the rule, a payment when none is due: fully paid, or a balance that waits for the report. */
    @Transactional(readOnly = true)
    public void requirePaymentDue(Long requestId) {
        PaymentSchedule schedule = schedule(requestId);
        if (schedule.fullyPaid()) {
            throw new StageConflictException("La subvention est entièrement versée.");
        }
        if (schedule.awaitsReport()) {
            throw new StageConflictException("Le solde de " + Money.format(schedule.next().orElseThrow().amount())
                    + " attend le compte rendu financier de l'action, à remettre au plus tard le "
                    + FrenchText.date(schedule.reportDueOn()) + " (article 10 de la loi n° 2000-321 du 12 avril 2000).");
        }
    }

    /** The beneficiary hands in the compte rendu financier, filed beforehand as a document of the request. */
    public PaymentSchedule receiveReport(Long requestId, String actor) {
        PaymentSchedule schedule = schedule(requestId);
        if (!schedule.awaitsReport()) {
            throw new StageConflictException("Aucun compte rendu financier n'est attendu pour cette demande.");
        }
        SubsidyRequest request = requests.byId(requestId);
        RequestDocument report = documents.list(request).stream()
                .filter(d -> d.type() == DocumentType.COMPTE_RENDU_FINANCIER)
                .reduce((first, last) -> last)
                .orElseThrow(() -> new InvalidInputException("document", "déposez d'abord le compte rendu financier "
                        + "(pièce « " + DocumentType.COMPTE_RENDU_FINANCIER.label() + " »)"));
        LocalDate today = LocalDate.now(clock);
        schedule.receiveReport(today, report.id());
        requests.recordFinancialReport(requestId, "Compte rendu financier reçu le " + FrenchText.date(today)
                + (today.isAfter(schedule.reportDueOn()) ? " (attendu au plus tard le " + FrenchText.date(schedule.reportDueOn()) + ")" : ""),
                actor);
        return schedule;
    }

    /**
     * From the portal: files the report and transmits it in one transaction, so that a refused transmission leaves no
     * file behind.
     */
    public void handInReport(String reference, String filename, byte[] content, Caller caller) {
        documents.check(filename, content);
        documents.upload(reference, DocumentType.COMPTE_RENDU_FINANCIER, filename, content, caller);
        tasks.complete(SubsidyPaymentProcess.KEY, reference,
                SubsidyPaymentProcess.TASK_SUBMIT_FINANCIAL_REPORT, Map.of(),
                caller.username(), "transmission du compte rendu financier");
    }

    /** A reminder of the financial report, told in the request's history; its letter is filed before its e-mail goes. */
    public void remindReport(Long requestId) {
        PaymentSchedule schedule = schedule(requestId);
        if (!schedule.awaitsReport()) {
            return;
        }
        schedule.remind();
        LocalDate due = schedule.reportDueOn();
        LocalDate today = LocalDate.now(clock);
        String balance = schedule.next().map(p -> Money.format(p.amount())).orElse("");
        requests.recordReminder(requestId, "Relance n° " + schedule.remindersSent() + " : compte rendu financier attendu "
                + "au plus tard le " + FrenchText.date(due), "système");
        events.publishEvent(new ReminderDue(
                RequestMilestone.of(requestId, RequestMilestone.Milestone.REPORT_REMINDER)
                        .with("reminderNumber", String.valueOf(schedule.remindersSent()))
                        .with("reportDue", FrenchText.date(due))
                        .with("balance", balance)
                        .with("late", today.isAfter(due))));
    }

    /**
     * The reminders' timer cycle: the first some time before the report is due (09:00 in the authority's zone), then
     * at a fixed interval, a fixed number of times: "R4/2027-05-31T09:00:00+02:00/P30D".
     */
    @Transactional(readOnly = true)
    public String reportReminderCycle(Long requestId) {
        PaymentSchedule schedule = schedule(requestId);
        LocalDate first = schedule.reportDueOn().minus(policy.reminderLead());
        ZoneId zone = clock.getZone();
        return "R" + policy.reminders() + "/" + first.atTime(9, 0).atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + "/" + policy.reminderEvery();
    }

    /** The report's due date as Tasklist shows it: the end of the due day in the authority's zone. */
    @Transactional(readOnly = true)
    public Date reportDueAt(Long requestId) {
        return Date.from(schedule(requestId).reportDueOn().atTime(23, 59).atZone(clock.getZone()).toInstant());
    }

    @Transactional(readOnly = true)
    public PaymentSchedule schedule(Long requestId) {
        return schedules.findByRequestId(requestId)
                .orElseThrow(() -> new NotFoundException("Aucun échéancier de versement pour cette demande."));
    }

    @Transactional(readOnly = true)
    public Optional<PaymentSchedule> find(Long requestId) {
        return schedules.findByRequestId(requestId);
    }
}
