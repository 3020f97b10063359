package fr.subventions.payment;

import static fr.subventions.support.DemoUsers.as;
import static fr.subventions.workflow.SubsidyPaymentProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of bpmn/subsidy-payment.bpmn, called by the request's process once its credits are committed: a single
 * payment; an advance, the financial report, the balance; a reminder when the report is late. Real engine, H2, API.
 */
@ApplicationTest
class SubsidyPaymentProcessTest {

    static final String LINE = "2027-65-65748-90-DEVECO";
    static final String SESSION = "Bureau métropolitain du jeudi 16 septembre 2027";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    PaymentService payments;
    @Autowired
    DocumentService documents;
    @Autowired
    TaskCompleter tasks;
    @Autowired
    Scenarios scenarios;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void aGrantUpToTheThresholdIsPaidInOneGoThenTheRequestAwaitsClosing() throws Exception {
        SubsidyRequest request = committed(20000);
        ProcessInstance payment = paymentOf(request);
        assertThat(payment).hasPassed(TASK_PLAN_PAYMENTS).isWaitingAt(TASK_PAY_FIRST);
        assertThat(BpmnAwareTests.task(payment)).hasCandidateGroup("finances");
        assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.AWAITING_PAYMENT);

        JsonNode schedule = call(post("/api/requests/" + request.reference() + "/payments"), "finances",
                Map.of("paidOn", LocalDate.now(clock).toString(), "mandateReference", "M-2027-0412"), 200);

