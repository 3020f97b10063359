package fr.subventions.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One Tasklist filter per group, « Mes tâches » (the tasks assigned to the logged-in user) and « Avis à donner » (the
 * opinions asked of the logged-in user), created at start-up when missing: each user opens Tasklist on their own work.
 */
@Component
class TaskFilters {

    static final Map<String, String> BY_GROUP = new LinkedHashMap<>();

    static {
        BY_GROUP.put("instructeurs", "Instruction");
        BY_GROUP.put("secretariat", "Secrétariat des assemblées");
        BY_GROUP.put("finances", "Finances");
        BY_GROUP.put("demandeurs", "Demandeurs");
    }

    /** The tasks assigned to the logged-in user, as Camunda's own "My Tasks": the list an officer works once they claim. */
    static final String MY_TASKS = "Mes tâches";

    /**
     * The opinions asked of the logged-in user, by name or as a member of the service asked ({@code service-opinion}),
     * taken or not: the same as the back office's « Avis à donner ».
     */
    static final String OPINIONS = "Avis à donner";

    private final FilterService filters;
    private final TaskService tasks;

    TaskFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    /** Before {@link EngineAuthorizations} grants each group its filter. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void create() {
        if (filters.createFilterQuery().filterName(MY_TASKS).count() == 0) {
            // the expression is evaluated for whoever runs the filter; newest first, as the group filters by default.
            // Listed after the group filters: Tasklist opens on the first one, the group's queue where new work arrives
            Filter filter = filters.newTaskFilter(MY_TASKS)
                    .setQuery(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByTaskCreateTime().desc())
                    .setProperties(Map.of("description", "Les tâches qui me sont assignées", "priority", 100, "refresh", true));
            filters.saveFilter(filter);
        }
        if (filters.createFilterQuery().filterName(OPINIONS).count() == 0) {
            // a candidate user's query also finds the tasks offered to the user's groups, as Tasklist resolves them
            Filter filter = filters.newTaskFilter(OPINIONS)
                    .setQuery(tasks.createTaskQuery().processDefinitionKey(ServiceOpinionProcess.KEY)
                            .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks().orderByDueDate().asc())
                    .setProperties(Map.of("description", "Les avis que d'autres services me demandent", "priority", 50,
                            "refresh", true));
            filters.saveFilter(filter);
        }
        int priority = 10;
        for (Map.Entry<String, String> group : BY_GROUP.entrySet()) {
            if (filters.createFilterQuery().filterName(group.getValue()).count() == 0) {
                Filter filter = filters.newTaskFilter(group.getValue())
                        .setQuery(tasks.createTaskQuery().taskCandidateGroup(group.getKey()).includeAssignedTasks())
                        .setProperties(Map.of("description", "Tâches du groupe " + group.getKey(), "priority", priority,
                                "refresh", true));
                filters.saveFilter(filter);
            }
            priority += 10;
        }
    }
}
