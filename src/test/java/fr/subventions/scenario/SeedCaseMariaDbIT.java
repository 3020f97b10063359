package fr.subventions.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.support.ActsInBackground;
import fr.subventions.support.MariaDbIntegrationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The seed case replayed over HTTP on MariaDB: Association OF du Numérique asks 20 000 € of a 72 000 € budget; the
 * Bureau métropolitain of Thursday 14 September 2023 (convocation sent on 8 September; 25 present, 15 proxies,
 * 3 absent) grants it by 40 votes for, of which 15 by proxy; the deliberation, received by the prefecture and
 * published, is executory; both parties sign the convention; 20 000 € are committed on a 2023 line; the secretariat
 * closes the request GRANTED.
 */
public class SeedCaseMariaDbIT extends MariaDbIntegrationTest {

    static final String LINE = "2023-65-65748-90-DEVECO";

    @Autowired
    TestRestTemplate http;
    @Autowired
    MutableClock clock;

    /** The other integration tests share this context: back to the real date, for the engine too. */
    @AfterEach
    void resetClock() {
        clock.reset();
    }
    @Autowired
    Scenarios scenarios;
    @Autowired
    ActsInBackground acts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void seedRequestIsGrantedByTheBureauOf14September2023() throws Exception {
        clock.set(LocalDate.of(2023, 7, 3));
        assertThat(jdbc.queryForObject("select @@tx_isolation", String.class)).isEqualTo("READ-COMMITTED");

        // The applicant files the request; a retry with the same key answers the same request
        Map<String, Object> seed = seedRequest();
        HttpHeaders idempotent = new HttpHeaders();
        idempotent.set("Idempotency-Key", "of-numerique-2023-etat-des-lieux");
        ResponseEntity<String> filed = as("demandeur").postForEntity("/api/requests", new HttpEntity<>(seed, idempotent), String.class);
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = read(filed).get("reference").asText();
        assertThat(reference).matches("SUB-2023-\\d{4}");
        assertThat(filed.getHeaders().getLocation()).hasToString("/api/requests/" + reference);
        ResponseEntity<String> retried = as("demandeur").postForEntity("/api/requests", new HttpEntity<>(seed, idempotent), String.class);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read(retried).get("reference").asText()).isEqualTo(reference);
        assertThat(jdbc.queryForObject("select count(*) from subsidy_request where idempotency_key = ?", Integer.class,
                "of-numerique-2023-etat-des-lieux")).isEqualTo(1);

        upload(reference, "BUDGET_PREVISIONNEL", "budget-previsionnel.pdf", "%PDF-1.4\n% budget 72 000 €\n%%EOF\n".getBytes());
        upload(reference, "STATUTS", "statuts.pdf", "%PDF-1.4\n% statuts\n%%EOF\n".getBytes());
        // an association's request is complete only with its Contrat d'Engagement Républicain
        upload(reference, "CONTRAT_ENGAGEMENT_REPUBLICAIN", "contrat-engagement-republicain.pdf",
                "%PDF-1.4\n% CER\n%%EOF\n".getBytes());
        JsonNode documents = read(as("demandeur").getForEntity("/api/requests/" + reference + "/documents", String.class));
        List<JsonNode> uploaded = new ArrayList<>();
        documents.forEach(d -> {
            if (!d.get("generated").asBoolean()) {
                uploaded.add(d);
            }
        });
        // the acknowledgement may already be there too, produced in the background
        assertThat(uploaded).hasSize(3);
        assertThat(uploaded.get(0).get("sha256").asText()).hasSize(64);

        // Completeness, then instruction: 20 000 € proposed on a 2023 economic development line
        clock.set(LocalDate.of(2023, 7, 10));
        expect(HttpStatus.OK, as("instructeur").postForEntity("/api/requests/" + reference + "/completeness",
                Map.of("complete", true, "comment", "Dossier complet"), String.class));
        BigDecimal availableBefore = available(LINE);
        // other tests share the line: compare with what it held before this request
        BigDecimal reservedBefore = line(LINE).get("reserved").decimalValue();
        BigDecimal committedBefore = line(LINE).get("committed").decimalValue();
        clock.set(LocalDate.of(2023, 7, 20));
        JsonNode instructed = read(expect(HttpStatus.OK, as("instructeur").postForEntity("/api/requests/" + reference + "/instruction",
                Map.of("opinion", "FAVORABLE", "proposedAmount", 20000, "budgetLines", List.of(Map.of("code", LINE, "amount", 20000)),
                        "report", "Dijon Métropole a fait de la filière numérique l'un des axes stratégiques de développement économique."),
                String.class)));
        assertThat(instructed.get("status").asText()).isEqualTo("AWAITING_AGENDA");

