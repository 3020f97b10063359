package fr.subventions.backoffice;

import fr.subventions.budget.BudgetLine;
import fr.subventions.budget.BudgetService;
import fr.subventions.budget.Reservation;
import fr.subventions.bureau.Agenda;
import fr.subventions.instruction.InstructionService;
import fr.subventions.instruction.ReportParagraphs;
import fr.subventions.payment.Payment;
import fr.subventions.payment.PaymentSchedule;
import fr.subventions.payment.PaymentService;
import fr.subventions.shared.Caller;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.SubsidyPaymentProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import fr.subventions.workflow.TaskCompleter.Holder;
import fr.subventions.workflow.TaskCompleter.OpenTask;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action the dossier page offers at the request's current stage, and who may take it: the staff's user task the
 * request waits at, who has taken it, and what its form needs — read from our tables (documents, budget lines and
 * their live credits, the payment schedule). The form completes the same task, through the same domain path, as the
 * API and Tasklist ({@link DossierActionsController}).
 */
@Service
@Transactional(readOnly = true)
public class DossierActions {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final SubsidyRequestService requests;
    private final TaskCompleter tasks;
    private final DocumentService documents;
    private final BudgetService budget;
    private final PaymentService payments;
    private final InstructionService instruction;
    private final Agenda agenda;
    private final ExpectedDocuments expectedDocuments;
    private final Clock clock;

    DossierActions(SubsidyRequestService requests, TaskCompleter tasks, DocumentService documents, BudgetService budget,
            PaymentService payments, InstructionService instruction, Agenda agenda,
            ExpectedDocuments expectedDocuments, Clock clock) {
        this.expectedDocuments = expectedDocuments;
        this.requests = requests;
        this.tasks = tasks;
        this.documents = documents;
        this.budget = budget;
        this.payments = payments;
        this.instruction = instruction;
        this.agenda = agenda;
        this.clock = clock;
    }

    /** The staff's steps the back office works, each a user task, with the group it falls to (its candidate group). */
    public enum Step {
        COMPLETENESS("completude", "vérification de la complétude", Caller.OFFICERS, SubsidyRequestProcess.KEY,
                SubsidyRequestProcess.TASK_CHECK_COMPLETENESS),
        INSTRUCTION("instruction", "instruction", Caller.OFFICERS, SubsidyRequestProcess.KEY,
                SubsidyRequestProcess.TASK_INSTRUCT_REQUEST),
        SIGNATURE("signature", "signature de la convention par le Président", Caller.SECRETARIAT,
                SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT),
        IMPUTATION("engagement", "engagement des crédits", Caller.FINANCE, SubsidyRequestProcess.KEY,
                SubsidyRequestProcess.TASK_IMPUTE_BUDGET),
        PAYMENT("versement", "versement", Caller.FINANCE, SubsidyPaymentProcess.KEY, SubsidyPaymentProcess.TASK_PAY_FIRST,
                SubsidyPaymentProcess.TASK_PAY_BALANCE),
        CLOSING("cloture", "clôture", Caller.SECRETARIAT, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_CLOSE_REQUEST);

        private final String path;
        private final String stage;
        private final String group;
        private final String processKey;
        private final List<String> taskKeys;

        Step(String path, String stage, String group, String processKey, String... taskKeys) {
            this.path = path;
            this.stage = stage;
            this.group = group;
            this.processKey = processKey;
            this.taskKeys = List.of(taskKeys);
        }

        /** The last part of the form's address, and the value of the take/release forms' {@code etape} field. */
        public String path() {
            return path;
        }

        /** The stage in the words of a refusal, as the API names it: « n'est pas à l'étape « instruction » ». */
        public String stage() {
            return stage;
        }

        /** The group the task is offered to, as the BPMN's candidate group and the API's role. */
        public String group() {
            return group;
        }

        /** Who does it, in a sentence: « (revient) aux instructeurs ». */
        public String team() {
            return switch (group) {
                case Caller.OFFICERS -> "aux instructeurs";
                case Caller.FINANCE -> "au service des finances";
                default -> "au secrétariat des assemblées";
            };
        }

        public String processKey() {
            return processKey;
        }

        public List<String> taskKeys() {
            return taskKeys;
        }

        public boolean isStepOf(OpenTask task) {
            return processKey.equals(task.processKey()) && taskKeys.contains(task.taskKey());
        }

        public static Optional<Step> ofPath(String path) {
            return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
        }
    }

    /** The current stage's action for this member of staff (404 for an unknown reference). */
    public CurrentAction current(String reference, Caller caller) {
        SubsidyRequest request = requests.get(reference, caller);
        List<OpenTask> open = tasks.openTasks(reference);
        for (Step step : Step.values()) {
            for (OpenTask task : open) {
                if (step.isStepOf(task)) {
                    return action(request, step, task, caller);
                }
            }
        }
        return new CurrentAction(reference, null, null, null, tasks.whereIs(reference), false, Map.of(), Map.of());
    }

