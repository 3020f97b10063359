package fr.subventions.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.support.ActsInBackground;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.MariaDbIntegrationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.workflow.DocumentProductionProcess;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Each stage is open as soon as the previous action has committed, while the job executor produces the documents in
 * the background (issue 14, 5): 100 requests over HTTP on MariaDB, each action followed at once by the next one — the
 * completeness check right after the filing, the agenda right after the instruction, the attendance right after the
 * convocation, the closing of the séance right after its last vote, the publication of its acts right after the
 * prefecture's acknowledgements, the beneficiary's signature right after, the President's after it, the commitment
 * after both. Not one is refused; every document is filed in the end. The one wait is the law's: a deliberation is
 * executory once published and received by the prefect (CGCT L2131-1), who receives it once its extract is signed and
 * its convention filed; a signature before is refused.
 */
class NextStageAtOnceMariaDbIT extends MariaDbIntegrationTest {

    static final int REQUESTS = 100;
    static final int YEAR = 2031;
    static final String LINE = YEAR + "-65-65748-90-AUSSITOT";
    static final LocalDate CONVOCATION = LocalDate.of(YEAR, 1, 8);
    static final LocalDate SESSION_DAY = LocalDate.of(YEAR, 1, 14);

    @Autowired
    TestRestTemplate http;
    @Autowired
    MutableClock clock;
    @Autowired
    Scenarios scenarios;
    @Autowired
    ActsInBackground acts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    /** Every answer that was not the expected success, with its step and body. */
    final List<String> refused = new ArrayList<>();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyNextStepIsAcceptedAtOnceWhileDocumentsAreProducedBeside() throws Exception {
        clock.set(CONVOCATION);
        importLine();
        long session = read(post("secretariat", "/api/sessions", Map.of("body", "BUREAU", "date", SESSION_DAY.toString(),
                "place", "Dijon Métropole, 40 avenue du Drapeau", "presidentId", scenarios.bureauMember("REBSAMEN").id(),
                "secretaryId", scenarios.bureauMember("HOAREAU").id(), "convocationSentOn", CONVOCATION.toString()),
                "création de la séance")).get("id").asLong();

        List<String> references = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String reference = read(post("demandeur", "/api/requests", request(i), "dépôt")).get("reference").asText();
            references.add(reference);
            uploadRepublicanCommitment(reference);
            post("instructeur", "/api/requests/" + reference + "/completeness",
                    Map.of("complete", true, "comment", "Dossier complet"), "complétude juste après le dépôt");
            post("instructeur", "/api/requests/" + reference + "/instruction", Map.of("opinion", "FAVORABLE",
                    "proposedAmount", 1000, "budgetLines", List.of(Map.of("code", LINE, "amount", 1000)),
                    "report", "Rapport d'instruction : l'action répond aux objectifs de la Métropole."), "instruction");
            post("secretariat", "/api/sessions/" + session + "/agenda", Map.of("references", List.of(reference)),
                    "inscription juste après l'instruction");
        }
        post("secretariat", "/api/sessions/" + session + "/convocation", null, "convocation");

        clock.set(SESSION_DAY);
        Map<String, Object> sheet = scenarios.seedAttendance();
        check("présences juste après la convocation", http.withBasicAuth("secretariat", "secretariat").exchange(
                "/api/sessions/" + session + "/attendance", HttpMethod.PUT, new HttpEntity<>(Map.of("present",
                        sheet.get("present"), "absent", sheet.get("absent"), "proxies", sheet.get("proxyPairs"))),
                String.class));
        for (String reference : references) {
            post("secretariat", "/api/sessions/" + session + "/items/" + reference + "/vote", Map.of(), "vote");
        }
        // right after the vote, the deliberation is not executory: the signature waits for it
        ResponseEntity<String> early = http.withBasicAuth("demandeur", "demandeur").postForEntity("/api/requests/"
                + references.get(0) + "/convention/signatures", Map.of("signatory", "BENEFICIARY", "signedBy",
                        "Marie Dupont, présidente", "signedOn", SESSION_DAY.toString()), String.class);
        assertThat(early.getStatusCode()).as(early.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody()).contains("CGCT, art. L2131-1");
        post("secretariat", "/api/sessions/" + session + "/closure", null, "clôture juste après le dernier vote");

