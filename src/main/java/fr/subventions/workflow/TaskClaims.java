package fr.subventions.workflow;

import fr.subventions.shared.Caller;
import fr.subventions.shared.DatabaseFailures;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.StageConflictException;
import fr.subventions.workflow.TaskCompleter.Holder;
import fr.subventions.workflow.TaskCompleter.OpenTask;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who has a task. A task may be taken (claimed) by a member of its candidate groups, as in Tasklist: once taken, nobody
 * else completes it — the API, the back office and every other path through {@link TaskCompleter} answer 409 naming
 * who has it — until its holder releases it or an administrator gives it to someone else.
 */
@Component
class TaskClaims {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final RepositoryService repository;
    private final UncheckedCalls unchecked;

    TaskClaims(TaskService taskService, IdentityService identityService, RepositoryService repository,
            UncheckedCalls unchecked) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.repository = repository;
        this.unchecked = unchecked;
    }

    OpenTask open(Task task) {
        String definition = task.getProcessDefinitionId();
        // the engine keeps each deployed diagram in its cache: no query
        ModelElementInstance element = unchecked.call(() -> repository.getBpmnModelInstance(definition))
                .getModelElementById(task.getTaskDefinitionKey());
        String stage = element == null ? null : element.getAttributeValue("name");
        return new OpenTask(definition.substring(0, definition.indexOf(':')), task.getTaskDefinitionKey(),
                stage == null ? task.getName() : stage, task.getAssignee() == null ? null : holder(task.getAssignee()),
                candidateGroups(task.getId()));
    }

    /** The users who may be given the task: the members of its candidate groups, by id. */
    List<Holder> candidates(OpenTask task) {
        return task.candidateGroups().stream()
                .flatMap(group -> unchecked.call(() -> identityService.createUserQuery().memberOfGroup(group)
                        .orderByUserId().asc().list()).stream())
                .map(TaskClaims::holder).distinct().sorted(Comparator.comparing(Holder::userId)).toList();
    }

    /** The caller takes the task: see {@link TaskCompleter#claim}. */
    void claim(Task task, Caller caller) {
        requireCandidate(task, caller);
        if (caller.username().equals(task.getAssignee())) {
            return;
        }
        if (task.getAssignee() != null) {
            throw takenBy(task.getAssignee());
        }
        try {
            unchecked.run(() -> taskService.claim(task.getId(), caller.username()));
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
    void release(Task task, Caller caller) {
        if (task.getAssignee() == null) {
            throw new StageConflictException("Cette tâche n'est prise par personne : elle attend déjà dans la file de son groupe.");
        }
        if (!task.getAssignee().equals(caller.username()) && !caller.isAdministrator()) {
            throw new StageConflictException("Cette tâche est prise par " + holder(task.getAssignee()).label()
                    + " : seul qui l'a prise, ou un administrateur, peut la libérer.");
        }
        assign(task.getId(), null);
    }

    /** The task given to a member of its candidate groups, whether someone had it or not. */
    void give(Task task, String assignee) {
        List<String> groups = candidateGroups(task.getId());
        boolean member = assignee != null && !assignee.isBlank() && groups.stream().anyMatch(group -> unchecked.call(
                () -> identityService.createUserQuery().userId(assignee).memberOfGroup(group).count()) > 0);
        if (!member) {
            throw new InvalidInputException("assignee", "choisissez un membre du groupe « " + String.join(" » ou « ", groups)
                    + " », à qui revient cette tâche");
        }
        assign(task.getId(), assignee);
    }

    private void assign(String taskId, String assignee) {
        try {
            unchecked.run(() -> taskService.setAssignee(taskId, assignee));
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
        return unchecked.call(() -> taskService.getIdentityLinksForTask(taskId)).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).distinct().sorted().toList();
    }

    /** The task as it is now, or null once it is completed. */
    Task stillOpen(String taskId) {
        return unchecked.call(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
    }

    /** The refusal when someone else has the task, naming them. */
    StageConflictException takenBy(String assignee) {
        return new StageConflictException("Cette tâche est prise par " + holder(assignee).label()
                + " : demandez-lui de la libérer, ou à un administrateur de vous la confier.");
    }

    private Holder holder(String userId) {
        User user = unchecked.call(() -> identityService.createUserQuery().userId(userId).singleResult());
        return user == null ? new Holder(userId, userId) : holder(user);
    }

    private static Holder holder(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new Holder(user.getId(), name.isEmpty() ? user.getId() : name);
    }
}
