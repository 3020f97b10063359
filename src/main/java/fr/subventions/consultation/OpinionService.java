package fr.subventions.consultation;

import fr.subventions.consultation.OpinionQuestion.Asked;
import fr.subventions.consultation.OpinionQuestion.Upload;
import fr.subventions.shared.Caller;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import fr.subventions.shared.Texts;
import fr.subventions.shared.Violations;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.RequestWithdrawn;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.ServiceOpinionProcess;
import fr.subventions.workflow.TaskCompleter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opinions asked of other services or colleagues on a request (« avis des services »): an instructing officer asks,
 * with a question, a deadline and documents; each service or colleague asked gets a task of its own
 * ({@code service-opinion}) and an e-mail; the opinion given is filed with the request and told to its asker. A request
 * withdrawn withdraws its opinions still awaited. Nothing of it reaches the applicant: not the request's history, not
 * the portal, not the applicant's API or e-mails ({@link OpinionAccess}).
 *
 * <p>Over 300 lines: each entry point — asking, giving, withdrawing, the timers' steps, the reads for the API, the
 * pages and the report — with its access check and its message to the process; split, each would repeat the lookups.
 */
@Service
@Transactional
public class OpinionService {

    static final int QUESTION_LENGTH = 2000;
    static final int TEXT_LENGTH = 5000;
    /** Files uploaded with one question. */
    static final int MAX_UPLOADS = 5;