        // The séance of Thursday 14 September 2023, convocation sent on Friday 8 September
        clock.set(LocalDate.of(2023, 9, 8));
        long president = scenarios.bureauMember("REBSAMEN").id();
        long secretary = scenarios.bureauMember("HOAREAU").id();
        ResponseEntity<String> created = as("secretariat").postForEntity("/api/sessions", Map.of("body", "BUREAU",
                "date", "2023-09-14", "place", "Dijon Métropole, 40 avenue du Drapeau", "presidentId", president,
                "secretaryId", secretary, "convocationSentOn", "2023-09-08"), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long session = read(created).get("id").asLong();
        // The instruction report is produced in the background, beside the request: it can be placed at once
        JsonNode agenda = read(expect(HttpStatus.OK, as("secretariat").postForEntity("/api/sessions/" + session + "/agenda",
                Map.of("references", List.of(reference)), String.class)));
        assertThat(agenda.get("label").asText()).isEqualTo("Bureau métropolitain du jeudi 14 septembre 2023");

        expect(HttpStatus.OK, as("secretariat").postForEntity("/api/sessions/" + session + "/convocation", null, String.class));
        clock.set(LocalDate.of(2023, 9, 14));
        Map<String, Object> sheet = scenarios.seedAttendance();
        JsonNode attendance = read(expect(HttpStatus.OK, as("secretariat").exchange("/api/sessions/" + session
                + "/attendance", HttpMethod.PUT, new HttpEntity<>(Map.of("present", sheet.get("present"),
                        "absent", sheet.get("absent"), "proxies", sheet.get("proxyPairs"))), String.class)));
        assertThat(attendance.get("membersInOffice").asInt()).isEqualTo(43);
        assertThat(attendance.get("present").asInt()).isEqualTo(25);
        assertThat(attendance.get("proxies").asInt()).isEqualTo(15);
        assertThat(attendance.get("absent").asInt()).isEqualTo(18);
        assertThat(attendance.get("quorumReached").asBoolean()).isTrue();

        JsonNode vote = read(expect(HttpStatus.OK, as("secretariat").postForEntity(
                "/api/sessions/" + session + "/items/" + reference + "/vote", Map.of(), String.class)));
        assertThat(vote.get("for").asInt()).isEqualTo(40);
        assertThat(vote.get("against").asInt()).isZero();
        assertThat(vote.get("abstention").asInt()).isZero();
        assertThat(vote.get("notVoting").asInt()).isZero();
        assertThat(vote.get("proxies").asInt()).isEqualTo(15);
        assertThat(vote.get("outcome").asText()).isEqualTo("ADOPTED");
        String ballots = "select count(*) from ballot b join agenda_item i on b.agenda_item_id = i.id where i.reference = ?";
        assertThat(jdbc.queryForObject(ballots + " and b.choice = 'FOR'", Integer.class, reference)).isEqualTo(40);
        assertThat(jdbc.queryForObject(ballots + " and b.member_id <> b.cast_by", Integer.class, reference)).isEqualTo(15);
        expect(HttpStatus.OK, as("secretariat").postForEntity("/api/sessions/" + session + "/closure", null, String.class));

        // Not executory yet (CGCT L2131-1): the convention cannot be signed
        clock.set(LocalDate.of(2023, 9, 18));
        ResponseEntity<String> early = as("demandeur").postForEntity("/api/requests/" + reference + "/convention/signatures",
                Map.of("signatory", "BENEFICIARY", "signedBy", "Marie Dupont, présidente", "signedOn", "2023-09-18"),
                String.class);
        assertThat(early.getStatusCode()).as(early.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody()).contains("n'est pas encore exécutoire", "CGCT, art. L2131-1");

        // The extract signed and the convention filed in the background, the deliberation is sent to the prefecture,
        // which receives it on 19 September; the séance's acts are published on the 20th: executory since then
        clock.set(LocalDate.of(2023, 9, 19));
        String number = acts.acknowledged(reference, LocalDate.of(2023, 9, 19)).number();
        JsonNode acknowledged = read(as("demandeur").getForEntity("/api/requests/" + reference + "/act", String.class));
        assertThat(acknowledged.get("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("idActe").asText()).isEqualTo("021-242100410-20230914-" + number + "-DE");
        assertThat(acknowledged.get("acknowledgedOn").asText()).isEqualTo("2023-09-19");
        clock.set(LocalDate.of(2023, 9, 20));
        expect(HttpStatus.OK, as("secretariat").postForEntity("/api/sessions/" + session + "/publication", null, String.class));
        JsonNode executory = read(as("demandeur").getForEntity("/api/requests/" + reference + "/act", String.class));
        assertThat(executory.get("state").asText()).isEqualTo("EXECUTORY");
        assertThat(executory.get("publishedOn").asText()).isEqualTo("2023-09-20");
        assertThat(executory.get("executoryOn").asText()).isEqualTo("2023-09-20");
        assertThat(read(as("demandeur").getForEntity("/api/requests/" + reference, String.class)).get("executoryOn").asText())
                .isEqualTo("2023-09-20");

        // The convention, produced by the job executor beside the request, signed by the beneficiary then by the President
        clock.set(LocalDate.of(2023, 10, 2));
        expect(HttpStatus.OK, as("demandeur").postForEntity("/api/requests/" + reference + "/convention/signatures",
                Map.of("signatory", "BENEFICIARY", "signedBy", "Marie Dupont, présidente", "signedOn", "2023-10-02"), String.class));
        clock.set(LocalDate.of(2023, 10, 5));
        JsonNode signed = read(expect(HttpStatus.OK, as("secretariat").postForEntity("/api/requests/" + reference + "/convention/signatures",
                Map.of("signatory", "PRESIDENT", "signedBy", "François Rebsamen", "signedOn", "2023-10-05"), String.class)));
        assertThat(signed.get("status").asText()).isEqualTo("AWAITING_IMPUTATION");

        // Finance commits the 20 000 € on the 2023 line
        JsonNode imputation = read(expect(HttpStatus.OK, as("finances").postForEntity("/api/requests/" + reference + "/imputation",
                Map.of("lines", List.of(Map.of("code", LINE, "amount", 20000))), String.class)));
        assertThat(imputation.get("engagements").get(0).get("engagementNumber").asText()).matches("ENG-2023-\\d{6}");
        assertThat(available(LINE)).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("20000")));
        assertThat(line(LINE).get("committed").decimalValue()).isEqualByComparingTo(committedBefore.add(new BigDecimal("20000")));
        assertThat(line(LINE).get("reserved").decimalValue()).isEqualByComparingTo(reservedBefore);

        // Finance pays the 20 000 € in one go (up to 23 000 €, a single payment at signature)
        clock.set(LocalDate.of(2023, 10, 20));
        JsonNode paid = read(expect(HttpStatus.OK, as("finances").postForEntity("/api/requests/" + reference + "/payments",
                Map.of("paidOn", "2023-10-20", "mandateReference", "M-2023-04518"), String.class)));
        assertThat(paid.get("conditions").asText()).isEqualTo("unique");
        assertThat(paid.get("payments").get(0).get("amount").decimalValue()).isEqualByComparingTo("20000");

        // Closing: the applicant sees the request granted
        expect(HttpStatus.OK, as("secretariat").postForEntity("/api/requests/" + reference + "/closure", null, String.class));
        JsonNode closed = read(as("demandeur").getForEntity("/api/requests/" + reference, String.class));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asText()).isEqualTo("GRANTED");
        assertThat(closed.get("requestedAmount").decimalValue()).isEqualByComparingTo("20000");
        assertThat(closed.get("proposedAmount").decimalValue()).isEqualByComparingTo("20000");
        assertThat(closed.get("grantedAmount").decimalValue()).isEqualByComparingTo("20000");
        List<String> stages = new ArrayList<>();
        closed.get("history").forEach(h -> stages.add(h.get("stage").asText()));
        assertThat(stages).containsSubsequence("SUBMITTED", "IN_INSTRUCTION", "AWAITING_AGENDA", "ON_AGENDA",
                "AWAITING_SIGNATURES", "AWAITING_IMPUTATION", "AWAITING_PAYMENT", "AWAITING_CLOSURE", "CLOSED");
        assertThat(closed.get("history").get(0).get("at").asText()).startsWith("2023-07-03");
        List<String> results = new ArrayList<>();
        closed.get("history").forEach(h -> results.add(h.get("result").asText()));
        assertThat(results).contains("Délibération n° " + number + " exécutoire depuis le 20 septembre 2023");
        await("the notification is produced and the process ends", () -> jdbc.queryForObject(
                "select count(*) from ACT_RU_EXECUTION where BUSINESS_KEY_ = ?", Integer.class, reference) == 0);
        List<String> types = new ArrayList<>();
        read(as("instructeur").getForEntity("/api/requests/" + reference + "/documents", String.class))
                .forEach(d -> types.add(d.get("type").asText()));
        assertThat(types).contains("BUDGET_PREVISIONNEL", "STATUTS", "ACKNOWLEDGEMENT", "INSTRUCTION_REPORT",
                "DELIBERATION_EXTRACT", "CONVENTION", "EXECUTORY_CERTIFICATE", "ENGAGEMENT_SHEET", "NOTIFICATION_GRANTED");
        // the applicant's own list has the letters and acts addressed to them, not the internal documents (CRPA L311-2)
        List<String> applicants = new ArrayList<>();
        read(as("demandeur").getForEntity("/api/requests/" + reference + "/documents", String.class))
                .forEach(d -> applicants.add(d.get("type").asText()));
        assertThat(applicants).contains("BUDGET_PREVISIONNEL", "STATUTS", "ACKNOWLEDGEMENT", "DELIBERATION_EXTRACT",
                "CONVENTION", "EXECUTORY_CERTIFICATE", "NOTIFICATION_GRANTED").doesNotContain("INSTRUCTION_REPORT", "ENGAGEMENT_SHEET");
        JsonNode sessionDocuments = read(as("secretariat").getForEntity("/api/sessions/" + session + "/documents", String.class));
        assertThat(sessionDocuments.findValuesAsText("type")).contains("CONVOCATION", "DELIBERATION_EXTRACT");
    }

    /** Waits for what the job executor does in the background, 90 s at most. */
    public static void await(String what, BooleanSupplier done) {
        await(() -> what, done);
    }

    /** Waits for the condition, then fails with the description, read at that moment. */
    public static void await(Supplier<String> what, BooleanSupplier done) {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still waiting after 90 s: " + what.get());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private Map<String, Object> seedRequest() {
        return Map.of(
                "applicant", Map.of("name", "Association OF du Numérique", "siret", "73282932000074", "rna", "W212001234",
                        "legalForm", "ASSOCIATION", "address", "2 rue Maréchal Leclerc, 21000 Dijon",
                        "email", "contact@of-numerique.example", "representative", "Marie Dupont"),
                "title", "État des lieux emplois et compétences de la filière numérique",
                "description", "Un état des lieux des besoins en emplois et compétences numériques, en partenariat avec CREATIV.",
                "theme", "DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE ET SOLIDARITES",
                "fiscalYear", 2023, "totalBudget", 72000, "requestedAmount", 20000,
                "cofinancing", List.of(Map.of("funder", "NUMEUM France", "amount", 10000),
                        Map.of("funder", "Autofinancement", "amount", 42000)));
    }

    private void upload(String reference, String type, String filename, byte[] content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("type", type);
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        expect(HttpStatus.CREATED, as("demandeur").postForEntity("/api/requests/" + reference + "/documents",
                new HttpEntity<>(form, headers), String.class));
    }

    private BigDecimal available(String code) throws Exception {
        return line(code).get("available").decimalValue();
    }

    private JsonNode line(String code) throws Exception {
        for (JsonNode line : read(as("finances").getForEntity("/api/budget-lines?year=2023", String.class))) {
            if (line.get("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError("no budget line " + code);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user);
    }

    private ResponseEntity<String> expect(HttpStatus status, ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        return response;
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
