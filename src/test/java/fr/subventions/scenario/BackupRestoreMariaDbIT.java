package fr.subventions.scenario;

import static fr.subventions.scenario.SeedCaseMariaDbIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.submission.Outcome;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.HttpApi;
import fr.subventions.support.MariaDbDatabase;
import fr.subventions.support.MariaDbIntegrationTest;
import fr.subventions.support.PackagedApplication;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.support.Waiting;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backups that are never restored are not backups: docker/backup.sh dumps the live database (a request in flight),
 * docker/restore.sh loads it into an empty database, and the packaged application started on that copy, in a process
 * of its own, takes the request from where it stood to its closing, its documents intact. (A second Spring
 * application in the test's JVM is no substitute: Camunda's webapps and engine registry are held per JVM, and after
 * it the shared test application's Tasklist answered 500 to the tests that followed.)
 */
class BackupRestoreMariaDbIT extends MariaDbIntegrationTest {

    static final String RESTORED = MariaDbDatabase.NAME + "_restored";

    @Autowired
    SubsidyRequestService requests;
    @Autowired
    TaskCompleter tasks;
    @Autowired
    Scenarios scenarios;
    @Autowired
    JdbcTemplate jdbc;

    final HttpApi api = new HttpApi();

    @Test
    void aRequestInFlightIsTakenToItsClosingFromARestoredBackup() throws Exception {
        SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2026), Scenarios.APPLICANT, null).request();
        String reference = request.reference();
        scenarios.fileRepublicanCommitment(reference);
        awaitTask(reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS);
        tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                Map.of("isComplete", true), "instructeur", "complétude");
        awaitTask(reference, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST);
        assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.IN_INSTRUCTION);
        // the acknowledgement is produced beside the request: the backup is taken once it is filed
        await("the acknowledgement of " + reference, () -> documents(jdbc, reference).stream()
                .anyMatch(d -> d.startsWith("ACKNOWLEDGEMENT:")));
        List<String> documentsBefore = documents(jdbc, reference);

        Path backups = Files.createTempDirectory("subventions-backup");
        Path templates = Path.of("target/it-templates").toAbsolutePath();
        String dump = run(List.of("docker/backup.sh", backups.toString()), Map.of("SUBVENTIONS_DB_NAME",
                MariaDbDatabase.NAME, "SUBVENTIONS_DB_USER", MariaDbDatabase.USER, "SUBVENTIONS_TEMPLATE_DIR",
                templates.toString())).strip();
        assertThat(Files.size(Path.of(dump))).isPositive();

        dropRestored();
        Path restoredTemplates = backups.resolve("restored-templates");
        File archive = backups.toFile().listFiles((dir, name) -> name.startsWith("templates-"))[0];
        run(List.of("docker/restore.sh", dump, archive.getPath()), Map.of("SUBVENTIONS_DB_NAME", RESTORED,
                "SUBVENTIONS_DB_USER", MariaDbDatabase.USER, "SUBVENTIONS_TEMPLATE_DIR", restoredTemplates.toString()));
        assertThat(restoredTemplates.toFile().list()).isNotEmpty();
        // restoring over a database that holds tables is refused
        Process again = process(List.of("docker/restore.sh", dump), Map.of("SUBVENTIONS_DB_NAME", RESTORED,
                "SUBVENTIONS_DB_USER", MariaDbDatabase.USER));
        assertThat(again.waitFor()).isEqualTo(1);

        // the copy runs as another installation would: the packaged application, in a process of its own
        try (PackagedApplication copy = PackagedApplication.startOn(MariaDbDatabase.SERVER + RESTORED,
                restoredTemplates.toString(), Files.createTempFile("subventions-restored", ".log"))) {
            JdbcTemplate copyDb = PackagedApplication.jdbc(RESTORED);
            assertThat(copyDb.queryForObject("select status from subsidy_request where reference = ?", String.class,
                    reference)).isEqualTo(RequestStatus.IN_INSTRUCTION.name());
            assertThat(documents(copyDb, reference)).isEqualTo(documentsBefore);

            api.accepted(copy.url(), "/api/requests/" + reference + "/instruction", "instructeur",
                    "{\"opinion\": \"UNFAVORABLE\", \"report\": \"Hors des critères d'intervention.\"}");
            api.accepted(copy.url(), "/api/requests/" + reference + "/closure", "secretariat", null);
            Waiting.upTo(Duration.ofSeconds(90), "the notification and the end of the process in the restored copy",
                    () -> copyDb.queryForObject("select count(*) from ACT_RU_EXECUTION where BUSINESS_KEY_ = ?",
                            Integer.class, reference) == 0);
            assertThat(copyDb.queryForMap("select status, outcome from subsidy_request where reference = ?", reference))
                    .isEqualTo(Map.of("status", RequestStatus.CLOSED.name(), "outcome", Outcome.REJECTED.name()));
            assertThat(documents(copyDb, reference)).startsWith(documentsBefore.toArray(String[]::new))
                    .anyMatch(d -> d.startsWith("INSTRUCTION_REPORT:")).anyMatch(d -> d.startsWith("NOTIFICATION_REJECTED:"));
        } finally {
            dropRestored();
        }
        // the live database did not move: the request still awaits its instruction there
        assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.IN_INSTRUCTION);
    }

    private static List<String> documents(JdbcTemplate db, String reference) {
        return db.queryForList("select concat(d.type, ':', d.sha256) from request_document d join subsidy_request r on "
                + "d.request_id = r.id where r.reference = ? order by d.id", String.class, reference);
    }

    private void awaitTask(String reference, String taskKey) {
        await(taskKey, () -> jdbc.queryForObject("select count(*) from ACT_RU_TASK t join ACT_RU_EXECUTION e on "
                + "t.PROC_INST_ID_ = e.ID_ where e.BUSINESS_KEY_ = ? and t.TASK_DEF_KEY_ = ?", Integer.class, reference,
                taskKey) == 1);
    }

    private static void dropRestored() throws Exception {
        try (Connection connection = DriverManager.getConnection(MariaDbDatabase.SERVER, MariaDbDatabase.USER,
                MariaDbDatabase.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + RESTORED);
        }
    }

    private static Process process(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("SUBVENTIONS_DB_PASSWORD", MariaDbDatabase.PASSWORD);
        return builder.start();
    }

    private static String run(List<String> command, Map<String, String> env) throws Exception {
        Process process = process(command, env);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }
}
