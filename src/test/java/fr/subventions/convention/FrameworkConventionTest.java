package fr.subventions.convention;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.documents.DocumentLines;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.LegalForm;
import fr.subventions.submission.SubmitRequest;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** A multi-year convention (2026–2029), then one request and one vote per year, each year's grant linked to it. */
@ApplicationTest
class FrameworkConventionTest {

    static final String LINE_2026 = "2026-65-65748-71-ECOURB";
    static final String LINE_2027 = "2027-65-65748-71-ECOURB";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Scenarios scenarios;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    DocumentService documents;

    long frameworkId;

    @BeforeEach
    void multiYearConvention() throws Exception {
        BpmnAwareTests.init(engine);
        JsonNode framework = call(post("/api/framework-conventions"), "secretariat", framework(2026, 2029), 201);
        assertThat(framework.path("reference").asText()).matches("CPO-2026-\\d{3}");
        frameworkId = framework.path("id").asLong();
    }

    @Test
    void eachYearsRequestIsLinkedOncePerYearAndItsConventionNamesTheFramework() throws Exception {
        SubsidyRequest first = scenarios.instructedRequest(2026, LINE_2026, 4000);
        SubsidyRequest second = scenarios.instructedRequest(2027, LINE_2027, 4000);

        call(post("/api/requests/" + first.reference() + "/framework"), "instructeur", Map.of("frameworkId", frameworkId), 200);
        JsonNode linked = call(post("/api/requests/" + second.reference() + "/framework"), "instructeur",
                Map.of("frameworkId", frameworkId), 200);

        assertThat(linked.path("years")).hasSize(2);
        assertThat(linked.path("years").get(0).path("fiscalYear").asInt()).isEqualTo(2026);
        assertThat(linked.path("years").get(1).path("reference").asText()).isEqualTo(second.reference());

        SubsidyRequest again = scenarios.instructedRequest(2026, LINE_2026, 1000);
        JsonNode taken = call(post("/api/requests/" + again.reference() + "/framework"), "instructeur",
                Map.of("frameworkId", frameworkId), 400);
        assertThat(message(taken, "frameworkId")).contains("a déjà une demande pour 2026 : " + first.reference(),
                "une demande et un vote par an");

        requests.placeOnAgenda(first.id(), "Bureau métropolitain du jeudi 10 décembre 2026", "secretariat");
        requests.recordVote(first.id(), VoteDecision.ADOPTED, "Bureau métropolitain du jeudi 10 décembre 2026", "secretariat");
        scenarios.fileDocumentsOf(first.reference());
        var convention = documents.list(requests.byId(first.id())).stream().filter(d -> d.type() == DocumentType.CONVENTION)
                .findFirst().orElseThrow();
        assertThat(String.join("\n", DocumentLines.of(documents.get(convention.id(), scenarios.staff()).content())))
                .contains("en application de la convention pluriannuelle d'objectifs n° CPO-2026-", "(2026–2029)",
                        "elle fixe la subvention de l'exercice 2026");
        JsonNode voted = call(post("/api/requests/" + first.reference() + "/framework"), "instructeur",
                Map.of("frameworkId", frameworkId), 409);
        assertThat(voted.path("detail").asText()).contains("a déjà été votée");
        assertThat(call(get("/api/framework-conventions/" + frameworkId), "finances", null, 200).path("years").get(0)
                .path("outcome").asText()).isEqualTo("GRANTED");
    }

    @Test
    void refusesAYearTheFrameworkDoesNotCoverAndAnotherBeneficiary() throws Exception {
        mvc.perform(MockMvcRequestBuilders.multipart("/api/budget-lines/import")
                .file(new MockMultipartFile("file", "budget-2030.csv", "text/csv",
                        ("exercice;chapitre;nature;fonction;service;code_service;libelle;credits_votes\n"
                                + "2030;65;65748;71;Écologie urbaine;ECOURB;Subventions — transition énergétique;200000\n")
                                .getBytes(StandardCharsets.UTF_8)))
                .with(as("finances"))).andExpect(status().isOk());
        SubsidyRequest late = scenarios.instructedRequest(SeedRequests.ofNumerique(2030, new BigDecimal("20000")),
                "2026-65-65748-71-ECOURB".replace("2026", "2030"), 1000);
        assertThat(message(call(post("/api/requests/" + late.reference() + "/framework"), "instructeur",
                Map.of("frameworkId", frameworkId), 400), "frameworkId")).contains("couvre 2026–2029, pas l'exercice 2030");

        SubmitRequest seed = SeedRequests.ofNumerique(2027);
        SubmitRequest other = new SubmitRequest(new SubmitRequest.ApplicantData("Société Autre", "44201903000018", null,
                LegalForm.COMPANY, seed.applicant().address(), seed.applicant().email(),
                seed.applicant().representative()), seed.title(), seed.description(), seed.theme(), seed.fiscalYear(),
                seed.totalBudget(), seed.requestedAmount(), seed.cofinancing());
        SubsidyRequest stranger = scenarios.instructedRequest(other, LINE_2027, 1000);
        assertThat(message(call(post("/api/requests/" + stranger.reference() + "/framework"), "instructeur",
                Map.of("frameworkId", frameworkId), 400), "frameworkId")).contains("est signée avec Association OF du Numérique, pas avec Société Autre");
    }

    @Test
    void refusesAFrameworkOverMoreThanFourYears() throws Exception {
        JsonNode refused = call(post("/api/framework-conventions"), "secretariat", framework(2026, 2030), 400);
        assertThat(message(refused, "lastYear")).isEqualTo("une convention pluriannuelle d'objectifs couvre 4 ans au plus "
                + "(2026–2030 en couvre 5)");
        call(post("/api/framework-conventions"), "instructeur", framework(2026, 2029), 403);
    }

    private Map<String, Object> framework(int first, int last) {
        Map<String, Object> body = new HashMap<>();
        body.put("beneficiaryName", "Association OF du Numérique");
        body.put("siret", SeedRequests.SIRET);
        body.put("rna", "W212001234");
        body.put("object", "Développer la filière numérique du territoire");
        body.put("firstYear", first);
        body.put("lastYear", last);
        body.put("signedOn", "2026-01-15");
        return body;
    }

    private static String message(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asText().equals(field)) {
                return error.path("message").asText();
            }
        }
        throw new AssertionError("no error on " + field + " in " + problem);
    }

    private JsonNode call(MockHttpServletRequestBuilder request, String user, Object body, int expected) throws Exception {
        request.with(as(user));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        String answer = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return answer.isEmpty() ? json.nullNode() : json.readTree(answer);
    }
}
