package fr.subventions.convention;

import static fr.subventions.workflow.SubsidyRequestProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.subventions.budget.BudgetService;
import fr.subventions.documents.DocumentLines;
import fr.subventions.shared.FrenchText;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.Outcome;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The beneficiary's signature on timers (bpmn/subsidy-request.bpmn): reminders, the secretariat's follow-up, and the
 * grant lapsing with its reservation released when the convention stays unsigned past its validity — all counted from
 * the day the signature opens, once the deliberation is executory (CGCT L2131-1), not from the convention's drafting.
 */
@ApplicationTest
class SignatureDeadlinesTest {

    static final String LINE = "2026-65-65748-76-ECOURB";
    static final String SESSION = "Bureau métropolitain du jeudi 17 septembre 2026";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    ConventionService conventions;
    @Autowired
    BudgetService budget;
    @Autowired
    DocumentService documents;
    @Autowired
    Scenarios scenarios;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MutableClock clock;

    SubsidyRequest request;
    ProcessInstance instance;
    /** The day of the vote, when the convention is drafted. */
    LocalDate drafted;

    /** Voted and its convention drafted and filed: it waits for the deliberation to be executory, not yet signable. */
    @BeforeEach
    void awaitingTheExecutoryCharacter() {
        BpmnAwareTests.init(engine);
        drafted = LocalDate.now(clock);
        request = scenarios.instructedRequest(2026, LINE, 3000);
        requests.placeOnAgenda(request.id(), SESSION, "secretariat");
        requests.recordVote(request.id(), VoteDecision.ADOPTED, SESSION, "secretariat");
        instance = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(request.reference()).singleResult();
        scenarios.fileDocuments(instance.getId());
        assertThat(instance).hasPassed(TASK_PREPARE_CONVENTION, TASK_ORDER_CONVENTION).isWaitingAt(EVENT_ACT_EXECUTORY);
        Convention convention = conventions.of(request.id()).orElseThrow();
        assertThat(convention.draftedOn()).as("not yet put to the beneficiary").isNull();
        assertThat(convention.validUntil()).isNull();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** The deliberation executory today: the beneficiary's signature task starts, and its period with it. */
    private void signatureOpens() {
        scenarios.executoryWithoutSeance(request.reference());
        assertThat(instance).isWaitingAt(TASK_SIGN_AS_BENEFICIARY);
    }

    @Test
    void theTimersFollowTheSignaturesOpeningAndValidity() {
        signatureOpens();

        Convention convention = conventions.of(request.id()).orElseThrow();
        assertThat(convention.draftedOn()).isEqualTo(drafted);
        assertThat(convention.validUntil()).isEqualTo(drafted.plusMonths(3));
        assertThat(timer(TIMER_SIGNATURE_REMINDER).getDuedate()).isEqualTo(at(drafted.plusDays(15), 9));
        assertThat(timer(TIMER_SIGNATURE_LATE).getDuedate()).isEqualTo(at(drafted.plusDays(45), 9));
        assertThat(timer(TIMER_CONVENTION_LAPSED).getDuedate()).isEqualTo(at(drafted.plusMonths(3).plusDays(1), 0));
    }

    /**
     * Drafted on the day of the vote, executory 20 days later: the beneficiary has the whole validity from then. The
     * day after the drafting's three months the grant has not lapsed; on the last day counted from the opening, one
     * minute before midnight in Paris, neither; at midnight it does.
     */
    @Test
    void theDeadlinesCountFromTheDayTheSignatureOpensNotFromTheDrafting() {
        LocalDate opened = drafted.plusDays(20);
        clock.set(opened);
        signatureOpens();

        Convention convention = conventions.of(request.id()).orElseThrow();
        assertThat(convention.draftedOn()).isEqualTo(opened);
        assertThat(convention.validUntil()).isEqualTo(opened.plusMonths(3)).isAfter(drafted.plusMonths(3));
        assertThat(timer(TIMER_SIGNATURE_REMINDER).getDuedate()).isEqualTo(at(opened.plusDays(15), 9));
        assertThat(timer(TIMER_SIGNATURE_LATE).getDuedate()).isEqualTo(at(opened.plusDays(45), 9));
        assertThat(timer(TIMER_CONVENTION_LAPSED).getDuedate()).isEqualTo(at(opened.plusMonths(3).plusDays(1), 0));

        clock.set(at(drafted.plusMonths(3).plusDays(1), 0).toInstant());
        assertThat(due(TIMER_CONVENTION_LAPSED)).as("three months after the drafting").isFalse();
        clock.set(opened.plusMonths(3).atTime(23, 59).atZone(PARIS).toInstant());
        assertThat(due(TIMER_CONVENTION_LAPSED)).as("the last day, 23:59 in Paris").isFalse();
        clock.set(opened.plusMonths(3).plusDays(1).atStartOfDay(PARIS).toInstant());
        assertThat(due(TIMER_CONVENTION_LAPSED)).as("the next day, midnight in Paris").isTrue();

        management.executeJob(timer(TIMER_CONVENTION_LAPSED).getId());
        assertThat(instance).hasPassed(TASK_LAPSE_CONVENTION).isWaitingAt(TASK_CLOSE_REQUEST);
        assertThat(conventions.of(request.id()).orElseThrow().lapsedOn()).isEqualTo(opened.plusMonths(3).plusDays(1));
        assertThat(history()).contains("Convention non signée par le bénéficiaire au "
                + FrenchText.date(opened.plusMonths(3)) + " : la subvention est caduque");
    }

    @Test
    void aReminderLetterGoesToTheBeneficiaryAndTheSignatureStillWaits() {
        signatureOpens();
        management.executeJob(timer(TIMER_SIGNATURE_REMINDER).getId());
        scenarios.fileDocuments(instance.getId());

        assertThat(instance).hasPassed(TASK_REMIND_SIGNATURE).isWaitingAt(TASK_SIGN_AS_BENEFICIARY);
        assertThat(conventions.of(request.id()).orElseThrow().remindersSent()).isEqualTo(1);
        var letter = documents.list(requests.byId(request.id())).stream().filter(d -> d.type() == DocumentType.REMINDER)
                .findFirst().orElseThrow();
        assertThat(String.join("\n", DocumentLines.of(documents.get(letter.id(), scenarios.staff()).content())))
                .contains("relance n° 1 – signature de la convention", "la subvention deviendra caduque");
        assertThat(history()).contains("Relance n° 1 : convention à signer au plus tard le "
                + FrenchText.date(drafted.plusMonths(3)));
        // the cycle goes on
        assertThat(timer(TIMER_SIGNATURE_REMINDER)).isNotNull();
    }

    @Test
    void lateTheSecretariatGetsATaskToFollowItUp() {
        signatureOpens();
        management.executeJob(timer(TIMER_SIGNATURE_LATE).getId());

        assertThat(instance).isWaitingAt(TASK_SIGN_AS_BENEFICIARY, TASK_FOLLOW_UP_SIGNATURE);
        var followUp = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_FOLLOW_UP_SIGNATURE).singleResult();
        assertThat(followUp).hasCandidateGroup("secretariat");
        complete(followUp, withVariables("note", "Appel à la présidente le 2 novembre : signature promise."));

        assertThat(instance).hasPassed(TASK_FOLLOW_UP_SIGNATURE).isWaitingAt(TASK_SIGN_AS_BENEFICIARY);
        assertThat(history()).contains("Relance du secrétariat : Appel à la présidente le 2 novembre : signature promise.");
    }

