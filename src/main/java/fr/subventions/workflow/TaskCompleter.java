package fr.subventions.workflow;

import fr.subventions.shared.DatabaseFailures;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
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
 */
@Component
public class TaskCompleter {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final CommandExecutor commands;
    private final RuntimeService runtime;
    private final HistoryService history;

    TaskCompleter(TaskService taskService, IdentityService identityService, ProcessEngineConfigurationImpl engine,
            RuntimeService runtime, HistoryService history) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.runtime = runtime;
        this.history = history;
        this.commands = engine.getCommandExecutorTxRequired();
    }

    public void complete(String processKey, String businessKey, String taskKey, Map<String, Object> fields,
            String actor, String stageLabel) {
        Task task = find(processKey, businessKey, taskKey, null, null)
                .orElseThrow(() -> new StageConflictException("« " + businessKey + " » n'est pas à l'étape « " + stageLabel
                        + " » : " + whereIs(businessKey) + "."));
        complete(task, fields, actor);
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
                completeAsTheApplication(task.getId(), variables);
            } catch (ProcessEngineException e) {
                // Someone completed it at the same instant (optimistic lock, or on MariaDB a deadlock whose victim we
                // are), or a timer of the same process (a reminder) fired then: when the call runs in a transaction of
                // its own, try once more if the task is still there; otherwise the other one won
                if (!DatabaseFailures.isConcurrentChange(e) || TransactionSynchronizationManager.isActualTransactionActive()
                        || stillOpen(task.getId()) == null) {
                    throw e;
                }
                completeAsTheApplication(task.getId(), variables);
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

    /** The completion with the engine's authorization checks off: the caller was authorized by the application. */
    private void completeAsTheApplication(String taskId, VariableMap variables) {
        commands.execute(context -> context.runWithoutAuthorization(() -> {
            taskService.complete(taskId, variables);
            return null;
        }));
    }

    private Task stillOpen(String taskId) {
        return commands.execute(context -> context.runWithoutAuthorization(
                () -> taskService.createTaskQuery().taskId(taskId).singleResult()));
    }
}
