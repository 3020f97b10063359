package fr.subventions.backoffice;

import fr.subventions.backoffice.CurrentAction.TaskState;
import fr.subventions.shared.Caller;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.SubsidyPaymentProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import fr.subventions.workflow.TaskCompleter.OpenTask;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action the dossier page offers at the request's current stage, and who may take it: the staff's user task the
 * request waits at, who has taken it, and what its form needs — read by the forms of the team the step falls to
 * ({@link OfficerStepForms}, {@link SecretariatStepForms}, {@link FinanceStepForms}). The form completes the same
 * task, through the same domain path, as the API and Tasklist ({@link OfficerStepsController},
 * {@link SecretariatStepsController}, {@link FinanceStepsController}).
 */
@Service
@Transactional(readOnly = true)
public class DossierActions {

    private final SubsidyRequestService requests;
    private final TaskCompleter tasks;
    private final OfficerStepForms officers;
    private final SecretariatStepForms secretariat;
    private final FinanceStepForms finance;

    DossierActions(SubsidyRequestService requests, TaskCompleter tasks, OfficerStepForms officers,
            SecretariatStepForms secretariat, FinanceStepForms finance) {
        this.requests = requests;
        this.tasks = tasks;
        this.officers = officers;
        this.secretariat = secretariat;
        this.finance = finance;
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

    /** A staff step the request waits at, and its task as it is now. */
    public record StepTask(Step step, OpenTask task) {
    }

    /**
     * The staff step the request waits at and its task, if it waits at one: the step whose form the dossier page offers
     * ({@link #current}), found without reading what the form needs. A batch takes, releases or gives this task.
     */
    public Optional<StepTask> waitingAt(String reference) {
        List<OpenTask> open = tasks.openTasks(reference);
        for (Step step : Step.values()) {
            for (OpenTask task : open) {
                if (step.isStepOf(task)) {
                    return Optional.of(new StepTask(step, task));
                }
            }
        }
        return Optional.empty();
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
            case COMPLETENESS -> officers.completeness(request, values);
            case INSTRUCTION -> officers.instruction(request);
            case SIGNATURE -> secretariat.signature(request, values);
            case IMPUTATION -> finance.imputation(request, values);
            case PAYMENT -> finance.payment(request, values);
            case CLOSING -> secretariat.closing(request);
        };
        return new CurrentAction(request.reference(), step, task, form, null, false, values, Map.of());
    }
}
