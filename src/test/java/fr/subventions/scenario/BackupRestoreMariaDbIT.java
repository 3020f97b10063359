package fr.subventions.scenario;

import static fr.subventions.scenario.SeedCaseMariaDbIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.SubventionsApplication;
import fr.subventions.submission.Outcome;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.support.MariaDbDatabase;
import fr.subventions.support.MariaDbIntegrationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backups that are never restored are not backups: docker/backup.sh dumps the live database (a request in flight),
 * docker/restore.sh loads it into an empty database, and a second application started on that copy takes the request
 * from where it stood to its closing, its documents intact.
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

    @Test
    void aRequestInFlightIsTakenToItsClosingFromARestoredBackup() throws Exception {
        SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2026), Scenarios.APPLICANT, null).request();
        String reference = request.reference();
        scenarios.fileRepublicanCommitment(reference);
        awaitTask(reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS);
        tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                Map.of("isComplete", true), "instructeur", "complétude");
        awaitTask(reference, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST);
        tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST,
                Map.of("opinion", "FAVORABLE", "proposedAmount", "3000", "budgetLines", "2026-65-65748-90-DEVECO = 3000",
                        "report", "Rapport d'instruction."), "instructeur", "instruction");
        await("the instruction report", () -> jdbc.queryForObject("select count(*) from request_document d join "
                + "subsidy_request r on d.request_id = r.id where r.reference = ? and d.type = 'INSTRUCTION_REPORT'",
                Integer.class, reference) == 1);
        assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.AWAITING_AGENDA);
        List<String> documentsBefore = jdbc.queryForList("select concat(d.type, ':', d.sha256) from request_document d "
                + "join subsidy_request r on d.request_id = r.id where r.reference = ? order by d.id", String.class, reference);

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

        try (ConfigurableApplicationContext restored = new SpringApplicationBuilder(SubventionsApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("mariadb")
                // command-line arguments outrank the profile's settings (default properties would not)
                .run("--spring.datasource.url=" + MariaDbDatabase.SERVER + RESTORED,
                        "--spring.datasource.username=" + MariaDbDatabase.USER,
                        "--spring.datasource.password=" + MariaDbDatabase.PASSWORD,
                        "--camunda.bpm.process-engine-name=restored", "--server.port=0",
                        "--camunda.bpm.job-execution.enabled=true",
                        "--subventions.documents.template-dir=" + restoredTemplates)) {
            SubsidyRequestService copies = restored.getBean(SubsidyRequestService.class);
            TaskCompleter copyTasks = restored.getBean(TaskCompleter.class);
            JdbcTemplate copyDb = restored.getBean(JdbcTemplate.class);
            SubsidyRequest copy = copies.byReference(reference);
            assertThat(copy.status()).isEqualTo(RequestStatus.AWAITING_AGENDA);
            assertThat(copyDb.queryForList("select concat(d.type, ':', d.sha256) from request_document d join "
                    + "subsidy_request r on d.request_id = r.id where r.reference = ? order by d.id", String.class,
                    reference)).isEqualTo(documentsBefore);

            copies.placeOnAgenda(copy.id(), "Bureau métropolitain du jeudi 10 décembre 2026", "secretariat");
            copies.recordVote(copy.id(), VoteDecision.REJECTED, "Bureau métropolitain du jeudi 10 décembre 2026",
                    "secretariat");
            await("the close task in the restored copy", () -> copyDb.queryForObject("select count(*) from ACT_RU_TASK t "
                    + "join ACT_RU_EXECUTION e on t.PROC_INST_ID_ = e.ID_ where e.BUSINESS_KEY_ = ? and t.TASK_DEF_KEY_ = ?",
                    Integer.class, reference, SubsidyRequestProcess.TASK_CLOSE_REQUEST) == 1);
            copyTasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CLOSE_REQUEST, Map.of(),
                    "secretariat", "clôture");
            await("the notification and the end of the process in the restored copy", () -> copyDb.queryForObject(
                    "select count(*) from ACT_RU_EXECUTION where BUSINESS_KEY_ = ?", Integer.class, reference) == 0);
            SubsidyRequest closed = copies.byReference(reference);
            assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
            assertThat(closed.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(copyDb.queryForObject("select count(*) from request_document d join subsidy_request r on "
                    + "d.request_id = r.id where r.reference = ? and d.type = 'NOTIFICATION_REJECTED'", Integer.class,
                    reference)).isEqualTo(1);
        } finally {
            dropRestored();
        }
        // the live database did not move: the request still awaits its agenda there
        assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.AWAITING_AGENDA);
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