        // each act received by the prefecture once sent, then the séance's acts published: executory, all of them
        for (String reference : references) {
            acts.acknowledged(reference, SESSION_DAY);
        }
        post("secretariat", "/api/sessions/" + session + "/publication", null,
                "publication juste après les accusés de réception");
        for (String reference : references) {
            post("demandeur", "/api/requests/" + reference + "/convention/signatures", Map.of("signatory", "BENEFICIARY",
                    "signedBy", "Marie Dupont, présidente", "signedOn", SESSION_DAY.toString()),
                    "signature du bénéficiaire juste après la publication");
            post("secretariat", "/api/requests/" + reference + "/convention/signatures", Map.of("signatory", "PRESIDENT",
                    "signedBy", "François Rebsamen", "signedOn", SESSION_DAY.toString()),
                    "signature du Président juste après celle du bénéficiaire");
            post("finances", "/api/requests/" + reference + "/imputation",
                    Map.of("lines", List.of(Map.of("code", LINE, "amount", 1000))), "engagement juste après les signatures");
        }

        assertThat(refused).as("refused at once").isEmpty();

        // The documents, produced beside the cases, are all there in the end, with no incident
        acts.whileProducing("the document productions end", () -> productionsLeft() == 0);
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Integer.class)).isZero();
        // each document once, the PDF/A renditions (beside every .docx) apart
        for (String type : List.of("ACKNOWLEDGEMENT", "INSTRUCTION_REPORT", "DELIBERATION_EXTRACT", "CONVENTION",
                "EXECUTORY_CERTIFICATE", "ENGAGEMENT_SHEET")) {
            assertThat(jdbc.queryForObject("select count(*) from request_document d join subsidy_request r on "
                    + "d.request_id = r.id where r.fiscal_year = ? and d.type = ? and d.media_type <> 'application/pdf'",
                    Integer.class, YEAR, type)).as(type).isEqualTo(REQUESTS);
        }
        assertThat(jdbc.queryForObject("select count(*) from request_document where session_id = ? and type in "
                + "('CONVOCATION', 'MINUTES', 'DELIBERATION_LIST') and media_type <> 'application/pdf'", Integer.class,
                session)).isEqualTo(3);
    }

    private int productionsLeft() {
        return jdbc.queryForObject("select count(*) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on e.PROC_DEF_ID_ = d.ID_"
                + " where d.KEY_ = ?", Integer.class, DocumentProductionProcess.KEY);
    }

    private void importLine() {
        String csv = ApiJourney.IMPORT_HEADER + "\n" + YEAR
                + ";65;65748;90;Développement économique;AUSSITOT;Subventions (enchaînement immédiat des étapes);500000\n";
        multipart("finances", "/api/budget-lines/import", "budget.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of(), "import du budget");
    }

    private void uploadRepublicanCommitment(String reference) {
        multipart("demandeur", "/api/requests/" + reference + "/documents", "contrat-engagement-republicain.pdf",
                Scenarios.PDF, Map.of("type", "CONTRAT_ENGAGEMENT_REPUBLICAIN"), "contrat d'engagement républicain");
    }

    private Map<String, Object> request(int i) {
        return Map.of(
                "applicant", Map.of("name", "Association OF du Numérique", "siret", "73282932000074", "rna", "W212001234",
                        "legalForm", "ASSOCIATION", "address", "2 rue Maréchal Leclerc, 21000 Dijon",
                        "email", "contact@of-numerique.example", "representative", "Marie Dupont"),
                "title", "Atelier numérique n° " + (i + 1),
                "description", "Un atelier d'initiation au numérique pour les habitants.",
                "theme", "DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE ET SOLIDARITES",
                "fiscalYear", YEAR, "totalBudget", 3000, "requestedAmount", 1000,
                "cofinancing", List.of(Map.of("funder", "Autofinancement", "amount", 2000)));
    }

    private ResponseEntity<String> post(String user, String path, Object body, String step) {
        ResponseEntity<String> response = http.withBasicAuth(user, user).postForEntity(path, body, String.class);
        return check(step, response);
    }

    private void multipart(String user, String path, String filename, byte[] content, Map<String, String> fields,
            String step) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        check(step, http.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(form, headers), String.class));
    }

    /** Any success will do (200, or 201 for what is created); anything else is a refusal. */
    private ResponseEntity<String> check(String step, ResponseEntity<String> response) {
        if (!response.getStatusCode().is2xxSuccessful()) {
            refused.add(step + " : " + response.getStatusCode().value() + " " + response.getBody());
        }
        return response;
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody() + " (refused so far: " + refused + ")", e);
        }
    }
}
