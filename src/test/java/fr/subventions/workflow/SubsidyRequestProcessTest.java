package fr.subventions.workflow;

import static fr.subventions.workflow.SubsidyRequestProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.subventions.budget.BudgetService;
import fr.subventions.convention.ConventionProperties;
import fr.subventions.convention.ConventionService;
import fr.subventions.documents.DocumentLines;
import fr.subventions.shared.Caller;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.Outcome;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.support.SeedRequests.Beneficiary;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of bpmn/subsidy-request.bpmn, on the real engine with the real delegates and domain (H2). Tasks are
 * completed with the fields of their Camunda Form, as Tasklist submits them.
 */
@ApplicationTest
class SubsidyRequestProcessTest {

    static final Caller APPLICANT = new Caller("demandeur", Set.of(Caller.APPLICANTS));
    static final String LINE = "2024-65-65748-90-DEVECO";
    static final String OTHER_LINE = "2024-65-65748-76-ECOURB";
    static final String SESSION = "Bureau métropolitain du jeudi 12 septembre 2024";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    BudgetService budget;
    @Autowired
    Scenarios scenarios;
    @Autowired
    ManagementService management;
    @Autowired
    ConventionProperties conventionProperties;
    @Autowired
    ConventionService conventions;
    @Autowired
    DocumentService documents;
    @Autowired
    Clock clock;

    SubsidyRequest request;
    ProcessInstance instance;

    @BeforeEach
    void submit() {
        BpmnAwareTests.init(engine);
        request = requests.submit(SeedRequests.ofNumerique(2024), APPLICANT, null).request();
        scenarios.fileRepublicanCommitment(request.reference());
        instance = runtime.createProcessInstanceQuery().processDefinitionKeyNotIn(DocumentProductionProcess.KEY)
                .processInstanceBusinessKey(request.reference()).singleResult();
        // the acknowledgement is ordered and produced beside the request: its completeness can be checked at once
        assertThat(instance).isStarted().hasPassed(TASK_ORDER_ACKNOWLEDGEMENT).isWaitingAt(TASK_CHECK_COMPLETENESS);
        produce(instance, "ACKNOWLEDGEMENT");
    }