    @Test
    void unsignedPastItsValidityTheGrantLapsesItsReservationIsReleasedAndTheRequestCloses() {
        signatureOpens();
        BigDecimal reservedBefore = reserved();

        management.executeJob(timer(TIMER_CONVENTION_LAPSED).getId());

        assertThat(instance).hasPassed(TASK_LAPSE_CONVENTION, TASK_RELEASE_ON_LAPSE).hasNotPassed(TASK_SIGN_AS_PRESIDENT)
                .isWaitingAt(TASK_CLOSE_REQUEST);
        SubsidyRequest lapsed = requests.byId(request.id());
        assertThat(lapsed.status()).isEqualTo(RequestStatus.AWAITING_CLOSURE);
        assertThat(lapsed.outcome()).isEqualTo(Outcome.LAPSED);
        assertThat(reserved()).isEqualByComparingTo(reservedBefore.subtract(new BigDecimal("3000")));
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();

        complete(task(instance));
        scenarios.fileDocuments(instance.getId());
        assertThat(instance).isEnded().hasPassed(END_CLOSED);
        var notification = documents.list(requests.byId(request.id())).stream()
                .filter(d -> d.type() == DocumentType.NOTIFICATION_REJECTED).findFirst().orElseThrow();
        assertThat(String.join("\n", DocumentLines.of(documents.get(notification.id(), scenarios.staff()).content())))
                .contains("n'a pas été signée avant le", "est caduque");
        assertThat(history()).contains("Demande clôturée : subvention caduque, convention non signée");
    }

    private Job timer(String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
                .singleResult();
    }

    /** Whether the engine would run the timer now: due at or before the (moved) clock. */
    private boolean due(String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
                .executable().count() == 1;
    }

    private static Date at(LocalDate day, int hour) {
        return Date.from(day.atTime(hour, 0).atZone(PARIS).toInstant());
    }

    private BigDecimal reserved() {
        return budget.lines(2026).stream().filter(l -> l.code().equals(LINE)).findFirst().orElseThrow().reserved();
    }

    private List<String> history() {
        return new TransactionTemplate(transactions).execute(status -> requests.byId(request.id()).history().stream()
                .map(e -> e.result()).toList());
    }
}
