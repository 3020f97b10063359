package fr.subventions.support;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.bureau.SessionService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Walks requests through their stages by the API, as each role calls it (HTTP Basic on MockMvc), on the in-memory
 * application of {@link ApplicationTest}: the applicant files, the officer instructs, the secretariat runs a séance of
 * the Bureau that votes, both parties sign, finance commits, the secretariat closes. The test profile has no job
 * executor: after each stage the documents it produces are filed here ({@link Scenarios#fileDocuments}), as the job
 * executor would. Each step expects the API to accept it; {@link #call} answers whatever the API says. A bean of every
 * {@link ApplicationTest}'s context.
 */
@TestComponent
public class ApiJourney {

    public static final String IMPORT_HEADER = "exercice;chapitre;nature;fonction;service;code_service;libelle;credits_votes";

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final Scenarios scenarios;

    ApiJourney(MockMvc mvc, ObjectMapper json, Scenarios scenarios) {
        this.mvc = mvc;
        this.json = json;
        this.scenarios = scenarios;
    }

    // ---------------------------------------------------------------------------------------------- budget

    /** Creates or updates budget lines through the budget import, as finance does: rows after the header, ';'. */
    public JsonNode importLines(String... rows) throws Exception {
        String csv = IMPORT_HEADER + "\n" + String.join("\n", rows) + "\n";
        return ok(call("finances", multipart("/api/budget-lines/import")
                .file(new MockMultipartFile("file", "budget.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))));
    }

    /** A budget line as finance reads it: voted, reserved, committed, available. */
    public JsonNode line(String code) throws Exception {
        int year = Integer.parseInt(code.substring(0, 4));
        for (JsonNode line : ok(call("finances", get("/api/budget-lines").param("year", String.valueOf(year))))) {
            if (line.get("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError("no budget line " + code);
    }

    // ---------------------------------------------------------------------------------------------- the request

    /**
     * The applicant files the request and uploads its signed Contrat d'Engagement Républicain (without which an
     * association's request cannot be declared complete); the acknowledgement is filed. Answers its reference.
     */
    public String file(Map<String, Object> request) throws Exception {
        String reference = ok(call("demandeur", post("/api/requests").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(request)))).get("reference").asText();
        ok(call("demandeur", multipart("/api/requests/" + reference + "/documents")
                .file(new MockMultipartFile("file", "contrat-engagement-republicain.pdf", "application/pdf", Scenarios.PDF))
                .param("type", "CONTRAT_ENGAGEMENT_REPUBLICAIN")));
        settle(reference);
        return reference;
    }

    public JsonNode complete(String reference) throws Exception {
        return postJson("instructeur", "/api/requests/" + reference + "/completeness",
                Map.of("complete", true, "comment", "Dossier complet"));
    }

    /** A favourable instruction: the proposed amount over these lines (code → amount, in this order). */
    public JsonNode instruct(String reference, String proposed, Map<String, String> lines) throws Exception {
        JsonNode instructed = postJson("instructeur", "/api/requests/" + reference + "/instruction", Map.of(
                "opinion", "FAVORABLE", "proposedAmount", new BigDecimal(proposed), "budgetLines", split(lines),
                "report", "Rapport d'instruction : l'action répond aux objectifs de la Métropole."));
        settle(reference);
        return instructed;
    }

    public JsonNode instructUnfavourably(String reference) throws Exception {
        JsonNode instructed = postJson("instructeur", "/api/requests/" + reference + "/instruction", Map.of(
                "opinion", "UNFAVORABLE", "report", "L'action ne relève pas des compétences de la Métropole."));
        settle(reference);
        return instructed;
    }

    /** Both signatures of the convention on that day: the beneficiary's, then the President's. */
    public JsonNode sign(String reference, LocalDate on) throws Exception {
        postJson("demandeur", "/api/requests/" + reference + "/convention/signatures",
                Map.of("signatory", "BENEFICIARY", "signedBy", "Marie Dupont, présidente", "signedOn", on.toString()));
        return postJson("secretariat", "/api/requests/" + reference + "/convention/signatures",
                Map.of("signatory", "PRESIDENT", "signedBy", "François Rebsamen", "signedOn", on.toString()));
    }

    /** Finance commits the granted amount over these lines (code → amount, in this order); answers the engagements. */
    public JsonNode impute(String reference, Map<String, String> lines) throws Exception {
        JsonNode imputed = postJson("finances", "/api/requests/" + reference + "/imputation", Map.of("lines", split(lines)));
        settle(reference);
        return imputed;
    }

    public JsonNode withdraw(String reference) throws Exception {
        return postJson("demandeur", "/api/requests/" + reference + "/withdrawal", Map.of("reason", "Projet reporté"));
    }

    public JsonNode close(String reference) throws Exception {
        JsonNode closed = ok(call("secretariat", post("/api/requests/" + reference + "/closure")));
        settle(reference);
        return closed;
    }

    public JsonNode request(String reference) throws Exception {
        return ok(call("secretariat", get("/api/requests/" + reference)));
    }

    // ---------------------------------------------------------------------------------------------- the séance

    /**
     * A Bureau séance on that day, convened on the other with these requests on its agenda, the seed's attendance
     * recorded (25 present, 15 proxies, quorum reached): it is sitting and its items wait for their vote.
     */
    public long sittingBureau(LocalDate date, LocalDate convocationSentOn, String... references) throws Exception {
        long session = ok(call("secretariat", post("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(Map.of("body", "BUREAU", "date", date.toString(),
                        "place", "Dijon Métropole, 40 avenue du Drapeau", "presidentId", scenarios.bureauMember("REBSAMEN").id(),
                        "secretaryId", scenarios.bureauMember("HOAREAU").id(),
                        "convocationSentOn", convocationSentOn.toString()))))).get("id").asLong();
        postJson("secretariat", "/api/sessions/" + session + "/agenda", Map.of("references", List.of(references)));
        ok(call("secretariat", post("/api/sessions/" + session + "/convocation")));
        scenarios.fileDocumentsOf(SessionService.businessKey(session));
        Map<String, Object> sheet = scenarios.seedAttendance();
        JsonNode attendance = ok(call("secretariat", put("/api/sessions/" + session + "/attendance")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(Map.of("present", sheet.get("present"),
                        "absent", sheet.get("absent"), "proxies", sheet.get("proxyPairs"))))));
        assertThat(attendance.get("quorumReached").asBoolean()).isTrue();
        return session;
    }

    /**
     * Everyone present or represented votes for; the deliberation is then made executory as the law has it (signed,
     * sent to the prefecture and acknowledged, published: {@link Scenarios#makeExecutory}), so that the convention can
     * be signed.
     */
    public JsonNode adopt(long session, String reference) throws Exception {
        JsonNode vote = adoptAwaitingExecutory(session, reference);
        scenarios.makeExecutory(reference);
        return vote;
    }

    /** Everyone present or represented votes for; the request then waits for its deliberation to be executory. */
    public JsonNode adoptAwaitingExecutory(long session, String reference) throws Exception {
        return vote(session, reference, Map.of());
    }

    /**
     * Everyone present or represented votes for, the assembly having amended the proposed amount down to this one;
     * the deliberation then made executory.
     */
    public JsonNode adoptFor(long session, String reference, String amount) throws Exception {
        JsonNode vote = vote(session, reference, Map.of("amount", new BigDecimal(amount)));
        scenarios.makeExecutory(reference);
        return vote;
    }

    /** Everyone present or represented votes against. */
    public JsonNode reject(long session, String reference) throws Exception {
        List<Long> everyone = new ArrayList<>();
        Map<String, Object> sheet = scenarios.seedAttendance();
        for (Object id : (List<?>) sheet.get("present")) {
            everyone.add((Long) id);
        }
        for (Object pair : (List<?>) sheet.get("proxyPairs")) {
            everyone.add((Long) ((Map<?, ?>) pair).get("fromId"));
        }
        return vote(session, reference, Map.of("against", everyone));
    }

    public JsonNode adjourn(long session, String reference) throws Exception {
        return vote(session, reference, Map.of("adjourned", true));
    }

    private JsonNode vote(long session, String reference, Map<String, Object> ballot) throws Exception {
        JsonNode vote = postJson("secretariat", "/api/sessions/" + session + "/items/" + reference + "/vote", ballot);
        // the request's process moves on in the same transaction; its next document and the extract follow
        settle(reference);
        scenarios.fileDocumentsOf(SessionService.businessKey(session));
        return vote;
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    public JsonNode postJson(String user, String path, Object body) throws Exception {
        return ok(call(user, post(path).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(body))));
    }

    /** The call as that user, whatever the answer. */
    public MockHttpServletResponse call(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as(user))).andReturn().getResponse();
    }

    public JsonNode ok(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isBetween(200, 299);
        return body.isEmpty() ? json.nullNode() : json.readTree(body);
    }

    public JsonNode read(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    /**
     * Produces the documents the request's processes ordered (its own, and its payments' once called), and runs their
     * other asynchronous continuations.
     */
    public void settle(String reference) {
        scenarios.fileDocumentsOf(reference);
    }

    /** Code, amount, code, amount…, in this order: a split over budget lines. */
    public static Map<String, String> amounts(String... codesAndAmounts) {
        Map<String, String> amounts = new LinkedHashMap<>();
        for (int i = 0; i < codesAndAmounts.length; i += 2) {
            amounts.put(codesAndAmounts[i], codesAndAmounts[i + 1]);
        }
        return amounts;
    }

    public static List<Map<String, Object>> split(Map<String, String> lines) {
        List<Map<String, Object>> split = new ArrayList<>();
        lines.forEach((code, amount) -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("code", code);
            line.put("amount", new BigDecimal(amount));
            split.add(line);
        });
        return split;
    }
}
