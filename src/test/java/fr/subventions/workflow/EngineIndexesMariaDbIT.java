package fr.subventions.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.support.MariaDbIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On MariaDB, the engine indexes exist after start-up, and « Mes tâches » (an officer's newest tasks) can be read from
 * the assignee's index, already in creation order.
 */
class EngineIndexesMariaDbIT extends MariaDbIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theAssigneesNewestTasksAreReadFromItsIndex() {
        assertThat(jdbc.queryForList("select distinct index_name from information_schema.statistics where table_schema = "
                + "database() and table_name = 'ACT_RU_TASK'", String.class))
                .contains("ix_subv_task_assignee_created", "ix_subv_task_parent");

        Map<String, Object> plan = jdbc.queryForMap("explain select RES.ID_ from ACT_RU_TASK RES where RES.ASSIGNEE_ = "
                + "'instructeur' order by RES.CREATE_TIME_ desc limit 15");
        // which key MariaDB picks depends on the table's size (the benchmark's EXPLAIN on 100 000 open requests is in
        // docs/benchmarks.md); on any size the index must be one it can use
        assertThat(String.valueOf(plan.get("possible_keys"))).contains("ix_subv_task_assignee_created");
    }
}
