package fr.subventions.workflow;

import jakarta.annotation.PostConstruct;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own tables that Camunda's schema lacks, for queries this application makes the engine run
 * on every task, created at each start when missing (H2 and MariaDB alike: {@code CREATE INDEX IF NOT EXISTS}).
 *
 * <p>Not a Flyway migration: the engine makes its ACT_* tables after our migrations ({@code
 * ProcessEngineAfterMigrations}), and Camunda's own upgrade scripts, run by hand at an upgrade, may rebuild a table;
 * created here, the index is back at the next start. Found by {@code EXPLAIN} on the benchmark's 100 000 open
 * requests (docs/benchmarks.md, part 3).
 */
@Component
class EngineIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

    /**
     * <ul>
     * <li>« Mes tâches » (assignee = the user, newest first): with Camunda's index on ASSIGNEE_ alone, MariaDB walks
     * the creation-time index instead and read 21 503 tasks to find an officer's 15 newest of 300; with this one, 15.</li>
     * <li>Completing a task makes the engine look for its subtasks ({@code where PARENT_TASK_ID_ = ?}), a full scan of
     * ACT_RU_TASK without it (the same missing index is reported to Activiti and Camunda).</li>
     * </ul>
     */
    static final List<String> INDEXES = List.of(
            "create index if not exists ix_subv_task_assignee_created on ACT_RU_TASK (ASSIGNEE_, CREATE_TIME_)",
            "create index if not exists ix_subv_task_parent on ACT_RU_TASK (PARENT_TASK_ID_)");

    private final JdbcTemplate jdbc;

    /** The engine as a dependency: its tables exist before this runs. */
    EngineIndexes(ProcessEngine engine, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PostConstruct
    void create() {
        for (String index : INDEXES) {
            jdbc.execute(index);
        }
        LOG.debug("Engine indexes ensured: {}", INDEXES.size());
    }
}
