package fr.subventions.workflow;

import fr.subventions.shared.DatabaseFailures;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A user task completed exactly as Tasklist would: the form's fields go in as transient variables and the task's
 * complete listener applies them through the domain, whose refusal is what the caller gets.
 *
 * <p>The caller is set as the engine's authenticated user, so that the listeners know who acts
 * ({@link FormFields#actor()}); but with Camunda authorizations enabled that would make the engine check the caller's
 * own authorizations too — which a portal account, not an engine user, never has — so the completion runs with the
 * engine's authorization checks off, as the application's own call. Tasklist's calls keep every check.
 */
@Component
class TaskCompletion {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final UncheckedCalls unchecked;
    private final TaskClaims claims;

    private static final String DONE_BY_SOMEONE_ELSE =
            "Cette tâche vient d'être traitée par quelqu'un d'autre ; rechargez la demande.";
    /** What the completion's command answers when the task is gone: no user id has a line break. */
    private static final String GONE = "\n";

    TaskCompletion(TaskService taskService, IdentityService identityService, UncheckedCalls unchecked,
            TaskClaims claims) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.unchecked = unchecked;
        this.claims = claims;
    }

    void complete(Task task, Map<String, Object> fields, String actor) {
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
                        || claims.stillOpen(task.getId()) == null) {
                    throw e;
                }
                completeAsTheApplication(task.getId(), variables, actor);
            }
        } catch (ProcessEngineException e) {
            if (DatabaseFailures.isConcurrentChange(e)) {
                throw new StageConflictException(DONE_BY_SOMEONE_ELSE);
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
        String holder = unchecked.call(() -> {
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                // completed by someone else since it was found, their transaction committed meanwhile
                return GONE;
            }
            if (task.getAssignee() != null && !task.getAssignee().equals(actor)) {
                // answered, not thrown: the command ends without changing anything, and the engine logs no error
                return task.getAssignee();
            }
            taskService.complete(taskId, variables);
            return null;
        });
        if (GONE.equals(holder)) {
            throw new StageConflictException(DONE_BY_SOMEONE_ELSE);
        }
        if (holder != null) {
            throw claims.takenBy(holder);
        }
    }

    /** The engine wraps what a listener throws; callers deal with the domain's own exception. */
    private static RuntimeException domainCause(ProcessEngineException e) {
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
        if (value instanceof Collection<?> items) {
            return String.join("\n", items.stream().map(String::valueOf).toList());
        }
        return value;
    }
}
