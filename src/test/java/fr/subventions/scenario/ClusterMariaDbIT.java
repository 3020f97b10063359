package fr.subventions.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.support.MariaDbDatabase;
import fr.subventions.support.PackagedApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one MariaDB, both running the job executor, under a mixed load: submissions, officers'
 * decisions and reads spread over both nodes. No job runs twice (each document exists once), no request is lost or
 * duplicated, and every request ends in exactly one final state.
 */
class ClusterMariaDbIT {

    static final String DATABASE = MariaDbDatabase.NAME + "_cluster";
    static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"(SUB-\\d{4}-\\d{4})\"");
    static final int CLIENTS = 4;
    static final int REQUESTS_PER_CLIENT = 8;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void twoNodesShareTheLoadWithoutLosingOrDoublingAnything() throws Exception {
        PackagedApplication.recreate(DATABASE);
        Path log = Files.createTempFile("subventions-cluster", ".log");
        try (PackagedApplication first = PackagedApplication.start(DATABASE, log);
                PackagedApplication second = PackagedApplication.start(DATABASE, log)) {
            List<String> nodes = List.of(first.url(), second.url());
            Set<String> references = ConcurrentHashMap.newKeySet();
            AtomicInteger reads = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
            List<Future<?>> work = new java.util.ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                work.add(clients.submit(() -> {
                    for (int n = 0; n < REQUESTS_PER_CLIENT; n++) {
                        String a = nodes.get(n % 2);
                        String b = nodes.get((n + 1) % 2);
                        String reference = submit(a, "cluster-" + client + "-" + n);
                        references.add(reference);
                        untilAccepted(b, "/api/requests/" + reference + "/completeness", "instructeur",
                                "{\"complete\": true}");
                        untilAccepted(a, "/api/requests/" + reference + "/instruction", "instructeur",
                                "{\"opinion\": \"UNFAVORABLE\", \"report\": \"Hors des critères d'intervention.\"}");
                        untilAccepted(b, "/api/requests/" + reference + "/closure", "secretariat", null);
                    }
                    return null;
                }));
            }
            Future<?> reader = clients.submit(() -> {
                while (work.stream().anyMatch(f -> !f.isDone())) {
                    HttpResponse<String> list = http.send(get(nodes.get(reads.get() % 2), "/api/requests", "instructeur"),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(list.statusCode()).isEqualTo(200);
                    reads.incrementAndGet();
                }
                return null;
            });
            for (Future<?> f : work) {
                f.get(10, TimeUnit.MINUTES);
            }
            reader.get(1, TimeUnit.MINUTES);
            clients.shutdown();

            JdbcTemplate db = PackagedApplication.jdbc(DATABASE);
            awaitLong("every notification produced and every process ended", () -> db.queryForObject(
                    "select count(*) from ACT_RU_EXECUTION", Integer.class) == 0);
            int total = CLIENTS * REQUESTS_PER_CLIENT;
            assertThat(references).hasSize(total);
            assertThat(db.queryForList("select reference from subsidy_request", String.class))
                    .containsExactlyInAnyOrderElementsOf(references);
            assertThat(db.queryForList("select status, outcome, count(*) as n from subsidy_request group by status, outcome"))
                    .containsExactly(Map.of("status", "CLOSED", "outcome", "REJECTED", "n", (long) total));
            for (String type : List.of("ACKNOWLEDGEMENT", "INSTRUCTION_REPORT", "NOTIFICATION_REJECTED")) {
                assertThat(db.queryForList("select count(*) from request_document where type = ? group by request_id",
                        Long.class, type)).as(type + " once per request").hasSize(total).containsOnly(1L);
            }
            assertThat(db.queryForObject("select count(*) from ACT_RU_JOB", Integer.class)).isZero();
            assertThat(db.queryForObject("select count(*) from ACT_RU_INCIDENT", Integer.class)).isZero();
            System.out.printf("cluster test: 2 nodes, %d requests from submission to closing, %d reads, 3 documents "
                    + "each produced once, 0 lost, 0 duplicated%n", total, reads.get());
        }
    }

    private String submit(String node, String key) throws Exception {
        String body = """
                {"applicant": {"name": "Société Numérique Dijon", "siret": "73282932000074",
                 "legalForm": "COMPANY", "address": "2 rue Maréchal Leclerc, 21000 Dijon",
                 "email": "contact@numerique.example", "representative": "Marie Dupont"},
                 "title": "Charge à deux nœuds", "description": "Charge de test.",
                 "theme": "DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE ET SOLIDARITES", "fiscalYear": 2026,
                 "totalBudget": 72000, "requestedAmount": 20000,
                 "cofinancing": [{"funder": "NUMEUM France", "amount": 10000}, {"funder": "Autofinancement", "amount": 42000}]}
                """;
        HttpResponse<String> response = http.send(post(node, "/api/requests", "demandeur", body).header("Idempotency-Key", key)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher reference = REFERENCE.matcher(response.body());
        assertThat(reference.find()).isTrue();
        return reference.group(1);
    }

    /** Calls again while the previous stage's document is being produced (409), at most a minute. */
    private void untilAccepted(String node, String path, String user, String body) throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (true) {
            HttpResponse<String> response = http.send(post(node, path, user, body).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return;
            }
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(409);
            assertThat(System.currentTimeMillis()).as("still refused: " + path + " " + response.body()).isLessThan(until);
            Thread.sleep(100);
        }
    }

    private static HttpRequest.Builder post(String node, String path, String user, String body) {
        return HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static HttpRequest get(String node, String path, String user) {
        return HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).GET().build();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
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
}
