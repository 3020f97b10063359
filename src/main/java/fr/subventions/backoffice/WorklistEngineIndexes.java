package fr.subventions.backoffice;

import jakarta.annotation.PostConstruct;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's tables for the worklist's queries ({@link WorklistSql}), created at each start when missing,
 * like {@code workflow.EngineIndexes} and for the same reason: the engine makes its tables after our migrations, and
 * Camunda's upgrade scripts may rebuild them.
 *
 * <ul>
 * <li>(ASSIGNEE_, TASK_DEF_KEY_): the counters of « À traiter » (no assignee, the user's groups' task keys) and « Mes
 * dossiers », and the list of who holds a task, from the index alone.</li>
 * <li>(NAME_, LONG_) on the variables: from a request's id to its process instances, through the variable
 * {@code requestId} they carry — the engine's own indexes start from the instance, never from a value.</li>
 * </ul>
 */
@Component
class WorklistEngineIndexes {

    static final List<String> INDEXES = List.of(
            "create index if not exists ix_subv_task_assignee_key on ACT_RU_TASK (ASSIGNEE_, TASK_DEF_KEY_)",
            "create index if not exists ix_subv_variable_name_long on ACT_RU_VARIABLE (NAME_, LONG_)");

    private final JdbcTemplate jdbc;

    /** The engine as a dependency: its tables exist before this runs. */
    WorklistEngineIndexes(ProcessEngine engine, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PostConstruct
    void create() {
        INDEXES.forEach(jdbc::execute);
    }
}
