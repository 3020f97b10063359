package fr.subventions.scenario;

import static fr.subventions.scenario.SeedCaseMariaDbIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.support.EntitySchema;
import fr.subventions.support.HttpApi;
import fr.subventions.support.MariaDbDatabase;
import fr.subventions.support.MariaDbIntegrationTest;
import fr.subventions.support.PackagedApplication;
import fr.subventions.support.SchemaSnapshot;
import jakarta.persistence.EntityManagerFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upgrading a MariaDB database of the previous release (8aa5341), whose tables Hibernate's ddl-auto update had made:
 * the fixture src/test/resources/upgrade/previous-release-mariadb.sql.gz was produced by that release itself, a request
 * in flight in it (src/test/upgrade/previous-release-fixtures.sh). It is loaded into an empty database and today's
 * packaged application started on it: Flyway baselines it at version 1 and runs the later migrations, Hibernate
 * validates the result (the application would not start otherwise), the schema is the one an empty database migrates
 * to, and the request goes on through the API. And an empty database, this run's shared one, runs every migration
 * from version 1 to the schema the entities describe.
 */
class SchemaUpgradeMariaDbIT extends MariaDbIntegrationTest {

    static final String UPGRADED = MariaDbDatabase.NAME + "_upgrade";
    static final String ENTITIES = MariaDbDatabase.NAME + "_entities";
    static final String FIXTURE = "/upgrade/previous-release-mariadb.sql.gz";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Flyway flyway;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    PackagedApplication application;

    @AfterEach
    void stop() throws Exception {
        if (application != null) {
            application.close();
        }
        try (Connection connection = DriverManager.getConnection(MariaDbDatabase.SERVER, MariaDbDatabase.USER,
                MariaDbDatabase.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + UPGRADED);
            statement.execute("DROP DATABASE IF EXISTS " + ENTITIES);
        }
    }

    @Test
    void anEmptyDatabaseRunsEveryMigrationToTheSchemaOfTheEntities() throws Exception {
        assertThat(flyway.getConfiguration().getLocations()).extracting(Object::toString)
                .containsExactly("classpath:db/migration/mariadb");
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).extracting(MigrationInfo::getType).containsOnly(CoreMigrationType.SQL);
        assertThat(applied).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
        assertThat(versions(applied)).isEqualTo(IntStream.rangeClosed(1, applied.length).boxed().toList());