    /** The task open at this step, if the request waits there: for the take, release and give forms. */
    public Optional<OpenTask> openAt(String reference, Step step) {
        return tasks.openTasks(reference).stream().filter(step::isStepOf).findFirst();
    }

    private CurrentAction action(SubsidyRequest request, Step step, OpenTask open, Caller caller) {
        boolean member = caller.groups().contains(step.group());
        boolean mine = open.isTakenBy(caller.username());
        TaskState task = new TaskState(open.name(), open.holder(), member, mine, member && open.holder() == null,
                open.holder() != null && (mine || caller.isAdministrator()), caller.isAdministrator(),
                member && (open.holder() == null || mine),
                caller.isAdministrator() ? tasks.candidates(open).stream()
                        .filter(c -> open.holder() == null || !c.userId().equals(open.holder().userId())).toList() : List.of());
        Map<String, String> values = new LinkedHashMap<>();
        StepForm form = switch (step) {
            case COMPLETENESS -> completeness(request, values);
            case INSTRUCTION -> instruction(request);
            case SIGNATURE -> signature(request, values);
            case IMPUTATION -> imputation(request, values);
            case PAYMENT -> payment(request, values);
            case CLOSING -> new Closing(request.status().label(), request.outcome() == null ? null : request.outcome().label());
        };
        return new CurrentAction(request.reference(), step, task, form, null, false, values, Map.of());
    }

    private Completeness completeness(SubsidyRequest request, Map<String, String> values) {
        List<RequestDocument> filed = documents.list(request).stream().filter(d -> !d.type().generated()).toList();
        List<ExpectedDocument> expected = new ArrayList<>();
        List<DocumentType> listed = expectedDocuments.of(request);
        for (DocumentType type : listed) {
            List<String> files = filed.stream().filter(d -> d.type() == type).map(this::describe).toList();
            expected.add(new ExpectedDocument(Completeness.field(type), type.label(), files));
            if (!files.isEmpty()) {
                values.put(Completeness.field(type), "on");
            }
        }
        List<String> others = filed.stream().filter(d -> !listed.contains(d.type()))
                .map(d -> d.type().label() + " : " + describe(d)).toList();
        return new Completeness(expected, others, instruction.missingItemsDeadline(),
                listed.contains(DocumentType.CONTRAT_ENGAGEMENT_REPUBLICAIN), request.missingItems(),
                request.missingItemsDue());
    }

    private String describe(RequestDocument document) {
        return document.filename() + ", déposé le " + DAY.format(document.uploadedAt().atZone(zone()));
    }

    private Instruction instruction(SubsidyRequest request) {
        List<LineChoice> lines = budget.lines(request.fiscalYear()).stream()
                .map(l -> new LineChoice(LineChoice.field(l.code()), l.code(), l.label(), l.service(), l.available(), null))
                .toList();
        return new Instruction(request.requestedAmount(), request.totalBudget(), request.fiscalYear(), lines,
                request.theme(), request.applicant().name() + " – " + request.title());
    }

    private Signature signature(SubsidyRequest request, Map<String, String> values) {
        String president = agenda.decisionOn(request.id()).map(item -> item.session().president().fullName()).orElse("");
        values.put("signedBy", president);
        values.put("signedOn", LocalDate.now(clock).toString());
        return new Signature(request.grantedAmount(), president);
    }

    private Imputation imputation(SubsidyRequest request, Map<String, String> values) {
        Map<String, BigDecimal> held = new LinkedHashMap<>();
        for (Reservation reservation : budget.reservationsOf(request.id())) {
            if (reservation.active()) {
                held.merge(reservation.line().code(), reservation.amount(), BigDecimal::add);
            }
        }
        List<LineChoice> lines = new ArrayList<>();
        for (BudgetLine line : budget.lines(request.fiscalYear())) {
            BigDecimal reserved = held.get(line.code());
            lines.add(new LineChoice(LineChoice.field(line.code()), line.code(), line.label(), line.service(),
                    reserved == null ? line.available() : line.available().add(reserved), reserved));
            if (reserved != null) {
                values.put(LineChoice.field(line.code()), reserved.stripTrailingZeros().toPlainString());
            }
        }
        return new Imputation(request.grantedAmount(), request.fiscalYear(), lines);
    }