    private final OpinionRequestRepository opinions;
    private final SubsidyRequestService requests;
    private final DocumentService documents;
    private final Colleagues colleagues;
    private final OpinionSettings settings;
    private final RuntimeService runtime;
    private final TaskCompleter tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OpinionService(OpinionRequestRepository opinions, SubsidyRequestService requests, DocumentService documents,
            Colleagues colleagues, OpinionSettings settings, RuntimeService runtime, TaskCompleter tasks,
            ApplicationEventPublisher events, Clock clock) {
        settings.check();
        this.opinions = opinions;
        this.requests = requests;
        this.documents = documents;
        this.colleagues = colleagues;
        this.settings = settings;
        this.runtime = runtime;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    /** The deadline's rules, in the authority's time zone. */
    public OpinionDeadlines deadlines() {
        return OpinionDeadlines.of(settings, clock.getZone());
    }

    /** The services an opinion may be asked of: staff group → label, in the order of the configuration. */
    public Map<String, String> services() {
        return Collections.unmodifiableMap(settings.servicesByGroup());
    }

    // ------------------------------------------------------------------------------------------------------ asking

    /**
     * An instructing officer asks one or several services or colleagues for an opinion: one opinion request, one task
     * and one e-mail per service or colleague. Everything is checked before anything is filed: the files uploaded
     * with the question (as every upload), the documents chosen (the request's own), the deadline.
     */
    public List<OpinionView> ask(String reference, OpinionQuestion question, Caller caller) {
        if (!caller.groups().contains(Caller.OFFICERS)) {
            throw new AccessDeniedException("asking for an opinion is for instructing officers");
        }
        SubsidyRequest request = requests.get(reference, caller);
        if (request.status() == RequestStatus.CLOSED) {
            throw new StageConflictException("La demande " + reference + " est clôturée : aucun avis ne peut plus être "
                    + "demandé.");
        }
        List<OpinionRequest> awaited = opinions.findByRequestIdAndStateOrderById(request.id(), OpinionState.ASKED);
        Violations v = new Violations();
        List<Recipient> recipients = recipients(question, awaited, caller, v);
        String text = question.question() == null ? "" : question.question().strip();
        if (text.isEmpty()) {
            v.add("question", "la question est obligatoire : ce sur quoi l'avis est demandé");
        } else if (text.length() > QUESTION_LENGTH) {
            v.add("question", "au plus " + QUESTION_LENGTH + " caractères");
        } else {
            Texts.check(v, "question", text);
        }
        deadlines().refusal(question.dueOn(), LocalDate.now(clock)).ifPresent(refusal -> v.add("dueOn", refusal));
        Set<Long> chosen = new LinkedHashSet<>(question.documentIds());
        Set<Long> ofRequest = new HashSet<>();
        documents.views(request, caller).forEach(d -> ofRequest.add(d.id()));
        for (Long id : chosen) {
            if (id == null || !ofRequest.contains(id)) {
                v.add("documentIds", "le document " + id + " n'est pas une pièce de la demande " + reference);
                break;
            }
        }
        checkUploads(question.uploads(), v);
        v.throwIfAny();

        for (Upload upload : question.uploads()) {
            chosen.add(documents.fileForStaff(request.id(), DocumentType.OPINION_ATTACHMENT, upload.filename(),
                    upload.content(), caller).id());
        }
        Instant now = Instant.now(clock);
        List<OpinionView> asked = new ArrayList<>();
        for (Recipient recipient : recipients) {
            OpinionRequest opinion = opinions.saveAndFlush(new OpinionRequest(request.id(), recipient, caller.username(), now,
                    text, question.dueOn(), question.confidential(), chosen));
            String process = runtime.createProcessInstanceByKey(ServiceOpinionProcess.KEY).businessKey(reference)
                    .setVariable(ServiceOpinionProcess.VAR_OPINION_ID, opinion.id())
                    .setVariable(ServiceOpinionProcess.VAR_REQUEST_ID, request.id())
                    .execute().getId();
            opinion.attachProcess(process);
            events.publishEvent(new OpinionEvent(opinion.id(), request.id(), OpinionEvent.Kind.ASKED));
            asked.add(view(opinion, reference, caller));
        }
        return asked;
    }

    /** The services and colleagues asked, each once; a refusal names the field that named it. */
    private List<Recipient> recipients(OpinionQuestion question, List<OpinionRequest> awaited, Caller caller, Violations v) {
        List<Recipient> recipients = new ArrayList<>();
        if (question.recipients().isEmpty()) {
            v.add(question.recipientsField(), "choisissez au moins un service ou un collègue à consulter");
            return recipients;
        }
        for (Asked asked : question.recipients()) {
            Recipient recipient = asked.recipient();
            if (recipient == null || recipient.id() == null || recipient.id().isBlank()) {
                v.add(asked.field(), "choisissez un service ou un collègue à consulter");
                continue;
            }
            if (recipients.contains(recipient)) {
                continue;
            }
            if (recipient.isGroup() && !settings.servicesByGroup().containsKey(recipient.id())) {
                v.add(asked.field(), "service inconnu : « " + recipient.id() + " » ; services consultables : "
                        + String.join(", ", settings.servicesByGroup().keySet()));
                continue;
            }
            if (!recipient.isGroup()) {
                if (recipient.id().equals(caller.username())) {
                    v.add(asked.field(), "vous ne pouvez pas vous demander votre propre avis");
                    continue;
                }
                if (colleagues.staffMember(recipient.id()).isEmpty()) {
                    v.add(asked.field(), "« " + recipient.id() + " » n'est pas un agent de la collectivité");
                    continue;
                }
            }
            OpinionRequest pending = awaited.stream().filter(o -> o.recipient().equals(recipient)).findFirst().orElse(null);
            if (pending != null) {
                v.add(asked.field(), "un avis est déjà attendu de « " + label(recipient) + " » sur cette demande, pour le "
                        + FrenchText.date(pending.dueOn()) + " : retirez cette demande d'avis avant d'en faire une autre");
                continue;
            }
            recipients.add(recipient);
        }
        return recipients;
    }

    private void checkUploads(List<Upload> uploads, Violations v) {
        if (uploads.size() > MAX_UPLOADS) {
            v.add("attachments", "au plus " + MAX_UPLOADS + " fichiers joints à une demande d'avis");
            return;
        }
        for (Upload upload : uploads) {
            try {
                documents.check(upload.filename(), upload.content());
            } catch (InvalidInputException e) {
                e.errors().forEach(error -> v.add("attachments", "« " + upload.filename() + " » : " + error.message()));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------ giving

    /**
     * The one asked gives the opinion, from the API or the back office: their task is completed as Tasklist would, and
     * its listener records the opinion ({@link #record}). Someone else is refused (403); an opinion already given, or
     * withdrawn, answers 409. A late opinion is received all the same.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public OpinionView give(Long id, Verdict verdict, String text, Caller caller) {
        OpinionRequest opinion = opinions.findById(id).orElseThrow(() -> unknown(id));
        if (!OpinionAccess.isAsked(opinion, caller)) {
            throw new AccessDeniedException("only the one asked gives the opinion " + id);
        }
        requireAwaited(opinion);
        Violations v = new Violations();
        v.check(verdict != null, "verdict", "l'avis est obligatoire : FAVORABLE, RESERVED ou UNFAVORABLE");
        checkText(text, v);
        v.throwIfAny();
        String reference = requests.byId(opinion.requestId()).reference();
        Map<String, Object> fields = new HashMap<>();
        fields.put("verdict", verdict.name());
        fields.put("text", text);
        tasks.completeInstance(ServiceOpinionProcess.KEY, reference, ServiceOpinionProcess.TASK_GIVE_OPINION,
                ServiceOpinionProcess.VAR_OPINION_ID, id, fields, caller.username(), "avis demandé");
        return view(opinions.findById(id).orElseThrow(), reference, caller);
    }

    /** Completing the task records the opinion: from the pages and the API through {@link #give}, or from Tasklist. */
    void record(Long id, String verdict, String text, String actor) {
        OpinionRequest opinion = opinions.findById(id).orElseThrow(() -> unknown(id));
        Violations v = new Violations();
        Verdict parsed = null;
        if (verdict == null || verdict.isBlank()) {
            v.add("verdict", "l'avis est obligatoire : FAVORABLE, RESERVED ou UNFAVORABLE");
        } else {
            try {
                parsed = Verdict.valueOf(verdict.strip());
            } catch (IllegalArgumentException e) {
                v.add("verdict", "avis inconnu : FAVORABLE, RESERVED ou UNFAVORABLE");
            }
        }
        checkText(text, v);
        v.throwIfAny();
        opinion.give(parsed, text.strip(), actor, Instant.now(clock));
        events.publishEvent(new OpinionEvent(id, opinion.requestId(), OpinionEvent.Kind.GIVEN));
    }

    private static void checkText(String text, Violations v) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            v.add("text", "le texte de l'avis est obligatoire");
        } else if (stripped.length() > TEXT_LENGTH) {
            v.add("text", "au plus " + TEXT_LENGTH + " caractères");
        } else {
            Texts.check(v, "text", stripped);
        }
    }

    // ------------------------------------------------------------------------------------------------- withdrawing

    /** Its asker (or an administrator) withdraws an opinion still awaited: its task ends, the one asked is told. */
    public OpinionView withdraw(Long id, Caller caller) {
        OpinionRequest opinion = opinions.findById(id).orElseThrow(() -> unknown(id));
        if (!OpinionAccess.mayWithdraw(opinion, caller)) {
            throw new AccessDeniedException("only its asker withdraws the opinion request " + id);
        }
        requireAwaited(opinion);
        withdraw(opinion, caller.username(), "retirée par " + colleagues.name(caller.username()));
        return view(opinion, requests.byId(opinion.requestId()).reference(), caller);
    }

    /** The applicant withdrew the request: the opinions still awaited are withdrawn with it. */
    @EventListener
    void onRequestWithdrawn(RequestWithdrawn withdrawn) {
        for (OpinionRequest opinion : opinions.findByRequestIdAndStateOrderById(withdrawn.requestId(), OpinionState.ASKED)) {
            withdraw(opinion, "système", "la demande de subvention a été retirée par le demandeur");
        }
    }

    /** The request's process ended — closed, inadmissible, withdrawn —: nothing is awaited of anyone any more. */
    void onRequestEnded(Long requestId) {
        for (OpinionRequest opinion : opinions.findByRequestIdAndStateOrderById(requestId, OpinionState.ASKED)) {
            withdraw(opinion, "système", "la demande de subvention est close");
        }
    }

    private void withdraw(OpinionRequest opinion, String actor, String reason) {
        opinion.withdraw(actor, reason, Instant.now(clock));
        runtime.createMessageCorrelation(ServiceOpinionProcess.MESSAGE_OPINION_WITHDRAWN)
                .processInstanceId(opinion.processInstanceId())
                .correlate();
        events.publishEvent(new OpinionEvent(opinion.id(), opinion.requestId(), OpinionEvent.Kind.WITHDRAWN));
    }

    // ------------------------------------------------------------------------------------------------ the timers

    /** Before the deadline: the one asked is reminded, once. */
    void remind(Long id) {
        OpinionRequest opinion = opinions.findById(id).orElseThrow(() -> unknown(id));
        if (opinion.state() != OpinionState.ASKED) {
            return;
        }
        opinion.reminded(Instant.now(clock));
        events.publishEvent(new OpinionEvent(id, opinion.requestId(), OpinionEvent.Kind.REMINDER_DUE));
    }

    /** The deadline passed unanswered: the asking officer is told; the opinion may still come. */
    void notifyOverdue(Long id) {
        OpinionRequest opinion = opinions.findById(id).orElseThrow(() -> unknown(id));
        if (opinion.state() != OpinionState.ASKED) {
            return;
        }
        opinion.overdueNotified(Instant.now(clock));
        events.publishEvent(new OpinionEvent(id, opinion.requestId(), OpinionEvent.Kind.OVERDUE));
    }

    // ------------------------------------------------------------------------------------------------------ reads

    /**
     * A request's opinions the caller may see, in the order they were asked: for staff, every one but the confidential
     * ones they may not see; an applicant gets 404, as for a request that is not theirs.
     */
    @Transactional(readOnly = true)
    public List<OpinionView> of(String reference, Caller caller) {
        if (!caller.isStaff() && !caller.isAdministrator()) {
            throw new NotFoundException("Demande inconnue : " + reference);
        }
        SubsidyRequest request = requests.get(reference, caller);
        return opinions.findByRequestIdOrderById(request.id()).stream().filter(o -> OpinionAccess.maySee(o, caller))
                .map(o -> view(o, reference, caller)).toList();
    }

    /**
     * Every opinion asked on a request, confidential ones included, for the application's own use: the instruction
     * report (an internal document, which says of a confidential opinion only that it was given) and the e-mails to
     * those concerned. What a caller sees goes through {@link #of}.
     */
    @Transactional(readOnly = true)
    public List<OpinionView> ofRequest(Long requestId) {
        String reference = requests.byId(requestId).reference();
        return opinions.findByRequestIdOrderById(requestId).stream().map(o -> view(o, reference, null)).toList();
    }

    /** One opinion request, for the application's own use (its e-mails). */
    @Transactional(readOnly = true)
    public OpinionView view(Long id) {
        OpinionRequest opinion = opinions.findById(id).orElseThrow(() -> unknown(id));
        return view(opinion, requests.byId(opinion.requestId()).reference(), null);
    }

    /** The service's label or the colleague's name. */
    public String label(Recipient recipient) {
        return recipient.isGroup() ? settings.label(recipient.id()) : colleagues.name(recipient.id());
    }

    private OpinionView view(OpinionRequest o, String reference, Caller caller) {
        OpinionDeadlines deadlines = deadlines();
        OpinionStatus status = switch (o.state()) {
            case ASKED -> deadlines.late(o.dueOn(), LocalDate.now(clock)) ? OpinionStatus.LATE : OpinionStatus.ASKED;
            case GIVEN -> OpinionStatus.GIVEN;
            case WITHDRAWN -> OpinionStatus.WITHDRAWN;
        };
        Recipient recipient = o.recipient();
        return new OpinionView(o.id(), reference, new OpinionView.AskedOf(o.askedGroup(), o.askedUser(), label(recipient)),
                o.askedBy(), colleagues.name(o.askedBy()), o.askedAt(), o.question(), o.dueOn(), o.confidential(), status,
                status.label(), o.verdict(), o.verdict() == null ? null : o.verdict().label(), o.text(), o.givenBy(),
                colleagues.name(o.givenBy()), o.givenAt(), o.givenAt() != null && deadlines.givenLate(o.dueOn(), o.givenAt()),
                o.withdrawnAt(), o.withdrawalReason(), o.documentIds().stream().sorted().toList(),
                caller != null && o.state() == OpinionState.ASKED && OpinionAccess.isAsked(o, caller),
                caller != null && o.state() == OpinionState.ASKED && OpinionAccess.mayWithdraw(o, caller));
    }

    private void requireAwaited(OpinionRequest opinion) {
        if (opinion.state() == OpinionState.GIVEN) {
            throw new StageConflictException("Cet avis a déjà été donné, le " + FrenchText.date(LocalDate.ofInstant(
                    opinion.givenAt(), clock.getZone())) + ".");
        }
        if (opinion.state() == OpinionState.WITHDRAWN) {
            throw new StageConflictException("Cette demande d'avis a été retirée : il n'y a plus d'avis à donner.");
        }
    }

    private static NotFoundException unknown(Long id) {
        return new NotFoundException("Demande d'avis inconnue : " + id);
    }
}
