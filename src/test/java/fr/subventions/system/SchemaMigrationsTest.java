package fr.subventions.system;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.support.ApplicationTest;
import fr.subventions.support.EntitySchema;
import fr.subventions.support.SchemaSnapshot;
import jakarta.persistence.EntityManagerFactory;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.tools.RunScript;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Our tables come from Flyway's migrations (db/migration/h2), on the shared in-memory database that every application
 * test starts from empty; Hibernate only validates them. A database made by the previous release (8aa5341, tables by
 * ddl-auto update, as `mvn spring-boot:run` left it in ./data) is baselined at version 1 and migrated to the same
 * schema, its data kept. The same on MariaDB: SchemaUpgradeMariaDbIT.
 */
@ApplicationTest
class SchemaMigrationsTest {

    static final String PREVIOUS_RELEASE_H2 = "/upgrade/previous-release-h2.sql.gz";

    @Autowired
    Flyway flyway;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Autowired
    ConfigurableListableBeanFactory beans;

    @Test
    void anEmptyDatabaseRunsEveryMigrationFromVersionOne() {
        assertThat(flyway.getConfiguration().getLocations()).extracting(Object::toString)
                .containsExactly("classpath:db/migration/h2");
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).extracting(MigrationInfo::getType).containsOnly(CoreMigrationType.SQL);
        assertThat(applied).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
        assertThat(versions(applied)).isEqualTo(IntStream.rangeClosed(1, applied.length).boxed().toList())
                .hasSizeGreaterThanOrEqualTo(6);
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void theProcessEngineIsBuiltAfterTheMigrations() {
        String[] engines = beans.getBeanNamesForType(ProcessEngine.class);
        assertThat(engines).isNotEmpty();
        for (String engine : engines) {
            assertThat(beans.getBeanDefinition(engine).getDependsOn()).as(engine).contains("flywayInitializer");
        }
    }

    @Test
    void theMigratedSchemaIsTheOneTheEntitiesDescribe() {
        SingleConnectionDataSource reference = new SingleConnectionDataSource("jdbc:h2:mem:entity-schema", "sa", "", true);
        try {
            JdbcTemplate entities = new JdbcTemplate(reference);
            entities.execute("select 1"); // the connection, and so the in-memory database, stays open until destroy
            EntitySchema.create(entityManagerFactory, "jdbc:h2:mem:entity-schema", "sa", "");
            List<String> expected = SchemaSnapshot.of(entities);
            List<String> migrated = SchemaSnapshot.of(jdbc);
            assertThat(expected).anyMatch(line -> line.startsWith("column subsidy_request.status ENUM("));
            assertThat(migrated).as(SchemaSnapshot.difference(expected, migrated)).isEqualTo(expected);
        } finally {
            reference.destroy();
        }
    }

    @Test
    void theDatabaseOfThePreviousReleaseIsBaselinedAtVersionOneThenMigrated() throws Exception {
        SingleConnectionDataSource previous = new SingleConnectionDataSource("jdbc:h2:mem:previous-release", "sa", "", true);
        try {
            try (Reader script = new InputStreamReader(new GZIPInputStream(
                    getClass().getResourceAsStream(PREVIOUS_RELEASE_H2)), StandardCharsets.UTF_8)) {
                Connection connection = previous.getConnection();
                RunScript.execute(connection, script);
            }
            JdbcTemplate db = new JdbcTemplate(previous);
            assertThat(db.queryForObject("select count(*) from information_schema.tables where table_name = "
                    + "'flyway_schema_history'", Integer.class)).as("no Flyway history in the previous release").isZero();
            assertThat(db.queryForObject("select count(*) from information_schema.columns where table_name = "
                    + "'ASSEMBLY_MEMBER' and column_name = 'IN_OFFICE'", Integer.class)).isOne();

            // what the application does at start-up, with its own Flyway configuration, on that database
            Flyway upgrade = Flyway.configure().configuration(flyway.getConfiguration()).dataSource(previous).load();
            MigrateResult result = upgrade.migrate();
            assertThat(result.success).isTrue();

            MigrationInfo[] applied = upgrade.info().applied();
            assertThat(applied[0].getType()).isEqualTo(CoreMigrationType.BASELINE);
            assertThat(applied[0].getVersion().getVersion()).isEqualTo("1");
            MigrationInfo[] migrations = Arrays.copyOfRange(applied, 1, applied.length);
            assertThat(migrations).extracting(MigrationInfo::getType).containsOnly(CoreMigrationType.SQL);
            assertThat(migrations).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
            assertThat(versions(migrations)).isEqualTo(versions(flyway.info().applied()).subList(1,
                    flyway.info().applied().length));
            assertThat(upgrade.info().pending()).isEmpty();

            List<String> fresh = SchemaSnapshot.of(jdbc);
            List<String> upgraded = SchemaSnapshot.of(db);
            assertThat(upgraded).as(SchemaSnapshot.difference(fresh, upgraded)).isEqualTo(fresh);

            // the data came through: the request in flight, its documents, the members now with a mandate each
            assertThat(db.queryForList("select concat(reference, ' ', status) from subsidy_request", String.class))
                    .containsExactly("SUB-2026-0001 IN_INSTRUCTION");
            assertThat(db.queryForList("select type from request_document order by id", String.class))
                    .containsExactly("CONTRAT_ENGAGEMENT_REPUBLICAIN", "ACKNOWLEDGEMENT");
            assertThat(db.queryForObject("select count(*) from assembly_member", Integer.class)).isEqualTo(43);
            assertThat(db.queryForObject("select count(*) from member_mandate where ends_on is null and starts_on <= "
                    + "current_date", Integer.class)).isEqualTo(43);
            assertThat(db.queryForList("select distinct fiscal_year from budget_line b where not exists (select 1 from "
                    + "sequence_counter s where s.name = concat('engagement-', b.fiscal_year))", Integer.class)).isEmpty();
        } finally {
            previous.destroy();
        }
    }

    private static List<Integer> versions(MigrationInfo[] migrations) {
        return Arrays.stream(migrations).map(m -> Integer.valueOf(m.getVersion().getVersion())).toList();
    }
}
