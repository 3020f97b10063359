package fr.subventions.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.support.HttpApi;
import fr.subventions.support.MariaDbDatabase;
import fr.subventions.support.PackagedApplication;
import fr.subventions.support.Waiting;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * kill -9 in the middle of a load of submissions: the packaged application runs as its own process on MariaDB, four
 * clients submit requests, the process is killed without warning, started again on the same database, and every
 * submission that was acknowledged (201) is there, once, with its process going on (its acknowledgement letter
 * produced after the restart when the crash caught it before).
 */
class CrashRecoveryMariaDbIT {

    static final String DATABASE = MariaDbDatabase.NAME + "_crash";
    static final Duration LONG = Duration.ofSeconds(150);
    static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"(SUB-\\d{4}-\\d{4})\"");

    PackagedApplication application;

    @AfterEach
    void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    void everyAcknowledgedSubmissionSurvivesAKillAndItsProcessGoesOn() throws Exception {
        PackagedApplication.recreate(DATABASE);
        Path log = Files.createTempFile("subventions-crash", ".log");
        application = PackagedApplication.start(DATABASE, log);
        String url = application.url();

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    try {
                        HttpResponse<String> response = http.send(submission(url, "crash-" + client + "-" + n),
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
        application.kill();
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        int acknowledgedAtKill = acknowledged.size();
        assertThat(acknowledgedAtKill).isGreaterThanOrEqualTo(40);

        application.restart();
        JdbcTemplate db = PackagedApplication.jdbc(DATABASE);
        List<String> stored = db.queryForList("select reference from subsidy_request", String.class);
        assertThat(stored).containsAll(acknowledged).doesNotHaveDuplicates();
        // jobs locked by the killed process wait for their lock to expire (lock-time-in-millis: one minute)
        Waiting.upTo(LONG, "every acknowledgement letter, produced after the restart", () -> db.queryForObject(
                "select count(distinct r.id) from subsidy_request r join request_document d on d.request_id = r.id "
                        + "where d.type = 'ACKNOWLEDGEMENT'", Integer.class) == stored.size());
        Waiting.upTo(LONG, "every process at the completeness check", () -> db.queryForObject(
                "select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_CheckCompleteness'", Integer.class)
                == stored.size());
        // the letter as .docx, its PDF/A beside it
        assertThat(db.queryForObject("select count(*) from request_document where type = 'ACKNOWLEDGEMENT' and "
                + "media_type <> 'application/pdf'", Integer.class))
                .as("one acknowledgement per request, none produced twice").isEqualTo(stored.size());
        assertThat(db.queryForObject("select count(*) from request_document where type = 'ACKNOWLEDGEMENT' and "
                + "media_type = 'application/pdf'", Integer.class)).as("its PDF/A").isEqualTo(stored.size());
        assertThat(db.queryForObject("select count(*) from ACT_RU_INCIDENT", Integer.class)).isZero();
        System.out.printf("crash test: %d submissions acknowledged before kill -9, %d stored (%d not acknowledged), "
                + "0 lost, every process resumed%n", acknowledgedAtKill, stored.size(), stored.size() - acknowledgedAtKill);
    }


    static HttpRequest submission(String url, String key) {
        String body = """
                {"applicant": {"name": "Association OF du Numérique", "siret": "73282932000074", "rna": "W212001234",
                 "legalForm": "ASSOCIATION", "address": "2 rue Maréchal Leclerc, 21000 Dijon",
                 "email": "contact@of-numerique.example", "representative": "Marie Dupont"},
                 "title": "État des lieux emplois et compétences", "description": "Charge de test.",
                 "theme": "DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE ET SOLIDARITES", "fiscalYear": 2026,
                 "totalBudget": 72000, "requestedAmount": 20000,
                 "cofinancing": [{"funder": "NUMEUM France", "amount": 10000}, {"funder": "Autofinancement", "amount": 42000}]}
                """;
        return HttpApi.request("demandeur", url + "/api/requests")
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }
}
