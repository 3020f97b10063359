package fr.subventions.workflow;

import fr.subventions.shared.Caller;
import fr.subventions.shared.StageConflictException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The user tasks of a case for the API and the pages, exactly as Tasklist has them: completed ({@link TaskCompletion}),
 * taken, released and given ({@link TaskClaims}). A task that is not there means the request is not at that stage:
 * refused with where the case waits.
 *
 * <p>The caller's role and ownership are checked by the API and the pages before they come here (Spring Security and
 * the domain); the engine's calls then run as the application's own ({@link UncheckedCalls}). Tasklist's calls keep
 * every check.
 */
@Component
public class TaskCompleter {

    /** The activities a case waits at, as the engine names their types. */
    private static final Set<String> WAIT_STATES = Set.of(ActivityTypes.TASK_USER_TASK,
            ActivityTypes.INTERMEDIATE_EVENT_MESSAGE, ActivityTypes.INTERMEDIATE_EVENT_TIMER, ActivityTypes.TASK_RECEIVE_TASK);

    private final TaskService taskService;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final UncheckedCalls unchecked;
    private final TaskCompletion completion;
    private final TaskClaims claims;

    TaskCompleter(TaskService taskService, RuntimeService runtime, HistoryService history, UncheckedCalls unchecked,
            TaskCompletion completion, TaskClaims claims) {
        this.taskService = taskService;
        this.runtime = runtime;
        this.history = history;
        this.unchecked = unchecked;
        this.completion = completion;
        this.claims = claims;
    }

    public void complete(String processKey, String businessKey, String taskKey, Map<String, Object> fields,
            String actor, String stageLabel) {
        completion.complete(at(processKey, businessKey, taskKey, stageLabel), fields, actor);
    }

    /** For a multi-instance task: the instance whose scope holds {@code variable = value}. */
    public void completeInstance(String processKey, String businessKey, String taskKey, String variable, Object value,
            Map<String, Object> fields, String actor, String stageLabel) {
        Task task = find(processKey, businessKey, taskKey, variable, value)
                .orElseThrow(() -> new StageConflictException(stageLabel));
        completion.complete(task, fields, actor);
    }

    public boolean isWaitingAt(String processKey, String businessKey, String taskKey) {
        return find(processKey, businessKey, taskKey, null, null).isPresent();
    }

    /**
     * Where a case's processes wait, in French, for a refusal: the names of the tasks and events they wait at, or that
     * the case is ended. Document productions and opinions asked running beside the case are not a stage of it.
     */
    public String whereIs(String businessKey) {
        List<String> waits = unchecked.call(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .list().stream()
                .filter(pi -> !pi.getProcessDefinitionId().startsWith(DocumentProductionProcess.KEY + ":")
                        && !pi.getProcessDefinitionId().startsWith(ServiceOpinionProcess.KEY + ":"))
                .flatMap(pi -> history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                        .unfinished().list().stream())
                .filter(a -> WAIT_STATES.contains(a.getActivityType()) && a.getActivityName() != null)
                .map(a -> "« " + a.getActivityName() + " »").distinct().sorted().toList());
        if (waits.isEmpty()) {
            return "son traitement est terminé";
        }
        return (waits.size() == 1 ? "elle est à l'étape " : "elle est aux étapes ") + String.join(", ", waits);
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
        return find(processKey, businessKey, taskKey, null, null).map(claims::open);
    }

    /** Every task the case's processes wait at, in one query: its own, its payment's. */
    public List<OpenTask> openTasks(String businessKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).orderByTaskCreateTime().asc().list()
                .stream().map(claims::open).toList();
    }

    /** The users who may be given the task: the members of its candidate groups, by id. */
    public List<Holder> candidates(OpenTask task) {
        return claims.candidates(task);
    }

    /**
     * The caller takes the task, as « Claim » in Tasklist: a member of its candidate groups only, and only while
     * nobody else has it. Taking a task one already has changes nothing.
     */
    public void claim(String processKey, String businessKey, String taskKey, Caller caller, String stageLabel) {
        claims.claim(at(processKey, businessKey, taskKey, stageLabel), caller);
    }

    /** The task goes back to its groups' queue: released by whoever has it, or by an administrator. */
    public void release(String processKey, String businessKey, String taskKey, Caller caller, String stageLabel) {
        claims.release(at(processKey, businessKey, taskKey, stageLabel), caller);
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
        claims.give(at(processKey, businessKey, taskKey, stageLabel), assignee);
    }

    // ----------------------------------------------------------------------------------------------- finding tasks

    /** The case's task at this step, or the refusal naming where the case waits. */
    private Task at(String processKey, String businessKey, String taskKey, String stageLabel) {
        return find(processKey, businessKey, taskKey, null, null).orElseThrow(() -> notAtStage(businessKey, stageLabel));
    }

    private StageConflictException notAtStage(String businessKey, String stageLabel) {
        return new StageConflictException("« " + businessKey + " » n'est pas à l'étape « " + stageLabel + " » : "
                + whereIs(businessKey) + ".");
    }

    private Optional<Task> find(String processKey, String businessKey, String taskKey, String variable, Object value) {
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
}