        assertThat(schedule.path("conditions").asText()).isEqualTo("unique");
        assertThat(schedule.path("payments").get(0).path("kind").asText()).isEqualTo("SINGLE");
        assertThat(schedule.path("payments").get(0).path("mandateReference").asText()).isEqualTo("M-2027-0412");
        assertThat(payment).isEnded().hasPassed(END_PAID).hasNotPassed(TASK_SUBMIT_FINANCIAL_REPORT);
        assertThat(parentOf(request)).hasPassed(SubsidyRequestProcess.CALL_PAYMENT)
                .isWaitingAt(SubsidyRequestProcess.TASK_CLOSE_REQUEST);
        assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.AWAITING_CLOSURE);
        JsonNode again = call(post("/api/requests/" + request.reference() + "/payments"), "finances",
                Map.of("paidOn", LocalDate.now(clock).toString(), "mandateReference", "M-2027-0413"), 409);
        assertThat(again.path("detail").asText()).isEqualTo("La subvention est entièrement versée.");
    }

    @Test
    void aGrantAboveTheThresholdGetsAnAdvanceThenTheBalanceAfterTheFinancialReport() throws Exception {
        SubsidyRequest request = committed(30000);
        ProcessInstance payment = paymentOf(request);
        String reference = request.reference();

        call(post("/api/requests/" + reference + "/payments"), "finances",
                Map.of("paidOn", LocalDate.now(clock).toString(), "mandateReference", "M-2027-0500"), 200);
        assertThat(payment).hasPassed(GATEWAY_BALANCE_DUE).isWaitingAt(TASK_SUBMIT_FINANCIAL_REPORT);
        assertThat(BpmnAwareTests.task(payment)).hasCandidateGroup("demandeurs");
        assertThat(BpmnAwareTests.task(payment).getDueDate()).isEqualTo(Date.from(LocalDate.of(2028, 6, 30)
                .atTime(23, 59).atZone(ZoneId.of("Europe/Paris")).toInstant()));
        assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.AWAITING_FINANCIAL_REPORT);

        JsonNode early = call(post("/api/requests/" + reference + "/payments"), "finances",
                Map.of("paidOn", LocalDate.now(clock).toString(), "mandateReference", "M-2027-0501"), 409);
        assertThat(early.path("detail").asText()).contains("attend le compte rendu financier", "30 juin 2028",
                "article 10 de la loi n° 2000-321");
        JsonNode noReport = call(post("/api/requests/" + reference + "/financial-report"), "demandeur", null, 400);
        assertThat(noReport.path("errors").get(0).path("message").asText()).contains("déposez d'abord le compte rendu financier");

        mvc.perform(multipart("/api/requests/" + reference + "/documents")
                .file(new MockMultipartFile("file", "crf.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
                .param("type", DocumentType.COMPTE_RENDU_FINANCIER.name())
                .with(as("demandeur"))).andExpect(status().isCreated());
        JsonNode received = call(post("/api/requests/" + reference + "/financial-report"), "demandeur", null, 200);
        assertThat(received.path("reportReceivedOn").asText()).isEqualTo(LocalDate.now(clock).toString());
        assertThat(payment).isWaitingAt(TASK_PAY_BALANCE);
        assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.AWAITING_PAYMENT);

        JsonNode paid = call(post("/api/requests/" + reference + "/payments"), "finances",
                Map.of("paidOn", LocalDate.now(clock).toString(), "mandateReference", "M-2027-0777"), 200);
        assertThat(paid.path("payments").get(0).path("amount").decimalValue()).isEqualByComparingTo("15000.00");
        assertThat(paid.path("payments").get(1).path("amount").decimalValue()).isEqualByComparingTo("15000.00");
        assertThat(paid.path("payments").get(1).path("paidOn").asText()).isEqualTo(LocalDate.now(clock).toString());
        assertThat(payment).isEnded().hasPassed(TASK_PAY_BALANCE, END_PAID);
        assertThat(parentOf(request)).isWaitingAt(SubsidyRequestProcess.TASK_CLOSE_REQUEST);
        assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.AWAITING_CLOSURE);
    }

    @Test
    void theFinancialReportIsRemindedOnATimerUntilItComes() throws Exception {
        SubsidyRequest request = committed(30000);
        ProcessInstance payment = paymentOf(request);
        tasks.complete(KEY, request.reference(), TASK_PAY_FIRST, Map.of("paidOn", LocalDate.now(clock).toString(),
                "mandateReference", "M-2027-0600"), "finances", "versement");
        Job timer = management.createJobQuery().processInstanceId(payment.getId()).timers().singleResult();
        // thirty days before the report is due, at 09:00 in the authority's zone
        assertThat(timer.getDuedate()).isEqualTo(Date.from(LocalDate.of(2028, 5, 31).atTime(9, 0)
                .atZone(ZoneId.of("Europe/Paris")).toInstant()));

        management.executeJob(timer.getId());
        assertThat(payment).isWaitingAt(TASK_REMIND_FINANCIAL_REPORT, TASK_SUBMIT_FINANCIAL_REPORT);
        scenarios.fileDocuments(payment.getId());

        assertThat(payment).hasPassed(TASK_REMIND_FINANCIAL_REPORT).isWaitingAt(TASK_SUBMIT_FINANCIAL_REPORT);
        assertThat(payments.schedule(request.id()).remindersSent()).isEqualTo(1);
        // the letter, as .docx and as the PDF/A its e-mail carries
        assertThat(documents.list(requests.byId(request.id())).stream().filter(d -> d.type() == DocumentType.REMINDER))
                .extracting(d -> d.mediaType()).containsExactly(DocumentType.DOCX, DocumentType.PDF);
        List<String> history = new TransactionTemplate(transactions)
                .execute(status -> requests.byId(request.id()).history().stream().map(e -> e.result()).toList());
        assertThat(history).contains("Relance n° 1 : compte rendu financier attendu au plus tard le 30 juin 2028");
        // the cycle goes on: the next reminder is planned
        assertThat(management.createJobQuery().processInstanceId(payment.getId()).timers().count()).isEqualTo(1);
    }

    /**
     * Through the vote, the deliberation executory, both signatures and the commitment: the request's process now calls
     * the payment process. Dated by the application's clock (Paris): the request is filed "tomorrow" after 23:00 UTC.
     */
    private SubsidyRequest committed(int amount) {
        SubsidyRequest request = scenarios.instructedRequest(SeedRequests.ofNumerique(2027, new BigDecimal(amount)), LINE,
                amount);
        requests.placeOnAgenda(request.id(), SESSION, "secretariat");
        requests.recordVote(request.id(), VoteDecision.ADOPTED, SESSION, "secretariat");
        scenarios.fileDocumentsOf(request.reference());
        scenarios.executoryWithoutSeance(request.reference());
        tasks.complete(SubsidyRequestProcess.KEY, request.reference(), SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY,
                Map.of("signedBy", "Marie Dupont", "signedOn", LocalDate.now(clock).toString()), "demandeur", "signature");
        tasks.complete(SubsidyRequestProcess.KEY, request.reference(), SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT,
                Map.of("signedBy", "François Rebsamen", "signedOn", LocalDate.now(clock).toString()), "secretariat", "signature");
        tasks.complete(SubsidyRequestProcess.KEY, request.reference(), SubsidyRequestProcess.TASK_IMPUTE_BUDGET,
                Map.of("lines", LINE + " = " + amount), "finances", "engagement");
        scenarios.fileDocumentsOf(request.reference());
        assertThat(parentOf(request)).isWaitingAt(SubsidyRequestProcess.CALL_PAYMENT);
        return requests.byId(request.id());
    }

    private ProcessInstance parentOf(SubsidyRequest request) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(SubsidyRequestProcess.KEY)
                .processInstanceBusinessKey(request.reference()).singleResult();
    }

    private ProcessInstance paymentOf(SubsidyRequest request) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(request.reference()).singleResult();
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

    @Test
    void theScheduleIsReadableByTheApplicantAndStaff() throws Exception {
        SubsidyRequest request = committed(20000);
        assertThat(call(get("/api/requests/" + request.reference() + "/payments"), "demandeur", null, 200)
                .path("payments")).hasSize(1);
        assertThat(call(get("/api/requests/" + request.reference() + "/payments"), "instructeur", null, 200)
                .path("granted").decimalValue()).isEqualByComparingTo("20000");
        call(post("/api/requests/" + request.reference() + "/payments"), "instructeur",
                Map.of("paidOn", LocalDate.now(clock).toString(), "mandateReference", "M-1"), 403);
    }
}
