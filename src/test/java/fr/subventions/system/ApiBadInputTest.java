package fr.subventions.system;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.AttendanceSheet;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.Member;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.SessionStatus;
import fr.subventions.bureau.Voting;
import fr.subventions.shared.Caller;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Refusals;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Bad input on every /api endpoint — missing fields, zero or negative amounts, a request above its budget, an invalid
 * SIRET or RNA, an unknown budget line or member, a vote before attendance, an action at the wrong stage — is answered
 * 400, 401, 403, 404 or 409 as RFC 9457 problem+json with a French detail (and the field errors for a 400), and leaves
 * the database exactly as it was: our tables, the budget lines' reserved and committed credits, the numbering, and the
 * engine's runtime.
 *
 * <p>The fixtures are brought to their stage through the services and the real process, never through the API under
 * test. Favourable instructions propose small amounts on {@link #LINE}, so that the demo credits of 2025 last for the
 * other tests sharing the Spring context.
 */
@ApplicationTest
class ApiBadInputTest {

    static final int YEAR = 2025;
    static final String LINE = "2025-65-65748-90-DEVECO";
    static final String LINE_OF_ANOTHER_YEAR = "2024-65-65748-90-DEVECO";
    static final String UNKNOWN_LINE = "2025-65-65748-99-INCONNU";
    static final int PROPOSED = 100;
    static final String SESSION_LABEL = "Bureau métropolitain du jeudi 18 septembre 2025";
    static final LocalDate SESSION_DATE = LocalDate.of(2025, 9, 18);
    static final LocalDate CONVOCATION_SENT_ON = LocalDate.of(2025, 9, 8);
    static final long UNKNOWN_ID = 999_999L;
    static final String UNKNOWN_REFERENCE = "SUB-2025-9999X";

    static final String OTHER_APPLICANT = "demandeur2";
    static final String LOCKED_APPLICANT = "demandeur3";
    static final Caller APPLICANT = Scenarios.APPLICANT;

    /** A file that passes for a PDF, and one that opens like a Windows executable. */
    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EXECUTABLE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService taskService;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    SessionService sessions;
    @Autowired
    Agenda agenda;
    @Autowired
    Attendance attendance;
    @Autowired
    Voting voting;
    @Autowired
    Scenarios scenarios;
    @Autowired
    MutableClock clock;
    @Autowired
    Refusals refusals;

    /** A request of demandeur waiting for the completeness check. */
    SubsidyRequest submitted;

    @BeforeEach
    void commonFixtures() {
        BpmnAwareTests.init(engine);
        clock.reset();
        secondApplicant();
        submitted = submit();
        assertThat(submitted.status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    // ------------------------------------------------------------------------------------------------ POST /api/requests

    @Nested
    class SubmitARequest {

        @Test
        void emptyRequestNamesEveryMissingField() throws Exception {
            refused(postJson("demandeur", "/api/requests", Map.of()), 400, "applicant", "title", "description", "theme",
                    "fiscalYear", "totalBudget", "requestedAmount");
        }

        @Test
        void malformedJson() throws Exception {
            refused(postJson("demandeur", "/api/requests", "{\"title\": \"Forum\", "), 400);
        }

        @Test
        void missingBody() throws Exception {
            refused(post("/api/requests").with(as("demandeur")).contentType(MediaType.APPLICATION_JSON), 400);
        }

        @Test
        void unknownExtraField() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("priority", "urgent");
            refused(postJson("demandeur", "/api/requests", body), 400, "priority");
        }

        @Test
        void unknownExtraFieldOfTheApplicant() throws Exception {
            Map<String, Object> body = validRequest();
            applicant(body).put("iban", "FR76");
            refused(postJson("demandeur", "/api/requests", body), 400, "applicant.iban");
        }

        @Test
        void amountOfTheWrongType() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("requestedAmount", "abc");
            refused(postJson("demandeur", "/api/requests", body), 400, "requestedAmount");
        }

        @Test
        void invalidSiret() throws Exception {
            Map<String, Object> body = validRequest();
            applicant(body).put("siret", "73282932000075");
            refused(postJson("demandeur", "/api/requests", body), 400, "applicant.siret");
        }

        @Test
        void invalidRna() throws Exception {
            Map<String, Object> body = validRequest();
            applicant(body).put("rna", "W12");
            refused(postJson("demandeur", "/api/requests", body), 400, "applicant.rna");
        }

        @Test
        void associationWithoutRna() throws Exception {
            Map<String, Object> body = validRequest();
            applicant(body).remove("rna");
            refused(postJson("demandeur", "/api/requests", body), 400, "applicant.rna");
        }

        @Test
        void unknownLegalForm() throws Exception {
            Map<String, Object> body = validRequest();
            applicant(body).put("legalForm", "SCI");
            refused(postJson("demandeur", "/api/requests", body), 400, "applicant.legalForm");
        }

        @Test
        void zeroRequestedAmount() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("requestedAmount", 0);
            refused(postJson("demandeur", "/api/requests", body), 400, "requestedAmount");
        }

        @Test
        void negativeTotalBudget() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("totalBudget", -72000);
            refused(postJson("demandeur", "/api/requests", body), 400, "totalBudget");
        }

        @Test
        void negativeCofinancing() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("cofinancing", List.of(Map.of("funder", "NUMEUM France", "amount", -10000),
                    Map.of("funder", "Autofinancement", "amount", 62000)));
            refused(postJson("demandeur", "/api/requests", body), 400, "cofinancing[0].amount");
        }

        @Test
        void amountWithThreeDecimals() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("requestedAmount", new BigDecimal("20000.123"));
            refused(postJson("demandeur", "/api/requests", body), 400, "requestedAmount");
        }

        @Test
        void requestedAboveTheTotalBudget() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("requestedAmount", 80000);
            refused(postJson("demandeur", "/api/requests", body), 400, "requestedAmount");
        }

        @Test
        void unbalancedCofinancing() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("cofinancing", List.of(Map.of("funder", "NUMEUM France", "amount", 10000),
                    Map.of("funder", "Autofinancement", "amount", 40000)));
            refused(postJson("demandeur", "/api/requests", body), 400, "cofinancing");
        }

        @Test
        void amountAboveWhatTheBudgetCanHold() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("totalBudget", new BigDecimal("1000000000000000"));
            body.put("requestedAmount", new BigDecimal("1000000000000000"));
            body.put("cofinancing", List.of());
            refused(postJson("demandeur", "/api/requests", body), 400, "totalBudget", "requestedAmount");
        }

        @Test
        void emptyCofinancingLine() throws Exception {
            Map<String, Object> body = validRequest();
            List<Object> cofinancing = new ArrayList<>();
            cofinancing.add(null);
            body.put("cofinancing", cofinancing);
            refused(postJson("demandeur", "/api/requests", body), 400, "cofinancing[0]");
        }

        @Test
        void fiscalYearBeyondAnInteger() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("fiscalYear", 99_999_999_999L);
            refused(postJson("demandeur", "/api/requests", body), 400, "fiscalYear");
        }

        @Test
        void fiscalYear1999() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("fiscalYear", 1999);
            refused(postJson("demandeur", "/api/requests", body), 400, "fiscalYear");
        }

        @Test
        void controlCharacterInTitle() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("title", "Forum\u0000 du numérique");
            refused(postJson("demandeur", "/api/requests", body), 400, "title");
        }

        @Test
        void titleOfTenThousandCharacters() throws Exception {
            Map<String, Object> body = validRequest();
            body.put("title", "T".repeat(10_000));
            refused(postJson("demandeur", "/api/requests", body), 400, "title");
        }

        @Test
        void invalidEmail() throws Exception {
            Map<String, Object> body = validRequest();
            applicant(body).put("email", "contact-at-example");
            refused(postJson("demandeur", "/api/requests", body), 400, "applicant.email");
        }

        @Test
        void blankIdempotencyKey() throws Exception {
            refused(postJson("demandeur", "/api/requests", validRequest()).header("Idempotency-Key", " "), 400,
                    "Idempotency-Key");
        }

        @Test
        void notJson() throws Exception {
            refused(post("/api/requests").with(as("demandeur")).contentType(MediaType.TEXT_PLAIN).content("Forum"), 415);
        }

        @Test
        void officerMayNotSubmit() throws Exception {
            refused(postJson("instructeur", "/api/requests", validRequest()), 403);
        }

        @Test
        void submittingWithoutCredentials() throws Exception {
            refused(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(validRequest())),
                    401);
        }

        @Test
        void withAWrongPassword() throws Exception {
            // a user of its own: the engine locks an account for a few seconds after a wrong password
            user(LOCKED_APPLICANT);
            refused(post("/api/requests").with(httpBasic(LOCKED_APPLICANT, "mauvais")).contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(validRequest())), 401);
        }

        @Test
        void asAnUnknownUser() throws Exception {
            refused(post("/api/requests").with(as("personne")).contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(validRequest())), 401);
        }
    }

    // -------------------------------------------------------------------------------------- any endpoint, any method

    @Nested
    class AnyEndpoint {

        @Test
        void methodNotAllowed() throws Exception {
            refused(delete("/api/requests/{reference}", submitted.reference()).with(as("demandeur")), 405);
        }

        @Test
        void unknownEndpoint() throws Exception {
            refused(get("/api/demandes").with(as("demandeur")), 404);
        }
    }

    // ---------------------------------------------------------------------------------------------- GET /api/requests

    @Nested
    class ReadRequests {

        @Test
        void readingAnUnknownReference() throws Exception {
            refused(get("/api/requests/{reference}", UNKNOWN_REFERENCE).with(as("instructeur")), 404);
        }

        @Test
        void readingAnotherApplicantsRequest() throws Exception {
            refused(get("/api/requests/{reference}", submitted.reference()).with(as(OTHER_APPLICANT)), 404);
        }

        @Test
        void anotherApplicantsDocuments() throws Exception {
            refused(get("/api/requests/{reference}/documents", submitted.reference()).with(as(OTHER_APPLICANT)), 404);
        }

        @Test
        void unknownStatusFilter() throws Exception {
            refused(get("/api/requests").param("status", "NOPE").with(as("instructeur")), 400, "status");
        }

        @Test
        void pageOrSizeOutOfBounds() throws Exception {
            refused(get("/api/requests").param("page", "0").with(as("instructeur")), 400, "page");
            refused(get("/api/requests").param("size", "0").with(as("instructeur")), 400, "size");
            refused(get("/api/requests").param("size", "501").with(as("instructeur")), 400, "size");
            refused(get("/api/requests").param("page", "-1").param("size", "1000").with(as("instructeur")), 400, "page",
                    "size");
            refused(get("/api/requests").param("page", "deux").with(as("instructeur")), 400, "page");
        }

        @Test
        void readingWithoutCredentials() throws Exception {
            refused(get("/api/requests/{reference}", submitted.reference()), 401);
        }
    }

    // ------------------------------------------------------------------------------------------------------ documents

    @Nested
    class UploadADocument {

        @Test
        void missingFile() throws Exception {
            refused(upload("demandeur", submitted.reference(), null, "RIB"), 400, "file");
        }

        @Test
        void missingType() throws Exception {
            refused(upload("demandeur", submitted.reference(), pdf("rib.pdf"), null), 400, "type");
        }

        @Test
        void unknownType() throws Exception {
            refused(upload("demandeur", submitted.reference(), pdf("rib.pdf"), "PASSEPORT"), 400, "type");
        }

        @Test
        void executableNamedAsAPdf() throws Exception {
            refused(upload("demandeur", submitted.reference(),
                    new MockMultipartFile("file", "x.pdf", "application/pdf", EXECUTABLE), "RIB"), 400, "file");
        }

        @Test
        void zipThatIsNotAnOfficeDocument() throws Exception {
            refused(upload("demandeur", submitted.reference(),
                    new MockMultipartFile("file", "pieces.zip", "application/zip", new byte[] {'P', 'K', 3, 4, 0, 0}), "STATUTS"),
                    400, "file");
        }

        @Test
        void emptyFile() throws Exception {
            refused(upload("demandeur", submitted.reference(),
                    new MockMultipartFile("file", "vide.pdf", "application/pdf", new byte[0]), "RIB"), 400, "file");
        }

        @Test
        void uploadingToAnotherApplicantsRequest() throws Exception {
            refused(upload(OTHER_APPLICANT, submitted.reference(), pdf("rib.pdf"), "RIB"), 404);
        }

        @Test
        void unknownRequest() throws Exception {
            refused(upload("demandeur", UNKNOWN_REFERENCE, pdf("rib.pdf"), "RIB"), 404);
        }

        @Test
        void officerMayNotUpload() throws Exception {
            refused(upload("instructeur", submitted.reference(), pdf("rib.pdf"), "RIB"), 403);
        }

        @Test
        void closedRequest() throws Exception {
            SubsidyRequest withdrawn = submit();
            requests.withdraw(withdrawn.reference(), "Projet abandonné", APPLICANT);
            assertThat(reload(withdrawn).status()).isEqualTo(RequestStatus.CLOSED);
            refused(upload("demandeur", withdrawn.reference(), pdf("rib.pdf"), "RIB"), 409);
        }

        @Test
        void unknownDocument() throws Exception {
            refused(get("/api/documents/{id}/content", UNKNOWN_ID).with(as("demandeur")), 404);
        }

        @Test
        void documentIdThatIsNotANumber() throws Exception {
            refused(get("/api/documents/{id}/content", "abc").with(as("demandeur")), 400, "id");
        }
    }

    // ------------------------------------------------------------------------------------ POST .../completeness

    @Nested
    class CheckCompleteness {

        @Test
        void missingDecision() throws Exception {
            refused(postJson("instructeur", "/api/requests/{reference}/completeness", Map.of("comment", "Vu"),
                    submitted.reference()), 400, "complete");
        }

        @Test
        void incompleteWithoutMissingItems() throws Exception {
            refused(postJson("instructeur", "/api/requests/{reference}/completeness",
                    Map.of("complete", false, "missing", List.of()), submitted.reference()), 400, "missing");
        }

        @Test
        void decisionThatIsNotABoolean() throws Exception {
            refused(postJson("instructeur", "/api/requests/{reference}/completeness", Map.of("complete", "peut-être"),
                    submitted.reference()), 400, "complete");
        }

        @Test
        void requestAlreadyInInstruction() throws Exception {
            SubsidyRequest inInstruction = inInstruction();
            refused(postJson("instructeur", "/api/requests/{reference}/completeness", Map.of("complete", true),
                    inInstruction.reference()), 409);
        }

        @Test
        void applicantMayNotDecide() throws Exception {
            refused(postJson("demandeur", "/api/requests/{reference}/completeness", Map.of("complete", true),
                    submitted.reference()), 403);
        }

        @Test
        void completenessOfAnUnknownReference() throws Exception {
            refused(postJson("instructeur", "/api/requests/{reference}/completeness", Map.of("complete", true),
                    UNKNOWN_REFERENCE), 404);
        }
    }

    // ------------------------------------------------------------------------------------- POST .../instruction

    @Nested
    class Instruct {

        SubsidyRequest inInstruction;

        @BeforeEach
        void requestInInstruction() {
            inInstruction = inInstruction();
        }

        @Test
        void requestStillAtTheCompletenessCheck() throws Exception {
            JsonNode problem = refused(instruct(submitted, favourable(PROPOSED, List.of(line(LINE, PROPOSED)))), 409);
            // out of turn, the refusal names where the request waits
            assertThat(problem.get("detail").asText()).isEqualTo("« " + submitted.reference() + " » n'est pas à "
                    + "l'étape « instruction » : elle est à l'étape « Vérifier la complétude ».");
        }

        @Test
        void missingOpinion() throws Exception {
            Map<String, Object> body = favourable(PROPOSED, List.of(line(LINE, PROPOSED)));
            body.remove("opinion");
            refused(instruct(inInstruction, body), 400, "opinion");
        }

        @Test
        void unknownOpinion() throws Exception {
            Map<String, Object> body = favourable(PROPOSED, List.of(line(LINE, PROPOSED)));
            body.put("opinion", "MAYBE");
            refused(instruct(inInstruction, body), 400, "opinion");
        }

        @Test
        void proposedAboveTheRequestedAmount() throws Exception {
            refused(instruct(inInstruction, favourable(25000, List.of(line(LINE, 25000)))), 400, "proposedAmount");
        }

        @Test
        void negativeProposedAmount() throws Exception {
            refused(instruct(inInstruction, favourable(-100, List.of(line(LINE, -100)))), 400, "proposedAmount");
        }

        @Test
        void missingProposedAmount() throws Exception {
            Map<String, Object> body = favourable(PROPOSED, List.of(line(LINE, PROPOSED)));
            body.remove("proposedAmount");
            refused(instruct(inInstruction, body), 400, "proposedAmount");
        }

        @Test
        void unknownBudgetLine() throws Exception {
            refused(instruct(inInstruction, favourable(PROPOSED, List.of(line(UNKNOWN_LINE, PROPOSED)))), 400,
                    "budgetLines[0].code");
        }

        @Test
        void budgetLineOfAnotherFiscalYear() throws Exception {
            refused(instruct(inInstruction, favourable(PROPOSED, List.of(line(LINE_OF_ANOTHER_YEAR, PROPOSED)))), 400,
                    "budgetLines[0].code");
        }

        @Test
        void linesThatDoNotAddUpToTheProposedAmount() throws Exception {
            refused(instruct(inInstruction, favourable(PROPOSED, List.of(line(LINE, 60), line("2025-65-65748-71-ECOURB", 30)))),
                    400, "budgetLines");
        }

        @Test
        void noBudgetLine() throws Exception {
            refused(instruct(inInstruction, favourable(PROPOSED, List.of())), 400, "budgetLines");
        }

        @Test
        void emptyReport() throws Exception {
            Map<String, Object> body = favourable(PROPOSED, List.of(line(LINE, PROPOSED)));
            body.put("report", "   ");
            refused(instruct(inInstruction, body), 400, "report");
        }

        @Test
        void applicantMayNotInstruct() throws Exception {
            refused(postJson("demandeur", "/api/requests/{reference}/instruction",
                    favourable(PROPOSED, List.of(line(LINE, PROPOSED))), inInstruction.reference()), 403);
        }

        private MockHttpServletRequestBuilder instruct(SubsidyRequest request, Map<String, Object> body) throws Exception {
            return postJson("instructeur", "/api/requests/{reference}/instruction", body, request.reference());
        }

        private Map<String, Object> favourable(int proposed, List<Map<String, Object>> lines) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("opinion", "FAVORABLE");
            body.put("proposedAmount", proposed);
            body.put("budgetLines", lines);
            body.put("report", "Rapport d'instruction.");
            return body;
        }
    }

    // ------------------------------------------------------------------------------- budget lines and members

    @Nested
    class ReferenceData {

        @Test
        void applicantMayNotReadTheBudget() throws Exception {
            refused(get("/api/budget-lines").with(as("demandeur")), 403);
        }

        @Test
        void yearThatIsNotANumber() throws Exception {
            refused(get("/api/budget-lines").param("year", "abc").with(as("finances")), 400, "year");
        }

        @Test
        void unknownBody() throws Exception {
            refused(get("/api/members").param("body", "NOPE").with(as("secretariat")), 400, "body");
        }

        @Test
        void applicantMayNotListTheMembers() throws Exception {
            refused(get("/api/members").with(as("demandeur")), 403);
        }
    }

    // --------------------------------------------------------------------------------------------- POST /api/sessions

    @Nested
    class CreateASession {

        @Test
        void emptySessionNamesEveryMissingField() throws Exception {
            refused(postJson("secretariat", "/api/sessions", Map.of()), 400, "body", "date", "place", "convocationSentOn",
                    "presidentId", "secretaryId");
        }

        @Test
        void unknownPresident() throws Exception {
            Map<String, Object> body = validSession();
            body.put("presidentId", UNKNOWN_ID);
            refused(postJson("secretariat", "/api/sessions", body), 400, "presidentId");
        }

        @Test
        void convocationSentAfterTheSession() throws Exception {
            Map<String, Object> body = validSession();
            body.put("convocationSentOn", SESSION_DATE.plusDays(1).toString());
            refused(postJson("secretariat", "/api/sessions", body), 400, "convocationSentOn");
        }

        @Test
        void impossibleSessionDate() throws Exception {
            Map<String, Object> body = validSession();
            body.put("date", "2025-02-30");
            refused(postJson("secretariat", "/api/sessions", body), 400, "date");
        }

        @Test
        void unknownAssembly() throws Exception {
            Map<String, Object> body = validSession();
            body.put("body", "SENAT");
            refused(postJson("secretariat", "/api/sessions", body), 400, "body");
        }

        @Test
        void officerMayNotCreate() throws Exception {
            refused(postJson("instructeur", "/api/sessions", validSession()), 403);
        }

        @Test
        void applicantMayNotReadASession() throws Exception {
            AssemblySession session = sessionInPreparation(awaitingAgenda());
            refused(get("/api/sessions/{id}", session.id()).with(as("demandeur")), 403);
        }

        @Test
        void readingAnUnknownSession() throws Exception {
            refused(get("/api/sessions/{id}", UNKNOWN_ID).with(as("secretariat")), 404);
        }
    }

    // --------------------------------------------------------------------------------- POST /api/sessions/{id}/agenda

    @Nested
    class PlaceOnTheAgenda {

        AssemblySession session;

        @BeforeEach
        void sessionWithAnItem() {
            session = sessionInPreparation(awaitingAgenda());
        }

        @Test
        void placingAnUnknownReference() throws Exception {
            refused(agenda(session.id(), List.of(UNKNOWN_REFERENCE)), 400, "references[0]");
        }

        @Test
        void noReference() throws Exception {
            refused(agenda(session.id(), List.of()), 400, "references");
        }

        @Test
        void sameRequestTwice() throws Exception {
            SubsidyRequest ready = awaitingAgenda();
            refused(agenda(session.id(), List.of(ready.reference(), ready.reference())), 400, "references[1]");
        }

        @Test
        void requestNotAwaitingAnAgenda() throws Exception {
            refused(agenda(session.id(), List.of(submitted.reference())), 409);
        }

        @Test
        void oneRequestNotAwaitingAnAgendaRefusesTheWholeList() throws Exception {
            SubsidyRequest ready = scenarios.instructedRequest(YEAR, LINE);
            assertThat(ready.status()).isEqualTo(RequestStatus.AWAITING_AGENDA);
            refused(agenda(session.id(), List.of(ready.reference(), submitted.reference())), 409);
        }

        @Test
        void agendaOfAnUnknownSession() throws Exception {
            refused(agenda(UNKNOWN_ID, List.of(awaitingAgenda().reference())), 404);
        }

        @Test
        void officerMayNotPlace() throws Exception {
            refused(postJson("instructeur", "/api/sessions/{id}/agenda", Map.of("references", List.of(submitted.reference())),
                    session.id()), 403);
        }

        private MockHttpServletRequestBuilder agenda(Long sessionId, List<String> references) throws Exception {
            return postJson("secretariat", "/api/sessions/{id}/agenda", Map.of("references", references), sessionId);
        }
    }

    // --------------------------------------------------------------------------- PUT /api/sessions/{id}/attendance

    @Nested
    class RecordAttendance {

        AssemblySession session;
        List<Long> present;
        List<Long> absent;

        @BeforeEach
        void sessionWithAnItem() {
            session = convenedSession(awaitingAgenda());
            List<Member> bureau = scenarios.bureau();
            present = new ArrayList<>(bureau.subList(0, 25).stream().map(Member::id).toList());
            absent = new ArrayList<>(bureau.subList(25, bureau.size()).stream().map(Member::id).toList());
        }

        @Test
        void missingPresent() throws Exception {
            refused(attendance(session.id(), sheet(null, absent, List.of())), 400, "present");
        }

        @Test
        void unknownMember() throws Exception {
            List<Long> withUnknown = new ArrayList<>(present);
            withUnknown.add(UNKNOWN_ID);
            refused(attendance(session.id(), sheet(withUnknown, absent, List.of())), 400, "present[25]");
        }

        @Test
        void proxyToAnAbsentMember() throws Exception {
            refused(attendance(session.id(), sheet(present, absent, List.of(proxy(absent.get(0), absent.get(1))))), 400,
                    "proxies[0].toId");
        }

        @Test
        void memberHoldingTwoProxies() throws Exception {
            refused(attendance(session.id(), sheet(present, absent,
                    List.of(proxy(absent.get(0), present.get(0)), proxy(absent.get(1), present.get(0))))), 400,
                    "proxies[1].toId");
        }

        @Test
        void memberPresentAndAbsent() throws Exception {
            List<Long> alsoAbsent = new ArrayList<>(absent);
            alsoAbsent.add(present.get(3));
            refused(attendance(session.id(), sheet(present, alsoAbsent, List.of())), 400, "absent[18]");
        }

        @Test
        void attendanceOfAnUnknownSession() throws Exception {
            refused(attendance(UNKNOWN_ID, sheet(present, absent, List.of())), 404);
        }

        @Test
        void financeMayNotRecord() throws Exception {
            refused(put("/api/sessions/{id}/attendance", session.id()).with(as("finances"))
                    .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(sheet(present, absent, List.of()))),
                    403);
        }

        private MockHttpServletRequestBuilder attendance(Long sessionId, Map<String, Object> sheet) throws Exception {
            return put("/api/sessions/{id}/attendance", sessionId).with(as("secretariat"))
                    .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(sheet));
        }

        private Map<String, Object> sheet(List<Long> present, List<Long> absent, List<Map<String, Object>> proxies) {
            Map<String, Object> sheet = new HashMap<>();
            if (present != null) {
                sheet.put("present", present);
            }
            sheet.put("absent", absent);
            sheet.put("proxies", proxies);
            return sheet;
        }

        private Map<String, Object> proxy(Long from, Long to) {
            return Map.of("fromId", from, "toId", to);
        }
    }

    // ------------------------------------------------------------------ POST /api/sessions/{id}/items/{ref}/vote

    @Nested
    class Vote {

        @Test
        void beforeTheAttendance() throws Exception {
            SubsidyRequest item = awaitingAgenda();
            AssemblySession session = convenedSession(item);
            refused(vote(session.id(), item.reference(), Map.of()), 409);
        }

        @Nested
        class DuringTheSession {

            SubsidyRequest voted;
            SubsidyRequest pending;
            AssemblySession session;

            @BeforeEach
            void sittingSessionWithOneItemVoted() {
                voted = awaitingAgenda();
                pending = awaitingAgenda();
                session = convenedSession(voted, pending);
                attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
                voting.vote(session.id(), voted.reference(), CastVote.unanimous(), "secretariat");
                assertThat(sessions.get(session.id()).status()).isEqualTo(SessionStatus.SITTING);
                assertThat(reload(voted).status()).isEqualTo(RequestStatus.AWAITING_SIGNATURES);
            }

            @Test
            void unknownMemberAgainst() throws Exception {
                refused(vote(session.id(), pending.reference(), Map.of("against", List.of(UNKNOWN_ID))), 400, "against[0]");
            }

            @Test
            void absentMemberWithoutProxyAbstains() throws Exception {
                // in the seed's sheet, CHAPUIS is absent and has given no proxy
                Long absentWithoutProxy = scenarios.bureauMember("CHAPUIS").id();
                refused(vote(session.id(), pending.reference(), Map.of("abstention", List.of(absentWithoutProxy))), 400,
                        "abstention[0]");
            }

            @Test
            void sameMemberAgainstAndAbstaining() throws Exception {
                Long member = scenarios.bureauMember("DETANG").id();
                refused(vote(session.id(), pending.reference(), Map.of("against", List.of(member), "abstention", List.of(member))),
                        400, "abstention[0]");
            }

            @Test
            void referenceNotOnTheAgenda() throws Exception {
                refused(vote(session.id(), submitted.reference(), Map.of()), 404);
            }

            @Test
            void itemAlreadyVoted() throws Exception {
                refused(vote(session.id(), voted.reference(), Map.of()), 409);
            }

            @Test
            void voteInAnUnknownSession() throws Exception {
                refused(vote(UNKNOWN_ID, pending.reference(), Map.of()), 404);
            }

            @Test
            void memberIdThatIsNotANumber() throws Exception {
                refused(vote(session.id(), pending.reference(), Map.of("against", List.of("DETANG"))), 400, "against[0]");
            }

            @Test
            void adjournedThatIsNotABoolean() throws Exception {
                refused(vote(session.id(), pending.reference(), Map.of("adjourned", "peut-être")), 400, "adjourned");
            }

            @Test
            void placingOnTheAgendaOfASittingSession() throws Exception {
                refused(postJson("secretariat", "/api/sessions/{id}/agenda",
                        Map.of("references", List.of(awaitingAgenda().reference())), session.id()), 409);
            }

            @Test
            void closingWhileAnItemAwaitsItsVote() throws Exception {
                refused(post("/api/sessions/{id}/closure", session.id()).with(as("secretariat")), 409);
            }

            @Test
            void officerMayNotVote() throws Exception {
                refused(postJson("instructeur", "/api/sessions/{id}/items/{reference}/vote", Map.of(), session.id(),
                        pending.reference()), 403);
            }
        }

        private MockHttpServletRequestBuilder vote(Long sessionId, String reference, Map<String, Object> ballot)
                throws Exception {
            return postJson("secretariat", "/api/sessions/{id}/items/{reference}/vote", ballot, sessionId, reference);
        }
    }

    // -------------------------------------------------------------------------------- POST /api/sessions/{id}/closure

    @Nested
    class CloseASession {

        @Test
        void sessionStillInPreparation() throws Exception {
            AssemblySession session = sessionInPreparation(awaitingAgenda());
            refused(post("/api/sessions/{id}/closure", session.id()).with(as("secretariat")), 409);
        }

        @Test
        void closingAnUnknownSession() throws Exception {
            refused(post("/api/sessions/{id}/closure", UNKNOWN_ID).with(as("secretariat")), 404);
        }

        @Test
        void officerMayNotClose() throws Exception {
            AssemblySession session = sessionInPreparation(awaitingAgenda());
            refused(post("/api/sessions/{id}/closure", session.id()).with(as("instructeur")), 403);
        }
    }

    // -------------------------------------------------------------------------- POST .../convention/signatures

    @Nested
    class SignTheConvention {

        SubsidyRequest granted;

        @BeforeEach
        void requestAwaitingSignatures() {
            granted = awaitingSignatures();
        }

        @Test
        void presidentBeforeTheBeneficiary() throws Exception {
            refused(sign("secretariat", granted, signature("PRESIDENT", "François Rebsamen", today())), 409);
        }

        @Test
        void missingSignatory() throws Exception {
            Map<String, Object> body = signature("BENEFICIARY", "Marie Dupont", today());
            body.remove("signatory");
            refused(sign("demandeur", granted, body), 400, "signatory");
        }

        @Test
        void missingSignedBy() throws Exception {
            Map<String, Object> body = signature("BENEFICIARY", "Marie Dupont", today());
            body.remove("signedBy");
            refused(sign("demandeur", granted, body), 400, "signedBy");
        }

        @Test
        void signedInTheFuture() throws Exception {
            refused(sign("demandeur", granted, signature("BENEFICIARY", "Marie Dupont", today().plusDays(1))), 400,
                    "signedOn");
        }

        @Test
        void signedBeforeTheRequestWasFiled() throws Exception {
            refused(sign("demandeur", granted, signature("BENEFICIARY", "Marie Dupont", LocalDate.of(2020, 1, 1))), 400,
                    "signedOn");
        }

        @Test
        void impossibleSignatureDate() throws Exception {
            Map<String, Object> body = signature("BENEFICIARY", "Marie Dupont", today());
            body.put("signedOn", "2023-13-45");
            refused(sign("demandeur", granted, body), 400, "signedOn");
        }

        @Test
        void unknownSignatory() throws Exception {
            refused(sign("demandeur", granted, signature("TREASURER", "Marie Dupont", today())), 400, "signatory");
        }

        @Test
        void beneficiarySignatureBySecretariat() throws Exception {
            refused(sign("secretariat", granted, signature("BENEFICIARY", "Marie Dupont", today())), 403);
        }

        @Test
        void presidentSignatureByTheApplicant() throws Exception {
            refused(sign("demandeur", granted, signature("PRESIDENT", "François Rebsamen", today())), 403);
        }

        @Test
        void anotherApplicant() throws Exception {
            refused(sign(OTHER_APPLICANT, granted, signature("BENEFICIARY", "Marie Dupont", today())), 404);
        }

        @Test
        void requestNotGranted() throws Exception {
            refused(sign("demandeur", submitted, signature("BENEFICIARY", "Marie Dupont", today())), 409);
        }

        private MockHttpServletRequestBuilder sign(String user, SubsidyRequest request, Map<String, Object> body)
                throws Exception {
            return postJson(user, "/api/requests/{reference}/convention/signatures", body, request.reference());
        }

        private Map<String, Object> signature(String signatory, String signedBy, Object signedOn) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("signatory", signatory);
            body.put("signedBy", signedBy);
            body.put("signedOn", signedOn.toString());
            return body;
        }
    }

    // ---------------------------------------------------------------------------------------- POST .../imputation

    @Nested
    class Impute {

        @Test
        void requestStillAwaitingSignatures() throws Exception {
            refused(impute("finances", awaitingSignatures(), List.of(line(LINE, PROPOSED))), 409);
        }

        @Test
        void linesThatDoNotAddUpToTheGrantedAmount() throws Exception {
            refused(impute("finances", awaitingImputation(), List.of(line(LINE, PROPOSED / 2))), 400, "lines");
        }

        @Test
        void unknownLine() throws Exception {
            refused(impute("finances", awaitingImputation(), List.of(line(UNKNOWN_LINE, PROPOSED))), 400, "lines[0].code");
        }

        @Test
        void noLine() throws Exception {
            refused(impute("finances", awaitingImputation(), List.of()), 400, "lines");
        }

        @Test
        void zeroOnALine() throws Exception {
            refused(impute("finances", awaitingImputation(),
                    List.of(line(LINE, PROPOSED), line("2025-65-65748-71-ECOURB", 0))), 400, "lines[1].amount");
        }

        @Test
        void officerMayNotImpute() throws Exception {
            refused(impute("instructeur", awaitingImputation(), List.of(line(LINE, PROPOSED))), 403);
        }

        @Test
        void imputingAnUnknownReference() throws Exception {
            refused(postJson("finances", "/api/requests/{reference}/imputation", Map.of("lines", List.of(line(LINE, PROPOSED))),
                    UNKNOWN_REFERENCE), 404);
        }

        private MockHttpServletRequestBuilder impute(String user, SubsidyRequest request, List<Map<String, Object>> lines)
                throws Exception {
            return postJson(user, "/api/requests/{reference}/imputation", Map.of("lines", lines), request.reference());
        }
    }

    // ------------------------------------------------------------------------ closure, withdrawal, resubmission

    @Nested
    class CloseWithdrawResubmit {

        @Test
        void closingARequestStillInProgress() throws Exception {
            refused(post("/api/requests/{reference}/closure", submitted.reference()).with(as("secretariat")), 409);
        }

        @Test
        void applicantMayNotClose() throws Exception {
            refused(post("/api/requests/{reference}/closure", submitted.reference()).with(as("demandeur")), 403);
        }

        @Test
        void closingAnUnknownRequest() throws Exception {
            refused(post("/api/requests/{reference}/closure", UNKNOWN_REFERENCE).with(as("secretariat")), 404);
        }

        @Test
        void withdrawingAfterTheVote() throws Exception {
            refused(postJson("demandeur", "/api/requests/{reference}/withdrawal", Map.of("reason", "Projet reporté"),
                    awaitingSignatures().reference()), 409);
        }

        @Test
        void withdrawingTwice() throws Exception {
            SubsidyRequest withdrawn = submit();
            requests.withdraw(withdrawn.reference(), null, APPLICANT);
            refused(postJson("demandeur", "/api/requests/{reference}/withdrawal", Map.of(), withdrawn.reference()), 409);
        }

        @Test
        void withdrawingAnotherApplicantsRequest() throws Exception {
            refused(postJson(OTHER_APPLICANT, "/api/requests/{reference}/withdrawal", Map.of("reason", "Projet reporté"),
                    submitted.reference()), 404);
        }

        @Test
        void withdrawingWithAnOverlongReason() throws Exception {
            refused(postJson("demandeur", "/api/requests/{reference}/withdrawal", Map.of("reason", "r".repeat(1001)),
                    submitted.reference()), 400, "reason");
        }

        @Test
        void officerMayNotWithdraw() throws Exception {
            refused(postJson("instructeur", "/api/requests/{reference}/withdrawal", Map.of(), submitted.reference()), 403);
        }

        @Test
        void resubmittingARequestThatIsNotIncomplete() throws Exception {
            refused(postJson("demandeur", "/api/requests/{reference}/resubmission", Map.of("message", "Voici le RIB"),
                    submitted.reference()), 409);
        }

        @Test
        void officerMayNotResubmit() throws Exception {
            refused(postJson("instructeur", "/api/requests/{reference}/resubmission", Map.of(), submitted.reference()), 403);
        }

        @Test
        void resubmittingAnotherApplicantsRequest() throws Exception {
            refused(postJson(OTHER_APPLICANT, "/api/requests/{reference}/resubmission", Map.of("message", "Voici le RIB"),
                    submitted.reference()), 404);
        }
    }

    // ---------------------------------------------------------------------------------- POST /api/budget-lines/import

    @Nested
    class ImportBudgetLines {

        static final String HEADER = "exercice;chapitre;nature;fonction;service;code_service;libelle;credits_votes";

        @Test
        void badRowAmongGoodOnesCreatesNoLine() throws Exception {
            refused(importFile("finances", HEADER,
                    "2031;65;65748;90;Développement économique;BADIMP;Subventions aux associations;1000",
                    "2031;65;65748;76;Écologie urbaine;BADIMP;Subventions aux associations;mille euros",
                    "2031;65;65748;71;Écologie urbaine;BADIMP;Subventions aux associations;3000"),
                    400, "lignes[3].credits_votes");
        }

        @Test
        void loweringVotedCreditsBelowWhatIsReserved() throws Exception {
            awaitingAgenda();
            BigDecimal held = jdbc.queryForObject("select reserved + committed from budget_line where code = ?",
                    BigDecimal.class, LINE);
            BigDecimal voted = jdbc.queryForObject("select voted from budget_line where code = ?", BigDecimal.class, LINE);
            refused(importFile("finances", HEADER, "2025;65;65748;90;Développement économique;DEVECO;Subventions;"
                    + held.subtract(new BigDecimal("0.01")).toPlainString()), 400, "lignes[2].credits_votes");
            assertThat(jdbc.queryForObject("select voted from budget_line where code = ?", BigDecimal.class, LINE))
                    .as("voted credits of %s", LINE).isEqualTo(voted);
        }

        @Test
        void documentThatIsNoBudgetFile() throws Exception {
            refused(multipart("/api/budget-lines/import").file(pdf("budget.csv")).with(as("finances")), 400, "file");
        }

        @Test
        void officerMayNotImport() throws Exception {
            refused(importFile("instructeur", HEADER,
                    "2031;65;65748;90;Développement économique;BADIMP;Subventions aux associations;1000"), 403);
        }

        @Test
        void importingWithoutCredentials() throws Exception {
            refused(multipart("/api/budget-lines/import").file(new MockMultipartFile("file", "budget.csv", "text/csv",
                    (HEADER + "\n2031;65;65748;90;Développement économique;BADIMP;Subventions;1000\n")
                            .getBytes(StandardCharsets.UTF_8))), 401);
        }

        private RequestBuilder importFile(String user, String... rows) {
            return multipart("/api/budget-lines/import").file(new MockMultipartFile("file", "budget.csv", "text/csv",
                    String.join("\n", rows).getBytes(StandardCharsets.UTF_8))).with(as(user));
        }
    }

    // ============================================================== members, mandates, proxies, movements, reconvening

    @Nested
    class SeanceRegisters {

        Member member;

        @BeforeEach
        void aMemberOfTheCouncil() {
            member = scenarios.bureau().get(42);
        }

        @Test
        void anIncompleteMember() throws Exception {
            refused(postJson("secretariat", "/api/members", Map.of("body", "CONSEIL")), 400, "civility", "firstName",
                    "lastName", "since");
        }

        @Test
        void aMemberAddedByAnInstructingOfficer() throws Exception {
            refused(postJson("instructeur", "/api/members", Map.of("body", "CONSEIL", "civility", "MADAME",
                    "firstName", "Claire", "lastName", "TISSERAND", "since", "2020-07-16")), 403);
        }

        @Test
        void aMandateEndingBeforeItStarted() throws Exception {
            refused(postJson("secretariat", "/api/members/{id}/mandate-end", Map.of("endsOn", "2019-01-01",
                    "reason", "erreur"), member.id()), 400, "endsOn");
        }

        @Test
        void aMandateEndWithoutReason() throws Exception {
            refused(postJson("secretariat", "/api/members/{id}/mandate-end", Map.of("endsOn", "2030-01-01"), member.id()),
                    400, "reason");
        }

        @Test
        void aMandateOfAnUnknownMember() throws Exception {
            refused(postJson("secretariat", "/api/members/{id}/mandate-end", Map.of("endsOn", "2030-01-01",
                    "reason", "démission"), UNKNOWN_ID), 404);
        }

        @Test
        void anOverlappingMandate() throws Exception {
            refused(postJson("secretariat", "/api/members/{id}/mandates", Map.of("since", "2024-01-01"), member.id()), 400,
                    "since");
        }

        @Test
        void aProxyForFourSeances() throws Exception {
            refused(postJson("secretariat", "/api/proxies", proxy(scenarios.bureau().get(41).id(), member.id(), 4)), 400,
                    "sessions");
        }

        @Test
        void aProxyToOneself() throws Exception {
            refused(postJson("secretariat", "/api/proxies", proxy(member.id(), member.id(), 1)), 400, "toId");
        }

        @Test
        void aProxyFromAnUnknownMember() throws Exception {
            refused(postJson("secretariat", "/api/proxies", proxy(UNKNOWN_ID, member.id(), 1)), 400, "fromId");
        }

        @Test
        void revokingAnUnknownProxy() throws Exception {
            refused(postJson("secretariat", "/api/proxies/{id}/revocation", Map.of(), UNKNOWN_ID), 404);
        }

        @Test
        void anAttendanceSheetNamingAnUnknownProxy() throws Exception {
            AssemblySession session = convenedSession(awaitingAgenda());
            Map<String, Object> sheet = new HashMap<>();
            sheet.put("present", scenarios.bureau().subList(0, 25).stream().map(Member::id).toList());
            sheet.put("proxies", List.of(Map.of("proxyId", UNKNOWN_ID)));
            refused(put("/api/sessions/{id}/attendance", session.id()).with(as("secretariat"))
                    .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(sheet)), 400, "proxies[0].proxyId");
        }

        @Test
        void aMovementBeforeTheSeanceOpens() throws Exception {
            AssemblySession session = convenedSession(awaitingAgenda());
            refused(postJson("secretariat", "/api/sessions/{id}/movements", Map.of("memberId", member.id(),
                    "kind", "DEPARTURE"), session.id()), 409);
        }

        @Test
        void anUnknownMovement() throws Exception {
            AssemblySession session = sitting(25);
            refused(postJson("secretariat", "/api/sessions/{id}/movements", Map.of("memberId", member.id(),
                    "kind", "SORTIE"), session.id()), 400, "kind");
        }

        @Test
        void theDepartureOfAnAbsentMember() throws Exception {
            AssemblySession session = sitting(25);
            refused(postJson("secretariat", "/api/sessions/{id}/movements", Map.of("memberId", member.id(),
                    "kind", "DEPARTURE"), session.id()), 400, "memberId");
        }

        @Test
        void anArrivalWithAProxy() throws Exception {
            AssemblySession session = sitting(25);
            refused(postJson("secretariat", "/api/sessions/{id}/movements", Map.of("memberId", member.id(),
                    "kind", "ARRIVAL", "proxyToId", scenarios.bureau().get(0).id()), session.id()), 400, "proxyToId");
        }

        @Test
        void convenedAgainWithQuorum() throws Exception {
            AssemblySession session = sitting(25);
            refused(postJson("secretariat", "/api/sessions/{id}/reconvocation", reconvening(SESSION_DATE.plusDays(10),
                    SESSION_DATE.plusDays(1)), session.id()), 409);
        }

        @Test
        void convenedAgainTooSoon() throws Exception {
            AssemblySession session = sitting(21);
            refused(postJson("secretariat", "/api/sessions/{id}/reconvocation", reconvening(SESSION_DATE.plusDays(2),
                    SESSION_DATE), session.id()), 400, "date");
        }

        @Test
        void convenedAgainWithoutDates() throws Exception {
            AssemblySession session = sitting(21);
            refused(postJson("secretariat", "/api/sessions/{id}/reconvocation", Map.of(), session.id()), 400, "date",
                    "convocationSentOn");
        }

        @Test
        void convenedAgainBeforeItSat() throws Exception {
            AssemblySession session = convenedSession(awaitingAgenda());
            refused(postJson("secretariat", "/api/sessions/{id}/reconvocation", reconvening(SESSION_DATE.plusDays(10),
                    SESSION_DATE.plusDays(1)), session.id()), 409);
        }

        private AssemblySession sitting(int present) {
            AssemblySession session = convenedSession(awaitingAgenda());
            List<Member> bureau = scenarios.bureau();
            attendance.recordAttendance(session.id(), AttendanceSheet.of(bureau.subList(0, present).stream().map(Member::id)
                    .toList(), bureau.subList(present, bureau.size()).stream().map(Member::id).toList(), List.of()),
                    "secretariat");
            return session;
        }

        private Map<String, Object> proxy(Long from, Long to, int seances) {
            Map<String, Object> proxy = new HashMap<>();
            proxy.put("body", "BUREAU");
            proxy.put("fromId", from);
            proxy.put("toId", to);
            proxy.put("signedOn", "2025-01-01");
            proxy.put("sessions", seances);
            return proxy;
        }

        private Map<String, Object> reconvening(LocalDate date, LocalDate sentOn) {
            return Map.of("date", date.toString(), "convocationSentOn", sentOn.toString());
        }
    }

    // ============================================================================================== the refusal

    /** The fingerprint is worth something only if it sees what an accepted call changes. */
    @Test
    void fingerprintSeesWhatAnAcceptedCallChanges() throws Exception {
        Map<String, Object> before = fingerprint();
        int status = mvc.perform(postJson("demandeur", "/api/requests", validRequest())).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(201);
        assertThat(changes(before, fingerprint())).containsKeys("count(subsidy_request)", "count(stage_event)", "requests",
                "sequence_counter", "count(ACT_RU_JOB)");
    }

    /** The refusal as {@link Refusals} checks it: status, French problem+json, and a database left as it was. */
    JsonNode refused(RequestBuilder call, int status, String... fields) throws Exception {
        return refusals.refused(call, status, fields);
    }

    Map<String, Object> fingerprint() {
        return refusals.fingerprint();
    }

    static Map<String, List<Object>> changes(Map<String, Object> before, Map<String, Object> after) {
        return Refusals.changes(before, after);
    }

    // ============================================================================================== fixtures

    /** A second applicant, to prove that one applicant neither sees nor acts on another's request. */
    void secondApplicant() {
        user(OTHER_APPLICANT);
    }

    /** An applicant whose password is their user name, created once. */
    void user(String id) {
        DemoUsers.ensure(identity, id, "Autre", "Demandeur", Caller.APPLICANTS);
    }

    SubsidyRequest submit() {
        SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(YEAR), APPLICANT, null).request();
        scenarios.fileDocumentsOf(request.reference());
        return request;
    }

    SubsidyRequest inInstruction() {
        SubsidyRequest request = submit();
        scenarios.fileRepublicanCommitment(request.reference());
        completeTask(request, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS, Map.of("isComplete", true));
        return expect(request, RequestStatus.IN_INSTRUCTION);
    }

    /** Instructed favourably for {@link #PROPOSED} € on {@link #LINE}. */
    SubsidyRequest awaitingAgenda() {
        SubsidyRequest request = inInstruction();
        completeTask(request, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST, Map.of("opinion", "FAVORABLE",
                "proposedAmount", PROPOSED, "budgetLines", LINE + " = " + PROPOSED, "report", "Rapport d'instruction."));
        scenarios.fileDocumentsOf(request.reference());
        return expect(request, RequestStatus.AWAITING_AGENDA);
    }

    /** Placed on an agenda and adopted: the convention waits for the beneficiary's signature. */
    SubsidyRequest awaitingSignatures() {
        SubsidyRequest request = awaitingAgenda();
        requests.placeOnAgenda(request.id(), SESSION_LABEL, "secretariat");
        requests.recordVote(request.id(), VoteDecision.ADOPTED, SESSION_LABEL, "secretariat");
        // the convention is produced, and the deliberation executory, before the beneficiary can sign
        scenarios.fileDocumentsOf(request.reference());
        scenarios.executoryWithoutSeance(request.reference());
        return expect(request, RequestStatus.AWAITING_SIGNATURES);
    }

    SubsidyRequest awaitingImputation() {
        SubsidyRequest request = awaitingSignatures();
        completeTask(request, SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY,
                Map.of("signedBy", "Marie Dupont", "signedOn", today().toString()));
        completeTask(request, SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT,
                Map.of("signedBy", "François Rebsamen", "signedOn", today().toString()));
        return expect(request, RequestStatus.AWAITING_IMPUTATION);
    }

    /** A séance of the Bureau in preparation, convened in time, with these requests on its agenda. */
    AssemblySession sessionInPreparation(SubsidyRequest... onAgenda) {
        AssemblySession session = sessions.create(new CreateSession(AssemblyBody.BUREAU, SESSION_DATE, "Salle des séances",
                scenarios.bureauMember("REBSAMEN").id(), scenarios.bureauMember("FALCONNET").id(), CONVOCATION_SENT_ON));
        agenda.addToAgenda(session.id(), Arrays.stream(onAgenda).map(SubsidyRequest::reference).toList(),
                "secretariat");
        for (SubsidyRequest request : onAgenda) {
            expect(request, RequestStatus.ON_AGENDA);
        }
        return sessions.get(session.id());
    }

    /** A séance whose agenda is closed and convocation produced: it waits for the attendance sheet. */
    AssemblySession convenedSession(SubsidyRequest... onAgenda) {
        AssemblySession session = sessionInPreparation(onAgenda);
        sessions.convene(session.id(), "secretariat");
        scenarios.fileDocumentsOf(SessionService.businessKey(session.id()));
        return sessions.get(session.id());
    }

    void completeTask(SubsidyRequest request, String taskKey, Map<String, Object> fields) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("task %s of %s", taskKey, request.reference()).isNotNull();
        taskService.complete(task.getId(), fields);
    }

    SubsidyRequest expect(SubsidyRequest request, RequestStatus status) {
        SubsidyRequest reloaded = reload(request);
        assertThat(reloaded.status()).as("fixture %s", request.reference()).isEqualTo(status);
        return reloaded;
    }

    SubsidyRequest reload(SubsidyRequest request) {
        return requests.byId(request.id());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ============================================================================================== requests

    /** The seed request as JSON, ready to be spoiled one field at a time. */
    Map<String, Object> validRequest() {
        return json.convertValue(SeedRequests.ofNumerique(YEAR), new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> applicant(Map<String, Object> request) {
        return (Map<String, Object>) request.get("applicant");
    }

    Map<String, Object> validSession() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("body", "BUREAU");
        body.put("date", SESSION_DATE.toString());
        body.put("place", "Salle des séances");
        body.put("presidentId", scenarios.bureauMember("REBSAMEN").id());
        body.put("secretaryId", scenarios.bureauMember("FALCONNET").id());
        body.put("convocationSentOn", CONVOCATION_SENT_ON.toString());
        return body;
    }

    static Map<String, Object> line(String code, int amount) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("code", code);
        line.put("amount", amount);
        return line;
    }

    static MockMultipartFile pdf(String name) {
        return new MockMultipartFile("file", name, "application/pdf", PDF);
    }

    RequestBuilder upload(String user, String reference, MockMultipartFile file, String type) {
        var request = multipart("/api/requests/{reference}/documents", reference);
        if (file != null) {
            request.file(file);
        }
        if (type != null) {
            request.param("type", type);
        }
        request.with(as(user));
        return request;
    }

    MockHttpServletRequestBuilder postJson(String user, String url, Object body, Object... variables) throws Exception {
        return post(url, variables).with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String text ? text : json.writeValueAsString(body));
    }
}
