package fr.subventions.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.support.PackagedApplication;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database dies under load and comes back: a MariaDB of the test's own (its own data directory and port, so that
 * the machine's server and other builds are left alone) is killed with SIGKILL while four clients submit, then
 * started again. The application, never restarted, answers again by itself; every acknowledged submission is stored;
 * every request's process goes on (its letter produced, or its job waiting to run again).
 */
class DatabaseRestartMariaDbIT {

    Path home;
    Process server;
    PackagedApplication application;

    @AfterEach
    void stop() throws Exception {
        if (application != null) {
            application.close();
        }
        if (server != null) {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void theApplicationRecoversByItselfWhenMariaDbRestarts() throws Exception {
        home = Files.createTempDirectory("subventions-mariadb");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process install = new ProcessBuilder("mariadb-install-db", "--no-defaults", "--datadir=" + home.resolve("data"),
                "--user=root", "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(home.resolve("install.log").toFile()).start();
        assertThat(install.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(install.exitValue()).as("mariadb-install-db, see " + home.resolve("install.log")).isZero();
        startServer(port);
        String server = "jdbc:mariadb://127.0.0.1:" + port + "/";
        try (Connection c = DriverManager.getConnection(server, "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE subventions CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        application = PackagedApplication.startOn(server + "subventions", "target/dbrestart-templates",
                Files.createTempFile("subventions-dbrestart", ".log"));
        String url = application.url();

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    try {
                        HttpResponse<String> response = http.send(CrashRecoveryMariaDbIT.submission(url,
                                "restart-" + client + "-" + n), HttpResponse.BodyHandlers.ofString());
                        Matcher reference = CrashRecoveryMariaDbIT.REFERENCE.matcher(response.body());
                        if (response.statusCode() == 201 && reference.find()) {
                            acknowledged.add(reference.group(1));
                        } else {
                            refusals.merge(response.statusCode(), 1, Integer::sum);
                            Thread.sleep(100);
                        }
                    } catch (Exception e) {
                        refusals.merge(-1, 1, Integer::sum);
                    }
                }
            });
        }
        awaitAtLeast(acknowledged, 20);
        this.server.destroyForcibly().waitFor();
        Thread.sleep(5_000);
        int beforeRestart = acknowledged.size();
        startServer(port);
        awaitAtLeast(acknowledged, beforeRestart + 20);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(server + "subventions", "root", ""));
        List<String> stored = db.queryForList("select reference from subsidy_request", String.class);
        assertThat(stored).containsAll(acknowledged).doesNotHaveDuplicates();
        // valid credentials that cannot be checked are no reason for a 401: the answer is 503, try again later
        assertThat(refusals.keySet()).as("answers while the database was down: %s", refusals).isNotEmpty()
                .doesNotContain(500, 401);
        long pending = db.queryForObject("select count(*) from subsidy_request r where not exists (select 1 from "
                + "request_document d where d.request_id = r.id and d.type = 'ACKNOWLEDGEMENT') and not exists (select 1 "
                + "from ACT_RU_JOB j join ACT_RU_EXECUTION e on j.PROCESS_INSTANCE_ID_ = e.ID_ where e.BUSINESS_KEY_ = "
                + "r.reference and j.RETRIES_ > 0)", Long.class);
        assertThat(pending).as("requests neither acknowledged in writing nor with a job left to do it").isZero();
        System.out.printf("database restart: %d submissions acknowledged (%d before the kill), answers while down %s, "
                + "0 lost, application not restarted%n", acknowledged.size(), beforeRestart, refusals);
    }

    private void startServer(int port) throws Exception {
        server = new ProcessBuilder("/usr/sbin/mariadbd", "--no-defaults", "--datadir=" + home.resolve("data"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + home.resolve("mariadb.sock"), "--user=root",
                "--transaction-isolation=READ-COMMITTED", "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()))
                .start();
        long until = System.currentTimeMillis() + 60_000;
        while (true) {
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "")) {
                return;
            } catch (SQLException notYet) {
                assertThat(System.currentTimeMillis()).as("MariaDB up, see " + home.resolve("server.log")).isLessThan(until);
                Thread.sleep(200);
            }
        }
    }

    private static void awaitAtLeast(Set<String> acknowledged, int count) throws InterruptedException {
        long until = System.currentTimeMillis() + 120_000;
        while (acknowledged.size() < count) {
            assertThat(System.currentTimeMillis()).as("%d submissions acknowledged, waiting for %d", acknowledged.size(),
                    count).isLessThan(until);
            Thread.sleep(100);
        }
    }

}