    @Test
    void grantedRequestGoesThroughConventionImputationAndClosing() {
        assertThat(task()).hasCandidateGroup("instructeurs");
        BigDecimal availableBefore = available(LINE);

        instructFavourably();
        assertThat(instance).isWaitingAt(EVENT_PLACED_ON_AGENDA);
        assertThat(available(LINE)).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("20000")));

        requests.placeOnAgenda(request.id(), SESSION, "secretariat");
        assertThat(instance).isWaitingAt(EVENT_VOTE_RECORDED);
        requests.recordVote(request.id(), VoteDecision.ADOPTED, SESSION, "secretariat");

        // the convention drafted, the request waits for its deliberation to be executory (CGCT L2131-1)
        assertThat(instance).hasPassed(TASK_DECIDE_CONVENTION, TASK_PREPARE_CONVENTION, TASK_ORDER_CONVENTION)
                .isWaitingAt(EVENT_ACT_EXECUTORY);
        assertThat(reload().status()).isEqualTo(RequestStatus.AWAITING_SIGNATURES);
        produce(instance, "CONVENTION");
        requests.recordExecutory(request.id(), LocalDate.now(clock), "B2024_0001");
        assertThat(instance).hasPassed(EVENT_ACT_EXECUTORY, TASK_ORDER_EXECUTORY_CERTIFICATE)
                .isWaitingAt(TASK_SIGN_AS_BENEFICIARY);
        assertThat(task()).hasCandidateGroup("demandeurs");
        complete(task(), withVariables("signedBy", "Marie Dupont", "signedOn", LocalDate.now(clock).toString()));
        assertThat(instance).isWaitingAt(TASK_SIGN_AS_PRESIDENT);
        assertThat(task()).hasCandidateGroup("secretariat");
        complete(task(), withVariables("signedBy", "François Rebsamen", "signedOn", LocalDate.now(clock).toString()));
        assertThat(instance).isWaitingAt(TASK_IMPUTE_BUDGET);
        assertThat(task()).hasCandidateGroup("finances");
        complete(task(), withVariables("lines", LINE + " = 20000"));
        assertThat(instance).hasPassed(TASK_ORDER_ENGAGEMENT_SHEET);
        produce(instance, "ENGAGEMENT_SHEET");
        // the payment process, called with the request's business key, pays the 20 000 € in one go
        assertThat(instance).isWaitingAt(CALL_PAYMENT);
        assertThat(reload().status()).isEqualTo(RequestStatus.AWAITING_PAYMENT);
        ProcessInstance payment = runtime.createProcessInstanceQuery().processDefinitionKey(SubsidyPaymentProcess.KEY)
                .processInstanceBusinessKey(request.reference()).singleResult();
        assertThat(payment).isWaitingAt(SubsidyPaymentProcess.TASK_PAY_FIRST);
        complete(task(payment), withVariables("paidOn", LocalDate.now(clock).toString(), "mandateReference", "M-2024-0001"));
        assertThat(payment).isEnded();
        assertThat(instance).hasPassed(CALL_PAYMENT).isWaitingAt(TASK_CLOSE_REQUEST);
        complete(task());
        assertThat(instance).isEnded().hasPassed(TASK_ORDER_NOTIFICATION);
        produce(instance, "NOTIFICATION");

        assertThat(instance).isEnded().hasPassed(END_CLOSED, TASK_ORDER_INSTRUCTION_REPORT,
                TASK_ORDER_ENGAGEMENT_SHEET, TASK_ORDER_NOTIFICATION);
        assertThat(reload().status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(reload().outcome()).isEqualTo(Outcome.GRANTED);
        assertThat(available(LINE)).isEqualByComparingTo(availableBefore.subtract(new BigDecimal("20000")));
        assertThat(budget.commitmentsOf(request.id())).hasSize(1);
    }

    @Test
    void requestRejectedByTheVoteReleasesItsReservationAndIsClosed() {
        BigDecimal availableBefore = available(LINE);
        instructFavourably();
        requests.placeOnAgenda(request.id(), SESSION, "secretariat");
        requests.recordVote(request.id(), VoteDecision.REJECTED, SESSION, "secretariat");

        assertThat(instance).hasPassed(TASK_RELEASE_RESERVATION).isWaitingAt(TASK_CLOSE_REQUEST);
        assertThat(available(LINE)).isEqualByComparingTo(availableBefore);
        complete(task());
        scenarios.fileDocuments(instance.getId());
        assertThat(instance).isEnded().hasPassed(END_CLOSED, TASK_ORDER_NOTIFICATION).hasNotPassed(TASK_PREPARE_CONVENTION);
        assertThat(reload().outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void unfavourableInstructionGoesStraightToClosing() {
        complete(task(), withVariables("isComplete", true));
        complete(task(), withVariables("opinion", "UNFAVORABLE", "report", "L'action ne relève pas des compétences de la Métropole."));
        assertThat(instance).hasPassed(TASK_ORDER_INSTRUCTION_REPORT);
        produce(instance, "INSTRUCTION_REPORT");

        assertThat(instance).hasNotPassed(EVENT_PLACED_ON_AGENDA).isWaitingAt(TASK_CLOSE_REQUEST);
        assertThat(reload().status()).isEqualTo(RequestStatus.AWAITING_CLOSURE);
        complete(task());
        scenarios.fileDocuments(instance.getId());
        assertThat(instance).isEnded().hasPassed(END_CLOSED, TASK_ORDER_INSTRUCTION_REPORT);
        assertThat(reload().outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void adjournedRequestWaitsForAnotherAgendaThenIsAdopted() {
        instructFavourably();
        requests.placeOnAgenda(request.id(), SESSION, "secretariat");
        requests.recordVote(request.id(), VoteDecision.ADJOURNED, SESSION, "secretariat");

        assertThat(instance).isWaitingAt(EVENT_PLACED_ON_AGENDA);
        assertThat(reload().status()).isEqualTo(RequestStatus.AWAITING_AGENDA);

        requests.placeOnAgenda(request.id(), "Bureau métropolitain du jeudi 10 octobre 2024", "secretariat");
        requests.recordVote(request.id(), VoteDecision.ADOPTED, "Bureau métropolitain du jeudi 10 octobre 2024", "secretariat");
        assertThat(instance).hasPassed(TASK_ORDER_CONVENTION).isWaitingAt(EVENT_ACT_EXECUTORY);
        requests.recordExecutory(request.id(), LocalDate.now(clock), "B2024_0002");
        assertThat(instance).isWaitingAt(TASK_SIGN_AS_BENEFICIARY);
        assertThat(reload().grantedAmount()).isEqualByComparingTo("20000");
    }

    @Test
    void incompleteRequestReturnsToCompletenessOnceTheDocumentsAreSupplied() {
        complete(task(), withVariables("isComplete", false, "missing", "RIB\nComptes N-1", "comment", "RIB illisible"));
        assertThat(instance).hasPassed(TASK_ORDER_MISSING_ITEMS_REQUEST);
        produce(instance, "MISSING_ITEMS_REQUEST");

        assertThat(instance).isWaitingAt(TASK_SUPPLY_MISSING_DOCUMENTS);
        assertThat(task()).hasCandidateGroup("demandeurs");
        assertThat(reload().missingItems()).containsExactly("RIB", "Comptes N-1");
        assertThat(timer()).isNotNull();

        complete(task(), withVariables("message", "Voici le RIB et les comptes."));
        assertThat(instance).isWaitingAt(TASK_CHECK_COMPLETENESS);
        assertThat(reload().status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    @Test
    void incompleteRequestWithoutAnswerByTheDeadlineIsClosedAsInadmissible() {
        complete(task(), withVariables("isComplete", false, "missing", "RIB"));
        produce(instance, "MISSING_ITEMS_REQUEST");
        LocalDate due = reload().missingItemsDue();
        assertThat(timer().getDuedate().toInstant())
                .isEqualTo(due.plusDays(1).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant());

        execute(timer());

        assertThat(instance).hasPassed(TASK_DECLARE_INADMISSIBLE, TASK_ORDER_MISSING_ITEMS_REQUEST).isEnded()
                .hasPassed(END_INADMISSIBLE);
        assertThat(reload().status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(reload().outcome()).isEqualTo(Outcome.INADMISSIBLE);
    }

    @Test
    void withdrawnRequestReleasesItsReservationAndEnds() {
        BigDecimal availableBefore = available(LINE);
        instructFavourably();
        requests.placeOnAgenda(request.id(), SESSION, "secretariat");

        requests.withdraw(request.reference(), "Projet reporté", APPLICANT);

        assertThat(instance).hasPassed(TASK_RELEASE_ON_WITHDRAWAL).isEnded().hasPassed(END_WITHDRAWN);
        assertThat(available(LINE)).isEqualByComparingTo(availableBefore);
        assertThat(reload().outcome()).isEqualTo(Outcome.WITHDRAWN);
    }

    @Test
    void invalidFormInTasklistLeavesTheTaskOpenAndChangesNothing() {
        complete(task(), withVariables("isComplete", true));
        int historyBefore = requests.view(request.reference(), APPLICANT).history().size();

        assertThatThrownBy(() -> complete(task(), withVariables("opinion", "FAVORABLE", "proposedAmount", 25000,
                "budgetLines", LINE + " = 25000", "report", "Rapport")))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dépasse le montant demandé");

        assertThat(instance).isWaitingAt(TASK_INSTRUCT_REQUEST);
        assertThat(reload().status()).isEqualTo(RequestStatus.IN_INSTRUCTION);
        assertThat(requests.view(request.reference(), APPLICANT).history()).hasSize(historyBefore);
        assertThat(runtime.getVariables(instance.getId())).containsOnlyKeys(VAR_REQUEST_ID, VAR_COMPLETE);
    }

    @Test
    void grantWithoutConventionGoesStraightToImputationThenClosingAndNotification() {
        conventionProperties.setOptionalDefault(false);
        try {
            // 20 000 € to a beneficiary granted nothing else this year: a convention is optional, and not drawn up
            Beneficiary association = Beneficiary.newAssociation();
            ProcessInstance granted = adopted(association, 2024, "20000");

            // without a convention, the request waits for its deliberation to be executory, then for its commitment
            assertThat(granted).hasPassed(TASK_DECIDE_CONVENTION).hasNotPassed(TASK_PREPARE_CONVENTION)
                    .isWaitingAt(EVENT_ACT_EXECUTORY);
            SubsidyRequest withoutConvention = requests.byReference(granted.getBusinessKey());
            assertThat(lastEvent(withoutConvention)).startsWith("Convention facultative")
                    .endsWith("la subvention est attribuée sans convention.");
            requests.recordExecutory(withoutConvention.id(), LocalDate.now(clock), "B2024_0003");
            assertThat(granted).hasPassed(TASK_ORDER_EXECUTORY_CERTIFICATE).isWaitingAt(TASK_IMPUTE_BUDGET);
            assertThat(lastEvent(withoutConvention)).startsWith("Délibération n° B2024_0003 exécutoire depuis le");
            withoutConvention = requests.byReference(granted.getBusinessKey());
            assertThat(withoutConvention.status()).isEqualTo(RequestStatus.AWAITING_IMPUTATION);
            assertThat(withoutConvention.outcome()).isEqualTo(Outcome.GRANTED);
            assertThat(conventions.of(withoutConvention.id())).isEmpty();
            assertThat(runtime.getVariable(granted.getId(), VAR_WITH_CONVENTION)).isEqualTo(false);

            assertThat(task(granted)).hasCandidateGroup("finances");
            complete(task(granted), withVariables("lines", OTHER_LINE + " = 20000"));
            assertThat(granted).hasPassed(TASK_ORDER_ENGAGEMENT_SHEET);
            produce(granted, "ENGAGEMENT_SHEET");
            // without a convention, paid in one go at the commitment
            assertThat(granted).isWaitingAt(CALL_PAYMENT);
            ProcessInstance payment = runtime.createProcessInstanceQuery().processDefinitionKey(SubsidyPaymentProcess.KEY)
                    .processInstanceBusinessKey(withoutConvention.reference()).singleResult();
            complete(task(payment), withVariables("paidOn", LocalDate.now(clock).toString(), "mandateReference", "M-2024-0099"));
            assertThat(granted).isWaitingAt(TASK_CLOSE_REQUEST);
            complete(task(granted));
            assertThat(granted).isEnded().hasPassed(TASK_ORDER_NOTIFICATION);
            produce(granted, "NOTIFICATION");

            assertThat(granted).isEnded().hasPassed(END_CLOSED, TASK_ORDER_ENGAGEMENT_SHEET)
                    .hasNotPassed(TASK_ORDER_CONVENTION, TASK_SIGN_AS_BENEFICIARY, TASK_SIGN_AS_PRESIDENT);
            SubsidyRequest closed = requests.byId(withoutConvention.id());
            assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
            assertThat(closed.outcome()).isEqualTo(Outcome.GRANTED);
            assertThat(budget.commitmentsOf(closed.id())).hasSize(1);
            assertThat(String.join("\n", DocumentLines.of(document(closed, DocumentType.NOTIFICATION_GRANTED))))
                    .contains("n'a pas donné lieu à une convention").doesNotContain("convention signée le");
            assertThat(documents.list(closed)).extracting(d -> d.type()).doesNotContain(DocumentType.CONVENTION);
        } finally {
            conventionProperties.setOptionalDefault(true);
        }
    }

    @Test
    void grantAboveTheThresholdHasAConventionEvenWhenOptionalOnesAreNotDrawnUp() {
        conventionProperties.setOptionalDefault(false);
        try {
            ProcessInstance granted = adopted(Beneficiary.newAssociation(), 2024, "23000.01");

            assertThat(granted).hasPassed(TASK_DECIDE_CONVENTION, TASK_PREPARE_CONVENTION, TASK_ORDER_CONVENTION)
                    .isWaitingAt(EVENT_ACT_EXECUTORY);
            SubsidyRequest withConvention = requests.byReference(granted.getBusinessKey());
            assertThat(withConvention.status()).isEqualTo(RequestStatus.AWAITING_SIGNATURES);
            assertThat(conventions.of(withConvention.id())).hasValueSatisfying(
                    c -> assertThat(c.amount()).isEqualByComparingTo("23000.01"));
            assertThat(lastEvent(withConvention)).startsWith("Convention obligatoire");
            assertThat(runtime.getVariable(granted.getId(), VAR_WITH_CONVENTION)).isEqualTo(true);
        } finally {
            conventionProperties.setOptionalDefault(true);
        }
    }

    @Test
    void processCarriesOnlyTheRequestIdAndGatewayFlags() {
        instructFavourably();
        assertThat(runtime.getVariables(instance.getId())).containsOnlyKeys(VAR_REQUEST_ID, VAR_COMPLETE, VAR_FAVORABLE);
        requests.placeOnAgenda(request.id(), SESSION, "secretariat");
        requests.recordVote(request.id(), VoteDecision.ADOPTED, SESSION, "secretariat");
        assertThat(runtime.getVariables(instance.getId())).containsOnlyKeys(VAR_REQUEST_ID, VAR_COMPLETE, VAR_FAVORABLE,
                VAR_VOTE_DECISION, VAR_WITH_CONVENTION);
    }

    /** A request of another beneficiary, for the amount given, instructed favourably on OTHER_LINE and adopted. */
    private ProcessInstance adopted(Beneficiary beneficiary, int fiscalYear, String amount) {
        SubsidyRequest other = requests.submit(SeedRequests.of(beneficiary, fiscalYear, new BigDecimal(amount)), APPLICANT,
                null).request();
        scenarios.fileRepublicanCommitment(other.reference());
        ProcessInstance process = runtime.createProcessInstanceQuery().processDefinitionKeyNotIn(DocumentProductionProcess.KEY)
                .processInstanceBusinessKey(other.reference())
                .singleResult();
        scenarios.fileDocuments(process.getId());
        complete(task(process), withVariables("isComplete", true));
        complete(task(process), withVariables("opinion", "FAVORABLE", "proposedAmount", amount,
                "budgetLines", OTHER_LINE + " = " + amount, "report", "Rapport d'instruction."));
        scenarios.fileDocuments(process.getId());
        assertThat(process).isWaitingAt(EVENT_PLACED_ON_AGENDA);
        requests.placeOnAgenda(other.id(), SESSION, "secretariat");
        requests.recordVote(other.id(), VoteDecision.ADOPTED, SESSION, "secretariat");
        return process;
    }

    private String lastEvent(SubsidyRequest request) {
        var history = requests.view(request.reference(), APPLICANT).history();
        return history.get(history.size() - 1).result();
    }

    private byte[] document(SubsidyRequest of, DocumentType type) {
        return documents.list(of).stream().filter(d -> d.type() == type).findFirst()
                .map(d -> documents.get(d.id(), scenarios.staff()).content()).orElseThrow();
    }

    private void instructFavourably() {
        complete(task(), withVariables("isComplete", true));
        assertThat(instance).isWaitingAt(TASK_INSTRUCT_REQUEST);
        complete(task(), withVariables("opinion", "FAVORABLE", "proposedAmount", 20000, "budgetLines", LINE + " = 20 000",
                "report", "Dijon Métropole a fait de la filière numérique l'un des axes stratégiques de son développement."));
        assertThat(instance).hasPassed(TASK_ORDER_INSTRUCTION_REPORT);
        produce(instance, "INSTRUCTION_REPORT");
    }

    /**
     * The document-production instance the case started for this kind of document, under the case's business key: it
     * waits at its own job, which produces and files the document, and then ends.
     */
    private void produce(ProcessInstance caseInstance, String documentKind) {
        ProcessInstance production = runtime.createProcessInstanceQuery().processDefinitionKey(DocumentProductionProcess.KEY)
                .processInstanceBusinessKey(caseInstance.getBusinessKey())
                .variableValueEquals(DocumentProductionProcess.VAR_DOCUMENT_KIND, documentKind).singleResult();
        assertThat(production).isWaitingAt(DocumentProductionProcess.TASK_PRODUCE_DOCUMENT);
        assertThat(runtime.getVariable(production.getId(), VAR_REQUEST_ID))
                .isEqualTo(requests.byReference(caseInstance.getBusinessKey()).id());
        execute(job(production));
        assertThat(production).isEnded().hasPassed(DocumentProductionProcess.END_DOCUMENT_FILED);
        // task() and job() look at the last instance asserted on: the request's again
        assertThat(caseInstance);
    }

    private Job timer() {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    private SubsidyRequest reload() {
        return requests.byId(request.id());
    }

    private BigDecimal available(String code) {
        return budget.lines(2024).stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow().available();
    }
}
