package fr.subventions.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.support.ApplicationTest;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.flywaydb.core.Flyway;
import org.h2.tools.RunScript;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V10 on a database of the previous release (the fixture of SchemaMigrationsTest, a request in instruction): each
 * request gets the date it reached its stage from its history, not the date of its last event.
 */
@ApplicationTest
class WorklistMigrationTest {

    @Autowired
    Flyway flyway;

    @Test
    void aRequestInFlightReachedItsStageWithTheFirstEventOfItsLastRunAtThatStage() throws Exception {
        SingleConnectionDataSource previous = new SingleConnectionDataSource("jdbc:h2:mem:worklist-upgrade", "sa", "", true);
        try {
            try (Reader script = new InputStreamReader(new GZIPInputStream(
                    getClass().getResourceAsStream("/upgrade/previous-release-h2.sql.gz")), StandardCharsets.UTF_8)) {
                RunScript.execute(previous.getConnection(), script);
            }
            JdbcTemplate db = new JdbcTemplate(previous);
            // a reminder told in its history after it reached instruction, as a later stage's events would be
            db.update("insert into stage_event (request_id, at, actor, stage, result) select id, submitted_at + interval '40'"
                    + " day, 'système', 'IN_INSTRUCTION', 'Relance' from subsidy_request");

            Flyway.configure().configuration(flyway.getConfiguration()).dataSource(previous).load().migrate();

            Map<String, Object> request = db.queryForMap("select id, status, status_since, submitted_at from subsidy_request");
            assertThat(request.get("STATUS")).hasToString("IN_INSTRUCTION");
            List<Timestamp> inInstruction = db.queryForList("select at from stage_event where request_id = ? and stage ="
                    + " 'IN_INSTRUCTION' order by at", Timestamp.class, request.get("ID"));
            assertThat(inInstruction).hasSize(2);
            assertThat(db.queryForObject("select status_since from subsidy_request", Timestamp.class))
                    .isEqualTo(inInstruction.get(0)).isAfter(db.queryForObject("select submitted_at from subsidy_request",
                            Timestamp.class));
        } finally {
            previous.destroy();
        }
    }
}