    private PaymentDue payment(SubsidyRequest request, Map<String, String> values) {
        values.put("paidOn", LocalDate.now(clock).toString());
        PaymentSchedule schedule = payments.find(request.id()).orElse(null);
        if (schedule == null) {
            return new PaymentDue(request.grantedAmount(), null, List.of(), null);
        }
        return new PaymentDue(schedule.granted(), schedule.next().orElse(null), schedule.payments(), schedule.reportDueOn());
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    // ------------------------------------------------------------------------------------------------ read model

    /**
     * The dossier page's action form: for which request, at which step (none when the request waits for someone
     * else, {@code situation} telling where), the task and who has it, what the step's form needs, and the form's
     * values and field errors — the defaults, or what was submitted when the form comes back refused.
     */
    public record CurrentAction(String reference, Step step, TaskState task, StepForm form, String situation,
            boolean preview, Map<String, String> values, Map<String, String> errors) {

        /** The same action with the submitted values and the messages under their fields. */
        public CurrentAction refused(Map<String, String> submitted, Map<String, String> fieldErrors) {
            return new CurrentAction(reference, step, task, form, situation, preview, Map.copyOf(submitted),
                    Map.copyOf(fieldErrors));
        }

        /** The same action with the submitted values, to preview the exposé without completing anything. */
        public CurrentAction previewed(Map<String, String> submitted) {
            return new CurrentAction(reference, step, task, form, situation, true, Map.copyOf(submitted), Map.of());
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public boolean checked(String field) {
            return values.containsKey(field);
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }

        public String error(String field) {
            return errors.get(field);
        }

        /**
         * Where the error summary's link for a field leads: to the field itself, or, for a split's sum ({@code
         * budgetLines}, {@code lines}), which has no field of its own, to the first line given an amount.
         */
        public String anchor(String field) {
            List<LineChoice> lines = form instanceof Instruction instruction ? instruction.lines()
                    : form instanceof Imputation imputation ? imputation.lines() : List.of();
            if (!"budgetLines".equals(field) && !"lines".equals(field) || lines.isEmpty()) {
                return field;
            }
            return lines.stream().map(LineChoice::field).filter(line -> !value(line).isBlank()).findFirst()
                    .orElse(lines.get(0).field());
        }

        /** The report's paragraphs as the deliberation's extract will lay them out (instruction only). */
        public List<String> reportParagraphs() {
            return ReportParagraphs.of(values.get("report"));
        }

        /** Whether the caller may fill in and send the step's form: their group's task, taken by nobody else. */
        public boolean mayAct() {
            return task != null && task.mayComplete();
        }
    }

    /**
     * The step's user task: its name, who has it, whether the caller is in the group it falls to, and what they may do
     * with it — take it when nobody has, release it when theirs (or as an administrator), give it (administrators),
     * complete it when nobody else has it.
     */
    public record TaskState(String name, Holder holder, boolean inGroup, boolean mine, boolean mayTake, boolean mayRelease,
            boolean mayGive, boolean mayComplete, List<Holder> candidates) {
    }

    /** What a step's form shows beside its fields. */
    public sealed interface StepForm permits Completeness, Instruction, Signature, Imputation, PaymentDue, Closing {
    }

    /** An expected document, ticked when received: the files received of its type. */
    public record ExpectedDocument(String field, String label, List<String> files) {

        public boolean received() {
            return !files.isEmpty();
        }
    }

    /**
     * The completeness check: the expected documents against those received, the others received, the deadline the
     * applicant would be given for the missing ones, and the items asked for before, if any.
     */
    public record Completeness(List<ExpectedDocument> expected, List<String> others, LocalDate deadline,
            boolean republicanCommitment, List<String> askedBefore, LocalDate askedBeforeDue) implements StepForm {

        /** The checkbox of a document type: {@code recue-STATUTS}. */
        public static String field(DocumentType type) {
            return "recue-" + type.name();
        }
    }

    /**
     * A budget line of the request's fiscal year, with the credits available on it now (for finance, plus what the
     * request itself holds there) and what the request holds there (imputation).
     */
    public record LineChoice(String field, String code, String label, String service, BigDecimal available,
            BigDecimal reserved) {

        /** The amount field of a line: {@code montant-2025-65-65748-90-DEVECO}. */
        public static String field(String code) {
            return "montant-" + code;
        }
    }

    /** The instruction: the request's amounts, the year's lines with their credits, and the extract's heading. */
    public record Instruction(BigDecimal requested, BigDecimal totalBudget, int fiscalYear, List<LineChoice> lines,
            String theme, String itemTitle) implements StepForm {
    }

    /** The President's signature of the convention, recorded by the secretariat. */
    public record Signature(BigDecimal granted, String president) implements StepForm {
    }

    /** Finance commits the granted amount on lines of the fiscal year; the instruction's reservation is proposed. */
    public record Imputation(BigDecimal granted, int fiscalYear, List<LineChoice> lines) implements StepForm {
    }

    /** The payment due, from the schedule, and the whole schedule. */
    public record PaymentDue(BigDecimal granted, Payment due, List<Payment> schedule, LocalDate reportDueOn)
            implements StepForm {
    }

    /** Closing: the request's stage and outcome, for a last look before the secretariat closes it. */
    public record Closing(String status, String outcome) implements StepForm {
    }
}
