package fr.subventions.backoffice;

import fr.subventions.backoffice.DossierActions.Step;
import fr.subventions.backoffice.DossierActions.StepTask;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AgendaItem;
import fr.subventions.bureau.SessionService;
import fr.subventions.payment.PaymentService;
import fr.subventions.shared.Caller;
import fr.subventions.shared.DatabaseFailures;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.Money;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import fr.subventions.shared.Violations;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import fr.subventions.workflow.TaskCompleter.OpenTask;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * One action on a selection of the worklist's requests, up to {@value Selection#MAX}: take or release each one's task,
 * give it to an officer, put the requests on a séance's agenda, record the payment due of each, close them.
 *
 * <p>The command is checked whole first — the action and the caller's right to it (403), the references (400), the one
 * parameter the action needs (400), the séance still in preparation (409) — and nothing is done when it is refused.
 * Then each request is checked and acted on alone, through the same service as the dossier page and the API do it one
 * at a time ({@link TaskCompleter}, {@link Agenda}, {@link PaymentService}), each in its own transaction: a request
 * refused (unknown, at another stage, its task taken by a colleague, its task another group's) is reported with the
 * reason that call gives, and the others go on. Not a transaction itself, so that each request's completion may be
 * tried again after a concurrent change, as a single one is.
 */
@Service
public class BatchActions {

    private static final Logger LOG = LoggerFactory.getLogger(BatchActions.class);
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9._-]{1,100}");
    static final String ACTIONS = "TAKE, RELEASE, ASSIGN, ADD_TO_AGENDA, RECORD_PAYMENT ou CLOSE";

    private final SubsidyRequestService requests;
    private final DossierActions actions;
    private final TaskCompleter tasks;
    private final Agenda agenda;
    private final SessionService sessions;
    private final PaymentService payments;
    private final WorklistService worklist;

    BatchActions(SubsidyRequestService requests, DossierActions actions, TaskCompleter tasks, Agenda agenda,
            SessionService sessions, PaymentService payments, WorklistService worklist) {
        this.requests = requests;
        this.actions = actions;
        this.tasks = tasks;
        this.agenda = agenda;
        this.sessions = sessions;
        this.payments = payments;
        this.worklist = worklist;
    }

    /** A command once checked: the action, the references in their order, the action's parameter. */
    record Checked(BatchAction action, List<String> references, String assignee, Long sessionId, String sessionLabel,
            LocalDate paidOn, String mandateReference) {
    }

    /** Checks the command, then acts on each request alone; the report lists each one, done or refused. */
    public BatchReport run(BatchCommand command, Caller caller) {
        Checked checked = check(command, caller);
        List<BatchReport.Line> lines = new ArrayList<>(checked.references().size());
        for (String reference : checked.references()) {
            lines.add(one(checked, reference, caller));
        }
        LOG.info("Batch {} by {}: {} requests", checked.action(), caller.username(), lines.size());
        return BatchReport.of(checked.action(), lines);
    }

    /**
     * The command as a whole: 403 for an action the caller's groups do not allow, 400 naming every field refused, 409
     * for a séance whose agenda is fixed. Nothing is done yet.
     */
    Checked check(BatchCommand command, Caller caller) {
        Violations v = new Violations();
        BatchAction action = null;
        if (command.action() == null || command.action().isBlank()) {
            v.add("action", "choisissez une action : " + ACTIONS);
        } else {
            action = BatchAction.of(command.action().strip()).orElse(null);
            v.check(action != null, "action", "action inconnue : " + ACTIONS);
        }
        if (action != null && !action.allows(caller)) {
            throw new AccessDeniedException("batch " + action + " refused to " + caller.username());
        }
        List<String> references = Selection.references(command.references(), v);
        String assignee = null;
        if (action != null) {
            unused(v, "assignee", command.assignee(), action, BatchAction.ASSIGN);
            unused(v, "sessionId", command.sessionId(), action, BatchAction.ADD_TO_AGENDA);
            unused(v, "paidOn", command.paidOn(), action, BatchAction.RECORD_PAYMENT);
            unused(v, "mandateReference", command.mandateReference(), action, BatchAction.RECORD_PAYMENT);
            switch (action) {
                case ASSIGN -> {
                    assignee = command.assignee() == null ? "" : command.assignee().strip();
                    if (assignee.isEmpty()) {
                        v.add("assignee", "choisissez l'agent à qui confier les tâches");
                    } else if (!USER_ID.matcher(assignee).matches() || !worklist.isStaff(assignee)) {
                        v.add("assignee", "agent inconnu : choisissez un agent de la liste");
                    }
                }
                case ADD_TO_AGENDA -> v.check(command.sessionId() != null, "sessionId",
                        "choisissez la séance dont l'ordre du jour reçoit les demandes");
                case RECORD_PAYMENT -> {
                    // the payment's own rule, checked once for every request
                    try {
                        payments.checkPayment(command.paidOn(), command.mandateReference());
                    } catch (InvalidInputException e) {
                        e.errors().forEach(error -> v.add(error.field(), error.message()));
                    }
                }
                default -> {
                }
            }
        }
        v.throwIfAny();
        String sessionLabel = null;
        if (action == BatchAction.ADD_TO_AGENDA) {
            try {
                agenda.requireOpen(command.sessionId());
            } catch (NotFoundException e) {
                throw new InvalidInputException("sessionId", "séance inconnue : choisissez une séance en préparation");
            }
            sessionLabel = sessions.get(command.sessionId()).label();
        }
        return new Checked(action, references, assignee, command.sessionId(), sessionLabel, command.paidOn(),
                command.mandateReference());
    }

    private static void unused(Violations v, String field, Object value, BatchAction action, BatchAction needing) {
        v.check(value == null || action == needing, field, "sans objet pour l'action " + action.name());
    }

    /** One request, acted on alone: done with what was done, or refused with the reason its call gave. */
    private BatchReport.Line one(Checked checked, String reference, Caller caller) {
        try {
            return BatchReport.Line.done(reference, act(checked, reference, caller));
        } catch (InvalidInputException e) {
            return BatchReport.Line.refused(reference, e.errors().stream().map(FieldError::message)
                    .collect(Collectors.joining(" ; ")));
        } catch (StageConflictException | NotFoundException | Refused e) {
            return BatchReport.Line.refused(reference, e.getMessage());
        } catch (AccessDeniedException e) {
            return BatchReport.Line.refused(reference, "votre rôle ne permet pas de " + checked.action().verb()
                    + " pour cette demande");
        } catch (RuntimeException e) {
            if (DatabaseFailures.isConcurrentChange(e)) {
                return BatchReport.Line.refused(reference, "cette demande vient d'être modifiée par quelqu'un d'autre : "
                        + "rien n'a été fait pour elle, recommencez");
            }
            LOG.error("Batch {} on {} failed", checked.action(), reference, e);
            return BatchReport.Line.refused(reference, "erreur inattendue, journalisée : rien n'a été fait pour cette demande");
        }
    }

    /** What the single action does, through the same call; what was done, in French. */
    private String act(Checked checked, String reference, Caller caller) {
        SubsidyRequest request = requests.get(reference, caller);
        return switch (checked.action()) {
            case TAKE -> take(reference, caller);
            case RELEASE -> {
                StepTask at = waitingAt(reference);
                tasks.release(at.step().processKey(), reference, at.task().taskKey(), caller, at.step().stage());
                yield "tâche « " + at.task().name() + " » libérée : elle retourne dans la file de son groupe";
            }
            case ASSIGN -> {
                StepTask at = waitingAt(reference);
                tasks.give(at.step().processKey(), reference, at.task().taskKey(), checked.assignee(), caller,
                        at.step().stage());
                yield "tâche « " + at.task().name() + " » confiée à " + tasks.openTask(at.step().processKey(), reference,
                        at.task().taskKey()).map(task -> task.holder().label()).orElse(checked.assignee());
            }
            case ADD_TO_AGENDA -> {
                AgendaItem item = agenda.addToAgenda(checked.sessionId(), List.of(reference), caller.username()).get(0);
                yield "inscrite à l'ordre du jour : " + checked.sessionLabel() + ", point n° " + item.position();
            }
            case RECORD_PAYMENT -> {
                payments.payDue(request, checked.paidOn(), checked.mandateReference(), caller.username());
                yield "versement enregistré" + payments.find(request.id()).flatMap(schedule -> schedule.payments()
                        .stream().filter(p -> p.paidOn() != null).reduce((first, last) -> last))
                        .map(p -> " : " + p.kind().label().toLowerCase(Locale.FRANCE) + " de " + Money.format(p.amount())
                                + ", mandat n° " + p.mandateReference())
                        .orElse("");
            }
            case CLOSE -> {
                tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CLOSE_REQUEST, Map.of(),
                        caller.username(), Step.CLOSING.stage());
                yield "demande clôturée";
            }
        };
    }

    private String take(String reference, Caller caller) {
        StepTask at = waitingAt(reference);
        OpenTask task = at.task();
        if (task.isTakenBy(caller.username())) {
            return "vous aviez déjà pris la tâche « " + task.name() + " »";
        }
        try {
            tasks.claim(at.step().processKey(), reference, task.taskKey(), caller, at.step().stage());
        } catch (AccessDeniedException e) {
            throw new Refused("la tâche « " + task.name() + " » revient " + at.step().team()
                    + " : votre rôle ne permet pas de la prendre");
        }
        return "tâche « " + task.name() + " » prise";
    }

    /** The staff task the request waits at, or the refusal saying where it waits instead. */
    private StepTask waitingAt(String reference) {
        return actions.waitingAt(reference).orElseThrow(() -> new StageConflictException("« " + reference
                + " » n'attend aucune tâche des agents : " + tasks.whereIs(reference) + "."));
    }

    /** A refusal this class words itself, from what the called service refused. */
    private static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message);
        }
    }
}
