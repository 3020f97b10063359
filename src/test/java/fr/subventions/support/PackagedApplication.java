package fr.subventions.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The packaged application (target/subventions-*.jar, built by `package` before the integration tests) run as a
 * process of its own on a MariaDB database of its own: what a server runs, to be killed or doubled.
 */
public final class PackagedApplication implements AutoCloseable {

    private final String jdbcUrl;
    private final String templates;
    private final int port;
    private final Path log;
    private Process process;

    private PackagedApplication(String jdbcUrl, String templates, int port, Path log) {
        this.jdbcUrl = jdbcUrl;
        this.templates = templates;
        this.port = port;
        this.log = log;
    }

    /** A fresh, empty database for the nodes to share. */
    public static void recreate(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(MariaDbDatabase.SERVER, MariaDbDatabase.USER,
                MariaDbDatabase.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    public static JdbcTemplate jdbc(String database) {
        return new JdbcTemplate(new DriverManagerDataSource(MariaDbDatabase.SERVER + database, MariaDbDatabase.USER,
                MariaDbDatabase.PASSWORD));
    }

    /** Starts a node (profiles mariadb and demo) on a database of the machine's MariaDB and waits until it answers. */
    public static PackagedApplication start(String database, Path log) throws Exception {
        return startOn(MariaDbDatabase.SERVER + database, "target/" + database + "-templates", log);
    }

    /** The same on any MariaDB database, by its JDBC URL (root, empty password). */
    public static PackagedApplication startOn(String jdbcUrl, String templates, Path log) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PackagedApplication node = new PackagedApplication(jdbcUrl, templates, port, log);
        node.restart();
        return node;
    }

    /** Starts the process again on the same port and database (after a kill, say). */
    public void restart() throws Exception {
        File jar = new File("target").listFiles((dir, name) -> name.startsWith("subventions-") && name.endsWith(".jar"))[0];
        String data = templates.replaceFirst("-templates$", "") + "-data";
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.getPath(), "--spring.profiles.active=mariadb,demo", "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl + "?nullDatabaseMeansCurrent=true",
                "--spring.datasource.username=" + MariaDbDatabase.USER,
                "--spring.datasource.password=" + MariaDbDatabase.PASSWORD,
                "--subventions.documents.template-dir=" + templates,
                // the @CTES folders and the demo's signing keys beside the templates, under target/, not in the
                // checkout's data/; the nodes of one database share them, as a cluster shares its disk
                "--subventions.transmission.outbox=" + data + "/actes/outbox",
                "--subventions.transmission.inbox=" + data + "/actes/inbox",
                "--subventions.signature.demo-keys-dir=" + data + "/signature", "--logging.level.root=warn"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitUp();
    }

    /** kill -9: no shutdown hook, no transaction finished. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** The operating system's id of the running process. */
    public long pid() {
        return process.pid();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitUp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < until) {
            if (!process.isAlive()) {
                throw new AssertionError("the application process stopped; see " + log);
            }
            try {
                // ready, not just listening: the web server answers before the start-up runners (the demo's users)
                // are done, and the readiness probe turns to 200 only after them
                if (http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the application did not start within 180 s; see " + log);
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
