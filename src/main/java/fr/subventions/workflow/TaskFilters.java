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

/** One Tasklist filter per group, created at start-up when missing: each user opens Tasklist on their own work. */
@Component
class TaskFilters {

    static final Map<String, String> BY_GROUP = new LinkedHashMap<>();

    static {
        BY_GROUP.put("instructeurs", "Instruction");
        BY_GROUP.put("secretariat", "Secrétariat des assemblées");
        BY_GROUP.put("finances", "Finances");
        BY_GROUP.put("demandeurs", "Demandeurs");
    }

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