        PackagedApplication.recreate(ENTITIES);
        EntitySchema.create(entityManagerFactory, MariaDbDatabase.SERVER + ENTITIES, MariaDbDatabase.USER,
                MariaDbDatabase.PASSWORD);
        List<String> expected = SchemaSnapshot.of(PackagedApplication.jdbc(ENTITIES));
        List<String> migrated = SchemaSnapshot.of(jdbc);
        assertThat(expected).anyMatch(line -> line.startsWith("column subsidy_request.report longtext"))
                .anyMatch(line -> line.startsWith("column subsidy_request.requested_amount decimal(15,2)"));
        assertThat(migrated).as(SchemaSnapshot.difference(expected, migrated)).isEqualTo(expected);
    }

    @Test
    void theDatabaseOfThePreviousReleaseIsMigratedAndItsRequestGoesOn() throws Exception {
        PackagedApplication.recreate(UPGRADED);
        load(FIXTURE, UPGRADED);
        JdbcTemplate db = PackagedApplication.jdbc(UPGRADED);
        assertThat(db.queryForObject("select count(*) from information_schema.tables where table_schema = database() "
                + "and table_name = 'flyway_schema_history'", Integer.class)).as("no Flyway history").isZero();
        Map<String, Object> inFlight = db.queryForMap("select reference, fiscal_year, status from subsidy_request");
        String reference = (String) inFlight.get("reference");
        assertThat(inFlight.get("status")).isEqualTo("IN_INSTRUCTION");
        List<String> documentsBefore = db.queryForList("select concat(type, ':', sha256) from request_document "
                + "order by id", String.class);

        Path log = Files.createTempFile("subventions-upgrade", ".log");
        application = PackagedApplication.start(UPGRADED, log);

        Flyway upgraded = Flyway.configure().dataSource(MariaDbDatabase.SERVER + UPGRADED, MariaDbDatabase.USER,
                MariaDbDatabase.PASSWORD).locations(flyway.getConfiguration().getLocations()).load();
        MigrationInfo[] applied = upgraded.info().applied();
        assertThat(applied[0].getType()).isEqualTo(CoreMigrationType.BASELINE);
        assertThat(applied[0].getVersion().getVersion()).isEqualTo("1");
        MigrationInfo[] migrations = Arrays.copyOfRange(applied, 1, applied.length);
        assertThat(migrations).extracting(MigrationInfo::getType).containsOnly(CoreMigrationType.SQL);
        assertThat(migrations).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
        assertThat(versions(migrations)).isEqualTo(IntStream.rangeClosed(2, flyway.info().applied().length).boxed()
                .toList());
        assertThat(upgraded.info().pending()).isEmpty();

        List<String> fresh = SchemaSnapshot.of(jdbc);
        List<String> migrated = SchemaSnapshot.of(db);
        assertThat(migrated).as(SchemaSnapshot.difference(fresh, migrated)).isEqualTo(fresh);

        // the members of the previous release are in office: each has a mandate, open
        assertThat(db.queryForObject("select count(*) from assembly_member", Integer.class)).isEqualTo(43);
        assertThat(db.queryForObject("select count(*) from member_mandate where ends_on is null and starts_on <= "
                + "current_date", Integer.class)).isEqualTo(43);

        // the request in flight: the officer instructs it through the API, with a report longer than 4000 characters
        assertThat(get("instructeur", "/api/requests/" + reference).get("status").asText()).isEqualTo("IN_INSTRUCTION");
        String line = inFlight.get("fiscal_year") + "-65-65748-90-DEVECO";
        String report = String.join(" ", Collections.nCopies(80,
                "Rapport d'instruction : l'action répond aux objectifs de la Métropole."));
        post("instructeur", "/api/requests/" + reference + "/instruction", Map.of("opinion", "FAVORABLE",
                "proposedAmount", new BigDecimal("20000"), "budgetLines", List.of(Map.of("code", line,
                        "amount", new BigDecimal("20000"))), "report", report), 200);
        await("the instruction report of " + reference, () -> db.queryForObject("select count(*) from request_document "
                + "where type = 'INSTRUCTION_REPORT' and media_type <> 'application/pdf'", Integer.class) == 1);
        assertThat(get("instructeur", "/api/requests/" + reference).get("status").asText()).isEqualTo("AWAITING_AGENDA");
        assertThat(db.queryForObject("select report from subsidy_request where reference = ?", String.class, reference))
                .hasSizeGreaterThan(4000).isEqualTo(report);
        assertThat(db.queryForObject("select reserved from budget_line where code = ?", BigDecimal.class, line))
                .isEqualByComparingTo("20000");
        assertThat(db.queryForList("select concat(type, ':', sha256) from request_document where type <> "
                + "'INSTRUCTION_REPORT' order by id", String.class)).isEqualTo(documentsBefore);

        // a new request runs on today's process, its acknowledgement produced
        String filed = post("demandeur", "/api/requests", Map.of("applicant", Map.of("name", "Association OF du Numérique",
                "siret", "73282932000074", "rna", "W212001234", "legalForm", "ASSOCIATION",
                "address", "2 rue Maréchal Leclerc, 21000 Dijon", "email", "contact@of-numerique.example",
                "representative", "Marie Dupont"), "title", "Demande après la mise à jour",
                "description", "Une demande déposée sur la base migrée.",
                "theme", "DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE ET SOLIDARITES", "fiscalYear", inFlight.get("fiscal_year"),
                "totalBudget", 30000, "requestedAmount", 10000,
                "cofinancing", List.of(Map.of("funder", "Autofinancement", "amount", 20000))), 201).get("reference").asText();
        await("the acknowledgement of " + filed, () -> db.queryForObject("select count(*) from request_document d join "
                + "subsidy_request r on d.request_id = r.id where r.reference = ? and d.type = 'ACKNOWLEDGEMENT' and "
                + "d.media_type <> 'application/pdf'", Integer.class, filed) == 1);
        assertThat(db.queryForObject("select count(*) from ACT_RU_INCIDENT", Integer.class)).isZero();
    }

    /** Loads a gzipped mariadb-dump into a database with the mariadb client, as docker/restore.sh does. */
    private static void load(String resource, String database) throws Exception {
        Process client = new ProcessBuilder("mariadb", "--host=127.0.0.1", "--port=3306", "--user=" + MariaDbDatabase.USER,
                database).redirectErrorStream(true).start();
        try (InputStream dump = new GZIPInputStream(SchemaUpgradeMariaDbIT.class.getResourceAsStream(resource));
                OutputStream stdin = client.getOutputStream()) {
            dump.transferTo(stdin);
        }
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(client.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).as("mariadb < " + resource + ": " + output).isZero();
    }

    private JsonNode get(String user, String path) throws Exception {
        return send(HttpApi.request(user, application.url() + path).GET(), 200);
    }

    private JsonNode post(String user, String path, Object body, int expected) throws Exception {
        return send(HttpApi.request(user, application.url() + path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))), expected);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return json.readTree(response.body());
    }

    private static List<Integer> versions(MigrationInfo[] migrations) {
        return Arrays.stream(migrations).map(m -> Integer.valueOf(m.getVersion().getVersion())).toList();
    }
}
