package fr.subventions.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.support.ApplicationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The worklist's indexes on the engine's tables exist after start-up, and ensuring them again changes nothing. */
@ApplicationTest
class WorklistEngineIndexesTest {

    @Autowired
    WorklistEngineIndexes indexes;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTaskAndVariableIndexesExistAndAreCreatedOnlyOnce() {
        assertThat(indexes("ACT_RU_TASK")).contains("IX_SUBV_TASK_ASSIGNEE_KEY");
        assertThat(indexes("ACT_RU_VARIABLE")).contains("IX_SUBV_VARIABLE_NAME_LONG");
        int tasks = indexes("ACT_RU_TASK").size();
        int variables = indexes("ACT_RU_VARIABLE").size();

        indexes.create();

        assertThat(indexes("ACT_RU_TASK")).hasSize(tasks);
        assertThat(indexes("ACT_RU_VARIABLE")).hasSize(variables);
    }

    private List<String> indexes(String table) {
        return jdbc.queryForList("select upper(index_name) from information_schema.indexes where upper(table_name) = ?",
                String.class, table);
    }
}
