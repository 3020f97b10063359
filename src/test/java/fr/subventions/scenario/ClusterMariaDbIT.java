package fr.subventions.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.support.HttpApi;
import fr.subventions.support.MariaDbDatabase;
import fr.subventions.support.PackagedApplication;
import fr.subventions.support.Waiting;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    static final Duration LONG = Duration.ofSeconds(150);
    static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"(SUB-\\d{4}-\\d{4})\"");
    static final int CLIENTS = 4;
    static final int REQUESTS_PER_CLIENT = 8;

    final HttpApi api = new HttpApi();

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
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                work.add(clients.submit(() -> {
                    for (int n = 0; n < REQUESTS_PER_CLIENT; n++) {
                        String a = nodes.get(n % 2);
                        String b = nodes.get((n + 1) % 2);
                        String reference = submit(a, "cluster-" + client + "-" + n);
                        references.add(reference);
                        api.accepted(b, "/api/requests/" + reference + "/completeness", "instructeur",
                                "{\"complete\": true}");
                        api.accepted(a, "/api/requests/" + reference + "/instruction", "instructeur",
                                "{\"opinion\": \"UNFAVORABLE\", \"report\": \"Hors des critères d'intervention.\"}");
                        api.accepted(b, "/api/requests/" + reference + "/closure", "secretariat", null);
                    }
                    return null;
                }));
            }
            Future<?> reader = clients.submit(() -> {
                while (work.stream().anyMatch(f -> !f.isDone())) {
                    HttpResponse<String> list = api.get(nodes.get(reads.get() % 2), "/api/requests", "instructeur");
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
            Waiting.upTo(LONG, "every notification produced and every process ended", () -> db.queryForObject(
                    "select count(*) from ACT_RU_EXECUTION", Integer.class) == 0);
            int total = CLIENTS * REQUESTS_PER_CLIENT;
            assertThat(references).hasSize(total);
            assertThat(db.queryForList("select reference from subsidy_request", String.class))
                    .containsExactlyInAnyOrderElementsOf(references);
            assertThat(db.queryForList("select status, outcome, count(*) as n from subsidy_request group by status, outcome"))
                    .containsExactly(Map.of("status", "CLOSED", "outcome", "REJECTED", "n", (long) total));
            // each letter once per request as .docx, and once as its PDF/A
            for (String type : List.of("ACKNOWLEDGEMENT", "INSTRUCTION_REPORT", "NOTIFICATION_REJECTED")) {
                assertThat(db.queryForList("select count(*) from request_document where type = ? and media_type <> "
                        + "'application/pdf' group by request_id", Long.class, type)).as(type + " once per request")
                        .hasSize(total).containsOnly(1L);
                assertThat(db.queryForList("select count(*) from request_document where type = ? and media_type = "
                        + "'application/pdf' group by request_id", Long.class, type)).as(type + " PDF once per request")
                        .hasSize(total).containsOnly(1L);
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
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpApi.post(node, "/api/requests", "demandeur",
                body, key), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher reference = REFERENCE.matcher(response.body());
        assertThat(reference.find()).isTrue();
        return reference.group(1);
    }
}
