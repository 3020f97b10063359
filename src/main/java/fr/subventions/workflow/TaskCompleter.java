package fr.subventions.workflow;

import fr.subventions.shared.Caller;
import fr.subventions.shared.DatabaseFailures;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Completes a user task on behalf of an API caller, exactly as Tasklist would: the form's fields go in as transient
 * variables and the task's complete listener applies them through the domain. A task that is not there means the
 * request is not at that stage.
 *
 * <p>The caller's role and ownership are checked by the API and the pages before they come here (Spring Security and
 * the domain). The caller is still set as the engine's authenticated user, so that the listeners know who acts
 * ({@link FormFields#actor()}); but with Camunda authorizations enabled that would make the engine check the caller's
 * own authorizations too — which a portal account, not an engine user, never has — so the completion runs with the
 * engine's authorization checks off, as the application's own call. Tasklist's calls keep every check.
 *
 * <p>A task may be taken (claimed) by a member of its candidate groups, as in Tasklist: once taken, nobody else
 * completes it — the API, the back office and every other path through here answer 409 naming who has it — until its
 * holder releases it or an administrator gives it to someone else.
 */
@Component
public class TaskCompleter {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final CommandExecutor commands;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;

    TaskCompleter(TaskService taskService, IdentityService identityService, ProcessEngineConfigurationImpl engine,
            RuntimeService runtime, HistoryService history, RepositoryService repository) {
        this.repository = repository;
        this.taskService = taskService;
        this.identityService = identityService;
        this.runtime = runtime;
        this.history = history;
        this.commands = engine.getCommandExecutorTxRequired();
    }

    public void complete(String processKey, String businessKey, String taskKey, Map<String, Object> fields,
            String actor, String stageLabel) {
        Task task = find(processKey, businessKey, taskKey, null, null)
                .orElseThrow(() -> notAtStage(businessKey, stageLabel));
        complete(task, fields, actor);
    }

    private StageConflictException notAtStage(String businessKey, String stageLabel) {
        return new StageConflictException("« " + businessKey + " » n'est pas à l'étape « " + stageLabel + " » : "
                + whereIs(businessKey) + ".");
    }

    // ------------------------------------------------------------------------------------- taking and giving tasks

    /** Who has taken a task: their user id and their name as the engine's directory knows it. */
    public record Holder(String userId, String name) {

        /** "Claire Instructrice (instructeur)", or the id alone for a user without a name. */
        public String label() {
            return name.equals(userId) ? userId : name + " (" + userId + ")";
        }
    }

    /**
     * A task a case waits at: its process and element, the stage's name as the diagram has it (« Instruire la
     * demande », where the task itself is named after its case too), who has taken it (null when it waits in its
     * groups' queue), its candidate groups.
     */
    public record OpenTask(String processKey, String taskKey, String name, Holder holder, List<String> candidateGroups) {

        public boolean isTakenBy(String userId) {
            return holder != null && holder.userId().equals(userId);
        }
    }

    /** The task of the case at this step, if the case waits there. */
    public Optional<OpenTask> openTask(String processKey, String businessKey, String taskKey) {
        return find(processKey, businessKey, taskKey, null, null).map(this::open);
    }

    /** Every task the case's processes wait at, in one query: its own, its payment's. */
    public List<OpenTask> openTasks(String businessKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).orderByTaskCreateTime().asc().list()
                .stream().map(this::open).toList();
    }

    private OpenTask open(Task task) {
        String definition = task.getProcessDefinitionId();
        // the engine keeps each deployed diagram in its cache: no query
        org.camunda.bpm.model.xml.instance.ModelElementInstance element = unchecked(
                () -> repository.getBpmnModelInstance(definition)).getModelElementById(task.getTaskDefinitionKey());
        String stage = element == null ? null : element.getAttributeValue("name");
        return new OpenTask(definition.substring(0, definition.indexOf(':')), task.getTaskDefinitionKey(),
                stage == null ? task.getName() : stage, task.getAssignee() == null ? null : holder(task.getAssignee()),
                candidateGroups(task.getId()));
    }

    /** The users who may be given the task: the members of its candidate groups, by id. */
    public List<Holder> candidates(OpenTask task) {
        return task.candidateGroups().stream()
                .flatMap(group -> unchecked(() -> identityService.createUserQuery().memberOfGroup(group).orderByUserId()
                        .asc().list()).stream())
                .map(TaskCompleter::holder).distinct().sorted(java.util.Comparator.comparing(Holder::userId)).toList();
    }

    /**
     * The caller takes the task, as « Claim » in Tasklist: a member of its candidate groups only, and only while
     * nobody else has it. Taking a task one already has changes nothing.
     */
    public void claim(String processKey, String businessKey, String taskKey, Caller caller, String stageLabel) {
        Task task = find(processKey, businessKey, taskKey, null, null).orElseThrow(() -> notAtStage(businessKey, stageLabel));
        requireCandidate(task, caller);
        if (caller.username().equals(task.getAssignee())) {
            return;
        }
        if (task.getAssignee() != null) {
            throw takenBy(task.getAssignee());
        }
        try {
            commands.execute(context -> context.runWithoutAuthorization(() -> {
                taskService.claim(task.getId(), caller.username());
                return null;
            }));
        } catch (TaskAlreadyClaimedException e) {
            throw takenBy(e.getTaskAssignee());
        } catch (ProcessEngineException e) {
            // two claims at the same instant: the engine's optimistic lock lets one through; tell the other who won
            if (!DatabaseFailures.isConcurrentChange(e)) {
                throw e;
            }
            Task now = stillOpen(task.getId());
            if (now == null) {
                throw new StageConflictException("Cette tâche vient d'être traitée par quelqu'un d'autre ; rechargez la demande.");
            }
            if (now.getAssignee() != null && !now.getAssignee().equals(caller.username())) {
                throw takenBy(now.getAssignee());
            }
            throw e;
        }
    }

    /** The task goes back to its groups' queue: released by whoever has it, or by an administrator. */
    public void release(String processKey, String businessKey, String taskKey, Caller caller, String stageLabel) {
        Task task = find(processKey, businessKey, taskKey, null, null).orElseThrow(() -> notAtStage(businessKey, stageLabel));
        if (task.getAssignee() == null) {
            throw new StageConflictException("Cette tâche n'est prise par personne : elle attend déjà dans la file de son groupe.");
        }
        if (!task.getAssignee().equals(caller.username()) && !caller.isAdministrator()) {
            throw new StageConflictException("Cette tâche est prise par " + holder(task.getAssignee()).label()
                    + " : seul qui l'a prise, ou un administrateur, peut la libérer.");
        }
        assign(task.getId(), null);
    }

    /**
     * An administrator gives the task to a member of its candidate groups, whether someone had it or not (an officer
     * away, a task to share out).
     */
    public void give(String processKey, String businessKey, String taskKey, String assignee, Caller caller,
            String stageLabel) {
        if (!caller.isAdministrator()) {
            throw new AccessDeniedException("giving a task is for administrators");
        }
        Task task = find(processKey, businessKey, taskKey, null, null).orElseThrow(() -> notAtStage(businessKey, stageLabel));
        List<String> groups = candidateGroups(task.getId());
        boolean member = assignee != null && !assignee.isBlank() && groups.stream().anyMatch(group -> unchecked(
                () -> identityService.createUserQuery().userId(assignee).memberOfGroup(group).count()) > 0);
        if (!member) {
            throw new InvalidInputException("assignee", "choisissez un membre du groupe « " + String.join(" » ou « ", groups)
                    + " », à qui revient cette tâche");
        }
        assign(task.getId(), assignee);
    }

    private void assign(String taskId, String assignee) {
        try {
            commands.execute(context -> context.runWithoutAuthorization(() -> {
                taskService.setAssignee(taskId, assignee);
                return null;
            }));
        } catch (ProcessEngineException e) {
            if (DatabaseFailures.isConcurrentChange(e)) {
                throw new StageConflictException("Cette tâche vient d'être modifiée par quelqu'un d'autre ; rechargez la demande.");
            }
            throw e;
        }
    }

    /** A task offered to groups the caller is in none of is not theirs to take. */
    private void requireCandidate(Task task, Caller caller) {
        if (candidateGroups(task.getId()).stream().noneMatch(caller.groups()::contains)) {
            throw new AccessDeniedException("not a candidate of " + task.getTaskDefinitionKey());
        }
    }

    private List<String> candidateGroups(String taskId) {
        return unchecked(() -> taskService.getIdentityLinksForTask(taskId)).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).distinct().sorted().toList();
    }

    /** The refusal when someone else has the task, naming them. */
    private StageConflictException takenBy(String assignee) {
        return new StageConflictException("Cette tâche est prise par " + holder(assignee).label()
                + " : demandez-lui de la libérer, ou à un administrateur de vous la confier.");
    }

    private Holder holder(String userId) {
        User user = unchecked(() -> identityService.createUserQuery().userId(userId).singleResult());
        return user == null ? new Holder(userId, userId) : holder(user);
    }

    private static Holder holder(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new Holder(user.getId(), name.isEmpty() ? user.getId() : name);
    }

    private <T> T unchecked(java.util.function.Supplier<T> query) {
        return commands.execute(context -> context.runWithoutAuthorization(query::get));
    }

    /** For a multi-instance task: the instance whose scope holds {@code variable = value}. */
    public void completeInstance(String processKey, String businessKey, String taskKey, String variable, Object value,
            Map<String, Object> fields, String actor, String stageLabel) {
        Task task = find(processKey, businessKey, taskKey, variable, value)
                .orElseThrow(() -> new StageConflictException(stageLabel));
        complete(task, fields, actor);
    }

    /**
     * Where a case's processes wait, in French, for a refusal: the names of the tasks and events they wait at, or that
     * the case is ended. Document productions running beside the case are not a stage of it.
     */
    public String whereIs(String businessKey) {
        List<String> waits = commands.execute(context -> context.runWithoutAuthorization(() -> {
            return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
                    .filter(pi -> !pi.getProcessDefinitionId().startsWith(DocumentProductionProcess.KEY + ":"))
                    .flatMap(pi -> history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                            .unfinished().list().stream())
                    .filter(a -> WAIT_STATES.contains(a.getActivityType()) && a.getActivityName() != null)
                    .map(a -> "« " + a.getActivityName() + " »").distinct().sorted().toList();
        }));
        if (waits.isEmpty()) {
            return "son traitement est terminé";
        }
        return (waits.size() == 1 ? "elle est à l'étape " : "elle est aux étapes ") + String.join(", ", waits);
    }

    /** The activities a case waits at, as the engine names their types. */
    private static final java.util.Set<String> WAIT_STATES = java.util.Set.of(ActivityTypes.TASK_USER_TASK,
            ActivityTypes.INTERMEDIATE_EVENT_MESSAGE, ActivityTypes.INTERMEDIATE_EVENT_TIMER, ActivityTypes.TASK_RECEIVE_TASK);

    public boolean isWaitingAt(String processKey, String businessKey, String taskKey) {
        return find(processKey, businessKey, taskKey, null, null).isPresent();
    }

    private java.util.Optional<Task> find(String processKey, String businessKey, String taskKey, String variable,
            Object value) {
        List<Task> tasks = taskService.createTaskQuery()
                .processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey)
                .list();
        return tasks.stream()
                .filter(t -> variable == null || Objects.equals(String.valueOf(taskService.getVariable(t.getId(), variable)),
                        String.valueOf(value)))
                .findFirst();
    }

    /** The engine wraps what a listener throws; callers deal with the domain's own exception. */
    static RuntimeException domainCause(ProcessEngineException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException || cause instanceof StageConflictException
                    || cause instanceof NotFoundException) {
                return (RuntimeException) cause;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return e;
    }

    /** Lists become text areas, one entry per line, as Tasklist sends them: the listeners read one shape only. */
    private static Object asFormValue(Object value) {
        if (value instanceof java.util.Collection<?> items) {
            return String.join("\n", items.stream().map(String::valueOf).toList());
        }
        return value;
    }

    private void complete(Task task, Map<String, Object> fields, String actor) {
        VariableMap variables = Variables.createVariables();
        fields.forEach((name, value) -> variables.putValueTyped(name, Variables.untypedValue(asFormValue(value), true)));
        identityService.setAuthenticatedUserId(actor);
        try {
            try {
                completeAsTheApplication(task.getId(), variables, actor);
            } catch (ProcessEngineException e) {
                // Someone completed it at the same instant (optimistic lock, or on MariaDB a deadlock whose victim we
                // are), or a timer of the same process (a reminder) fired then: when the call runs in a transaction of
                // its own, try once more if the task is still there; otherwise the other one won
                if (!DatabaseFailures.isConcurrentChange(e) || TransactionSynchronizationManager.isActualTransactionActive()
                        || stillOpen(task.getId()) == null) {
                    throw e;
                }
                completeAsTheApplication(task.getId(), variables, actor);
            }
        } catch (ProcessEngineException e) {
            if (DatabaseFailures.isConcurrentChange(e)) {
                throw new StageConflictException("Cette tâche vient d'être traitée par quelqu'un d'autre ; rechargez la demande.");
            }
            throw domainCause(e);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * The completion with the engine's authorization checks off: the caller was authorized by the application. A task
     * someone else has taken is theirs: read in the completion's own command, so that a claim made a moment before
     * counts, and one made meanwhile fails the completion on the task's optimistic lock.
     */
    private void completeAsTheApplication(String taskId, VariableMap variables, String actor) {
        String holder = commands.execute(context -> context.runWithoutAuthorization(() -> {
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task != null && task.getAssignee() != null && !task.getAssignee().equals(actor)) {
                // answered, not thrown: the command ends without changing anything, and the engine logs no error
                return task.getAssignee();
            }
            taskService.complete(taskId, variables);
            return null;
        }));
        if (holder != null) {
            throw takenBy(holder);
        }
    }

    private Task stillOpen(String taskId) {
        return commands.execute(context -> context.runWithoutAuthorization(
                () -> taskService.createTaskQuery().taskId(taskId).singleResult()));
    }
}
