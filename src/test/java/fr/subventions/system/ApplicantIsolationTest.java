package fr.subventions.system;

import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.shared.Caller;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestDocument;
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
import fr.subventions.workflow.SubsidyPaymentProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Applicant B (demandeur2) against applicant A's (demandeur's) requests at the stages where A has something to do —
 * missing documents, the convention's signature, the financial report —, with well-formed calls: through the API and
 * the portal every one answers 404, as for a request that does not exist, and changes nothing; in the engine, with
 * Camunda authorizations on, B neither sees nor claims nor completes A's tasks.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicantIsolationTest {

    static final String B = "demandeur2";
    static final String LINE = "2027-65-65748-71-ECOURB";
    static final String SESSION = "Bureau métropolitain du jeudi 16 septembre 2027";

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService taskService;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    DocumentService documents;
    @Autowired
    TaskCompleter tasks;
    @Autowired
    Scenarios scenarios;
    @Autowired
    Refusals refusals;
    @Autowired
    MutableClock clock;

    /** A's requests: waiting for missing documents, for A's signature, for A's financial report. */
    SubsidyRequest incomplete;
    SubsidyRequest toSign;
    SubsidyRequest awaitingReport;
    /** A's own upload, and a document the authority produced for A. */
    RequestDocument uploaded;
    RequestDocument produced;

    @BeforeAll
    void requestsOfApplicantA() {
        BpmnAwareTests.init(engine);
        clock.reset();
        DemoUsers.ensure(identity, B, "Autre", "Demandeur", Caller.APPLICANTS);
        incomplete = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request();
        scenarios.fileDocumentsOf(incomplete.reference());
        uploaded = documents.upload(incomplete.reference(), DocumentType.STATUTS, "statuts.pdf", Scenarios.PDF,
                Scenarios.APPLICANT);
        tasks.complete(SubsidyRequestProcess.KEY, incomplete.reference(), SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                Map.of("isComplete", false, "missing", List.of("RIB")), "instructeur", "complétude");
        scenarios.fileDocumentsOf(incomplete.reference());
        incomplete = expect(incomplete, RequestStatus.INCOMPLETE);
        produced = documents.list(incomplete).stream().filter(d -> d.type().generated()).findFirst().orElseThrow();

        toSign = adopted(23500);
        awaitingReport = adopted(30000);
        tasks.complete(SubsidyRequestProcess.KEY, awaitingReport.reference(), SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY,
                Map.of("signedBy", "Marie Dupont", "signedOn", LocalDate.now(clock).toString()), "demandeur", "signature");
        tasks.complete(SubsidyRequestProcess.KEY, awaitingReport.reference(), SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT,
                Map.of("signedBy", "François Rebsamen", "signedOn", LocalDate.now(clock).toString()), "secretariat", "signature");
        tasks.complete(SubsidyRequestProcess.KEY, awaitingReport.reference(), SubsidyRequestProcess.TASK_IMPUTE_BUDGET,
                Map.of("lines", LINE + " = 30000"), "finances", "engagement");
        scenarios.fileDocumentsOf(awaitingReport.reference());
        tasks.complete(SubsidyPaymentProcess.KEY, awaitingReport.reference(), SubsidyPaymentProcess.TASK_PAY_FIRST,
                Map.of("paidOn", LocalDate.now(clock).toString(), "mandateReference", "M-2027-0900"), "finances", "versement");
        awaitingReport = expect(awaitingReport, RequestStatus.AWAITING_FINANCIAL_REPORT);
    }

    // ------------------------------------------------------------------------------------------------------- API

    @Test
    void theApiAnswersApplicantBAbout404AsIfNothingWereThere() throws Exception {
        for (SubsidyRequest a : List.of(incomplete, toSign, awaitingReport)) {
            String ref = a.reference();
            refusals.refused(get("/api/requests/{reference}", ref).with(DemoUsers.as(B)), 404);
            refusals.refused(get("/api/requests/{reference}/documents", ref).with(DemoUsers.as(B)), 404);
            refusals.refused(get("/api/requests/{reference}/payments", ref).with(DemoUsers.as(B)), 404);
            refusals.refused(json(post("/api/requests/{reference}/withdrawal", ref), Map.of("reason", "Retrait par B")), 404);
            refusals.refused(json(post("/api/requests/{reference}/resubmission", ref), Map.of("message", "Voici le RIB")), 404);
            refusals.refused(json(post("/api/requests/{reference}/convention/signatures", ref), Map.of(
                    "signatory", "BENEFICIARY", "signedBy", "Usurpateur", "signedOn", LocalDate.now(clock).toString())), 404);
            refusals.refused(post("/api/requests/{reference}/financial-report", ref).with(DemoUsers.as(B)), 404);
            refusals.refused(multipart("/api/requests/{reference}/documents", ref)
                    .file(new MockMultipartFile("file", "rib.pdf", "application/pdf", Scenarios.PDF))
                    .param("type", "RIB").with(DemoUsers.as(B)), 404);
        }
        for (RequestDocument document : List.of(uploaded, produced)) {
            refusals.refused(get("/api/documents/{id}/content", document.id()).with(DemoUsers.as(B)), 404);
        }
        // the same calls from A are not refused for want of access: the fixtures are real
        assertThat(status(get("/api/requests/{reference}", awaitingReport.reference()).with(DemoUsers.as("demandeur")))).isEqualTo(200);
        assertThat(status(get("/api/requests/{reference}/payments", awaitingReport.reference()).with(DemoUsers.as("demandeur"))))
                .isEqualTo(200);
        assertThat(status(get("/api/documents/{id}/content", produced.id()).with(DemoUsers.as("demandeur")))).isEqualTo(200);
    }

    @Test
    void theUnknownAndTheOthersLookTheSame() throws Exception {
        String theirs = refusals.refused(get("/api/requests/{reference}", toSign.reference()).with(DemoUsers.as(B)), 404)
                .path("title").asText();
        String nobodys = refusals.refused(get("/api/requests/{reference}", "SUB-2027-9999").with(DemoUsers.as(B)), 404)
                .path("title").asText();
        assertThat(theirs).isEqualTo(nobodys).isEqualTo("Ressource introuvable");
    }

    // ------------------------------------------------------------------------------------------------------ pages

    @Test
    void thePortalAnswersApplicantB404AndChangesNothing() throws Exception {
        MockHttpSession b = login(mvc, B);
        for (SubsidyRequest a : List.of(incomplete, toSign, awaitingReport)) {
            String page = "/portail/demandes/" + a.reference();
            refusedPage(get(page).session(b));
            refusedPage(post(page + "/retrait").session(b).with(csrf()).param("reason", "Retrait par B"));
            refusedPage(post(page + "/renvoi").session(b).with(csrf()).param("message", "Voici le RIB"));
            refusedPage(multipart(page + "/signature").session(b).with(csrf()).param("signedBy", "Usurpateur")
                    .param("signedOn", LocalDate.now(clock).toString()));
            refusedPage(multipart(page + "/compte-rendu").file(new MockMultipartFile("file", "crf.pdf", "application/pdf",
                    Scenarios.PDF)).session(b).with(csrf()));
            refusedPage(multipart(page + "/pieces").file(new MockMultipartFile("file", "rib.pdf", "application/pdf",
                    Scenarios.PDF)).session(b).with(csrf()).param("type", "RIB"));
        }
        refusedPage(get("/portail/documents/" + uploaded.id()).session(b));
        refusedPage(get("/portail/documents/" + produced.id()).session(b));
        String listing = mvc.perform(get("/portail").session(b)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(listing).doesNotContain(incomplete.reference(), toSign.reference(), awaitingReport.reference());
    }

    // ----------------------------------------------------------------------------------------- Tasklist, engine

    @Test
    void applicantBNeitherSeesNorClaimsNorCompletesApplicantAsTasks() {
        List<Task> ofA = List.of(task(incomplete, SubsidyRequestProcess.TASK_SUPPLY_MISSING_DOCUMENTS),
                task(toSign, SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY),
                task(awaitingReport, SubsidyPaymentProcess.TASK_SUBMIT_FINANCIAL_REPORT));
        List<String> ids = ofA.stream().map(Task::getId).toList();
        Map<String, Object> before = refusals.fingerprint();

        List<String> seenByB = as(B, () -> taskService.createTaskQuery().list().stream().map(Task::getId).toList());
        assertThat(seenByB).doesNotContainAnyElementsOf(ids);
        assertThat(as(B, () -> taskService.createTaskQuery().taskCandidateGroup(Caller.APPLICANTS).count())).isZero();
        for (String id : ids) {
            assertThat(as(B, () -> taskService.createTaskQuery().taskId(id).count())).isZero();
            assertThatThrownBy(() -> as(B, () -> {
                taskService.claim(id, B);
                return null;
            })).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> as(B, () -> {
                taskService.complete(id, Map.of("signedBy", "Usurpateur", "signedOn", LocalDate.now(clock).toString()));
                return null;
            })).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> as(B, () -> taskService.getVariables(id))).isInstanceOf(AuthorizationException.class);
        }
        // Tasklist is for staff: A does not get their own tasks there either, they act on the portal
        assertThat(as("demandeur", () -> taskService.createTaskQuery().list().stream().map(Task::getId).toList()))
                .doesNotContainAnyElementsOf(ids);
        // the tasks are there for the application, which checks who owns the request before completing one
        assertThat(taskService.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).count()).isEqualTo(3);
        assertThat(Refusals.changes(before, refusals.fingerprint())).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------

    private SubsidyRequest adopted(int amount) {
        SubsidyRequest request = scenarios.instructedRequest(SeedRequests.ofNumerique(2027, new BigDecimal(amount)), LINE,
                amount);
        requests.placeOnAgenda(request.id(), SESSION, "secretariat");
        requests.recordVote(request.id(), VoteDecision.ADOPTED, SESSION, "secretariat");
        scenarios.fileDocumentsOf(request.reference());
        scenarios.executoryWithoutSeance(request.reference());
        return expect(request, RequestStatus.AWAITING_SIGNATURES);
    }

    private SubsidyRequest expect(SubsidyRequest request, RequestStatus status) {
        SubsidyRequest reloaded = requests.byId(request.id());
        assertThat(reloaded.status()).as("fixture %s", request.reference()).isEqualTo(status);
        return reloaded;
    }

    private Task task(SubsidyRequest request, String key) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("%s of %s", key, request.reference()).isNotNull();
        return task;
    }

    /** As Tasklist calls the engine for a logged-in user: the user and their groups. */
    private <T> T as(String user, Supplier<T> call) {
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
        try {
            return call.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** A page refused with 404, in French, and a database left as it was. */
    private void refusedPage(RequestBuilder call) throws Exception {
        Map<String, Object> before = refusals.fingerprint();
        MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
        assertThat(response.getStatus()).as("status; redirect to %s", response.getRedirectedUrl()).isEqualTo(404);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("<html", "Ressource introuvable");
        assertThat(Refusals.changes(before, refusals.fingerprint())).isEmpty();
    }

    private int status(RequestBuilder call) throws Exception {
        return mvc.perform(call).andReturn().getResponse().getStatus();
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder call, Map<String, ?> body) throws Exception {
        return call.with(DemoUsers.as(B)).contentType(MediaType.APPLICATION_JSON)
                .content(new ObjectMapper().writeValueAsString(body));
    }
}
