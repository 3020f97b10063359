package fr.subventions.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.support.ApplicationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The indexes the engine's schema lacks exist on ACT_RU_TASK after start-up, and ensuring them again changes nothing. */
@ApplicationTest
class EngineIndexesTest {

    @Autowired
    EngineIndexes indexes;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTaskIndexesExistAndAreCreatedOnlyOnce() {
        assertThat(taskIndexes()).contains("IX_SUBV_TASK_ASSIGNEE_CREATED", "IX_SUBV_TASK_PARENT");
        int before = taskIndexes().size();

        indexes.create();

        assertThat(taskIndexes()).hasSize(before);
    }

    private List<String> taskIndexes() {
        return jdbc.queryForList("select upper(index_name) from information_schema.indexes where upper(table_name) = 'ACT_RU_TASK'",
                String.class);
    }
}
