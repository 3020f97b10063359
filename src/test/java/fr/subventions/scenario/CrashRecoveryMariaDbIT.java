package fr.subventions.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.support.MariaDbDatabase;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * kill -9 in the middle of a load of submissions: the packaged application runs as its own process on MariaDB, four
 * clients submit requests, the process is killed without warning, started again on the same database, and every
 * submission that was acknowledged (201) is there, once, with its process going on (its acknowledgement letter
 * produced after the restart when the crash caught it before).
 */
class CrashRecoveryMariaDbIT {

    static final String DATABASE = MariaDbDatabase.NAME + "_crash";
    static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"(SUB-\\d{4}-\\d{4})\"");

    Process application;

    @AfterEach
    void stop() {
        if (application != null) {
            application.destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedSubmissionSurvivesAKillAndItsProcessGoesOn() throws Exception {
        recreateDatabase();
        int port = freePort();
        Path log = Files.createTempFile("subventions-crash", ".log");
        application = start(port, log);
        awaitUp(port, application);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    try {
                        HttpResponse<String> response = http.send(submission(port, "crash-" + client + "-" + n),
                                HttpResponse.BodyHandlers.ofString());
                        Matcher reference = REFERENCE.matcher(response.body());
                        if (response.statusCode() == 201 && reference.find()) {
                            acknowledged.add(reference.group(1));
                        }
                    } catch (Exception refusedOrCut) {
                        // the connection breaks when the process dies: that submission was not acknowledged
                    }
                }
            });
        }
        long until = System.currentTimeMillis() + 60_000;
        while (acknowledged.size() < 40 && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        int acknowledgedAtKill = acknowledged.size();
        assertThat(acknowledgedAtKill).isGreaterThanOrEqualTo(40);

        application = start(port, log);
        awaitUp(port, application);
        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(MariaDbDatabase.SERVER + DATABASE,
                MariaDbDatabase.USER, MariaDbDatabase.PASSWORD));
        List<String> stored = db.queryForList("select reference from subsidy_request", String.class);
        assertThat(stored).containsAll(acknowledged).doesNotHaveDuplicates();
        // jobs locked by the killed process wait for their lock to expire (lock-time-in-millis: one minute)
        awaitLong("every acknowledgement letter, produced after the restart", () -> db.queryForObject(
                "select count(distinct r.id) from subsidy_request r join request_document d on d.request_id = r.id "
                        + "where d.type = 'ACKNOWLEDGEMENT'", Integer.class) == stored.size());
        awaitLong("every process at the completeness check", () -> db.queryForObject(
                "select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_CheckCompleteness'", Integer.class)
                == stored.size());
        assertThat(db.queryForObject("select count(*) from request_document where type = 'ACKNOWLEDGEMENT'", Integer.class))
                .as("one acknowledgement per request, none produced twice").isEqualTo(stored.size());
        assertThat(db.queryForObject("select count(*) from ACT_RU_INCIDENT", Integer.class)).isZero();
        System.out.printf("crash test: %d submissions acknowledged before kill -9, %d stored (%d not acknowledged), "
                + "0 lost, every process resumed%n", acknowledgedAtKill, stored.size(), stored.size() - acknowledgedAtKill);
    }

    private static void awaitLong(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.currentTimeMillis() + 150_000;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("still waiting after 150 s: " + what);
            }
            Thread.sleep(500);
        }
    }

    private static HttpRequest submission(int port, String key) {
        String body = """
                {"applicant": {"name": "Association OF du Numérique", "siret": "73282932000074", "rna": "W212001234",
                 "legalForm": "ASSOCIATION", "address": "2 rue Maréchal Leclerc, 21000 Dijon",
                 "email": "contact@of-numerique.example", "representative": "Marie Dupont"},
                 "title": "État des lieux emplois et compétences", "description": "Charge de test.",
                 "theme": "DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE ET SOLIDARITES", "fiscalYear": 2026,
                 "totalBudget": 72000, "requestedAmount": 20000,
                 "cofinancing": [{"funder": "NUMEUM France", "amount": 10000}, {"funder": "Autofinancement", "amount": 42000}]}
                """;
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/requests"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demandeur:demandeur"
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static Process start(int port, Path log) throws Exception {
        File jar = new File("target").listFiles((dir, name) -> name.startsWith("subventions-") && name.endsWith(".jar"))[0];
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.getPath(), "--spring.profiles.active=mariadb,demo", "--server.port=" + port,
                "--spring.datasource.url=" + MariaDbDatabase.SERVER + DATABASE + "?nullDatabaseMeansCurrent=true",
                "--spring.datasource.username=" + MariaDbDatabase.USER,
                "--spring.datasource.password=" + MariaDbDatabase.PASSWORD,
                "--subventions.documents.template-dir=target/crash-templates", "--logging.level.root=warn"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private static void awaitUp(int port, Process process) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < until) {
            assertThat(process.isAlive()).as("the application process is running").isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connexion")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the application did not start within 180 s");
    }

    private static void recreateDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(MariaDbDatabase.SERVER, MariaDbDatabase.USER,
                MariaDbDatabase.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
