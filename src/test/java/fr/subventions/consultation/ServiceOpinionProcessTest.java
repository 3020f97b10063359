package fr.subventions.consultation;

import static fr.subventions.workflow.ServiceOpinionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.subventions.consultation.OpinionQuestion.Asked;
import fr.subventions.shared.Caller;
import fr.subventions.shared.StageConflictException;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every path of bpmn/service-opinion.bpmn, on the real engine with the real delegates and domain (H2), the clock moved
 * and the timers' jobs run by the test: the opinion given in time; given late, after its reminder and the notice of
 * its deadline; withdrawn with the request; withdrawn by its asker. Tasks are completed as Tasklist submits their
 * form, or through the service as the API and the back office do.
 */
@ApplicationTest
class ServiceOpinionProcessTest {

    static final Caller OFFICER = new Caller("instructeur", Set.of(Caller.OFFICERS));
    static final Caller EXPERT = new Caller("finances", Set.of(Caller.FINANCE));
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Monday; the opinion is due on Friday. */
    static final LocalDate ASKED_ON = LocalDate.of(2030, 3, 11);
    static final LocalDate DUE_ON = LocalDate.of(2030, 3, 15);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    OpinionService opinions;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskCompleter tasks;

    SubsidyRequest request;

    @BeforeEach
    void submit() {
        BpmnAwareTests.init(engine);
        clock.set(ASKED_ON);
        request = requests.submit(SeedRequests.ofNumerique(2030), Scenarios.APPLICANT, null).request();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOpinionGivenInTimeIsFiledAndToldToItsAsker() {
        OpinionView asked = ask(Recipient.group("finances"), false);
        ProcessInstance instance = instanceOf(asked);

        assertThat(instance).isStarted().isWaitingAt(TASK_GIVE_OPINION);
        assertThat(task(instance)).hasCandidateGroup("finances")
                .hasName("Donner un avis " + request.reference() + " — Association OF du Numérique")
                .hasDueDate(Date.from(DUE_ON.atTime(23, 59, 59).atZone(PARIS).toInstant()));
        // the process carries ids only
        assertThat(runtime.getVariables(instance.getId())).containsOnlyKeys(VAR_OPINION_ID, VAR_REQUEST_ID);
        // the reminder two days before the deadline at 9:00, the notice at midnight when the deadline has passed
        assertThat(timer(instance, TIMER_OPINION_REMINDER).getDuedate().toInstant())
                .isEqualTo(ZonedDateTime.of(2030, 3, 13, 9, 0, 0, 0, PARIS).toInstant());
        assertThat(timer(instance, TIMER_OPINION_OVERDUE).getDuedate().toInstant())
                .isEqualTo(ZonedDateTime.of(2030, 3, 16, 0, 0, 0, 0, PARIS).toInstant());
        assertThat(mails()).contains("OPINION_ASKED finances@demo.invalid");

        clock.set(DUE_ON.minusDays(1));
        // as Tasklist completes it: the member of finances logged in, the engine checking their authorizations
        Task task = task(instance);
        identity.setAuthentication("finances", List.of(Caller.FINANCE));
        try {
            complete(task, withVariables("verdict", "RESERVED", "text", "Sous réserve du bilan 2029."));
        } finally {
            identity.clearAuthentication();
        }

        assertThat(instance).isEnded().hasPassed(END_OPINION_GIVEN).hasNotPassed(TASK_REMIND_OPINION,
                TASK_NOTIFY_OVERDUE, END_OPINION_WITHDRAWN);
        OpinionView given = opinions.view(asked.id());
        assertThat(given.state()).isEqualTo(OpinionStatus.GIVEN);
        assertThat(given.verdict()).isEqualTo(Verdict.RESERVED);
        assertThat(given.text()).isEqualTo("Sous réserve du bilan 2029.");
        assertThat(given.givenBy()).isEqualTo("finances");
        assertThat(given.givenByName()).isEqualTo("Inès Finances");
        assertThat(given.givenLate()).isFalse();
        assertThat(mails()).contains("OPINION_GIVEN instructeur@demo.invalid");
        // the form's fields went to our table, not to the process
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("text").count()).isZero();
    }

    @Test
    void aLateOpinionIsRemindedItsAskerToldAndStillReceived() {
        OpinionView asked = ask(Recipient.user("finances"), true);
        ProcessInstance instance = instanceOf(asked);
        assertThat(task(instance)).hasCandidateUser("finances");

        clock.set(ZonedDateTime.of(2030, 3, 13, 9, 0, 0, 0, PARIS).toInstant());
        run(timer(instance, TIMER_OPINION_REMINDER));
        run(job(instance, TASK_REMIND_OPINION));
        assertThat(instance).hasPassed(TIMER_OPINION_REMINDER, TASK_REMIND_OPINION, END_REMINDED)
                .isWaitingAt(TASK_GIVE_OPINION);
        assertThat(opinions.view(asked.id()).state()).isEqualTo(OpinionStatus.ASKED);
        assertThat(mails()).contains("OPINION_REMINDER finances@demo.invalid");

        clock.set(ZonedDateTime.of(2030, 3, 16, 0, 0, 0, 0, PARIS).toInstant());
        assertThat(opinions.view(asked.id()).state()).isEqualTo(OpinionStatus.LATE);
        run(timer(instance, TIMER_OPINION_OVERDUE));
        run(job(instance, TASK_NOTIFY_OVERDUE));
        assertThat(instance).hasPassed(TIMER_OPINION_OVERDUE, TASK_NOTIFY_OVERDUE, END_OVERDUE_NOTIFIED)
                .isWaitingAt(TASK_GIVE_OPINION);
        assertThat(mails()).contains("OPINION_OVERDUE instructeur@demo.invalid");

        // three days late: received all the same
        clock.set(DUE_ON.plusDays(3));
        OpinionView given = opinions.give(asked.id(), Verdict.UNFAVORABLE, "Le budget n'est pas soutenable.", EXPERT);
        assertThat(instance).isEnded().hasPassed(END_OPINION_GIVEN);
        assertThat(given.state()).isEqualTo(OpinionStatus.GIVEN);
        assertThat(given.givenLate()).isTrue();
        assertThat(given.verdictLabel()).isEqualTo("Défavorable");
        assertThatThrownBy(() -> opinions.give(asked.id(), Verdict.FAVORABLE, "Encore.", EXPERT))
                .isInstanceOf(StageConflictException.class).hasMessageContaining("déjà été donné");
    }

    @Test
    void theOpinionsAwaitedAreWithdrawnWithTheRequest() {
        List<OpinionView> asked = opinions.ask(request.reference(), new OpinionQuestion(List.of(
                new Asked(Recipient.group("finances"), "group"), new Asked(Recipient.user("secretariat"), "user")),
                "group", "Votre avis sur le calendrier ?", DUE_ON, false, List.of(), List.of()), OFFICER);
        assertThat(asked).hasSize(2);
        List<ProcessInstance> instances = asked.stream().map(this::instanceOf).toList();

        requests.withdraw(request.reference(), "Projet abandonné", Scenarios.APPLICANT);

        for (ProcessInstance instance : instances) {
            assertThat(instance).isEnded().hasPassed(EVENT_OPINION_WITHDRAWN, END_OPINION_WITHDRAWN)
                    .hasNotPassed(END_OPINION_GIVEN);
        }
        for (OpinionView opinion : asked) {
            OpinionView withdrawn = opinions.view(opinion.id());
            assertThat(withdrawn.state()).isEqualTo(OpinionStatus.WITHDRAWN);
            assertThat(withdrawn.withdrawalReason()).isEqualTo("la demande de subvention a été retirée par le demandeur");
        }
        assertThat(mails()).contains("OPINION_WITHDRAWN finances@demo.invalid", "OPINION_WITHDRAWN secretariat@demo.invalid");
        assertThatThrownBy(() -> opinions.give(asked.get(0).id(), Verdict.FAVORABLE, "Trop tard.", EXPERT))
                .isInstanceOf(StageConflictException.class).hasMessageContaining("retirée");
        // a closed request is asked nothing more
        assertThatThrownBy(() -> ask(Recipient.group("finances"), false)).isInstanceOf(StageConflictException.class);
    }

    @Test
    void itsAskerWithdrawsAnOpinionStillAwaited() {
        DemoUsers.ensure(identity, "instructeur2", "Karim", "Second", Caller.OFFICERS);
        OpinionView asked = ask(Recipient.group("secretariat"), false);
        ProcessInstance instance = instanceOf(asked);

        assertThatThrownBy(() -> opinions.withdraw(asked.id(), new Caller("instructeur2", Set.of(Caller.OFFICERS))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> opinions.give(asked.id(), Verdict.FAVORABLE, "Pas le mien.", EXPERT))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(instance).isWaitingAt(TASK_GIVE_OPINION);

        OpinionView withdrawn = opinions.withdraw(asked.id(), OFFICER);
        assertThat(instance).isEnded().hasPassed(END_OPINION_WITHDRAWN).hasNotPassed(END_OPINION_GIVEN);
        assertThat(withdrawn.state()).isEqualTo(OpinionStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawalReason()).isEqualTo("retirée par Claire Instructrice");
        assertThat(mails()).contains("OPINION_WITHDRAWN secretariat@demo.invalid");
        assertThatThrownBy(() -> opinions.withdraw(asked.id(), OFFICER)).isInstanceOf(StageConflictException.class);
        // the request's own process goes on, unaware
        assertThat(requests.byId(request.id()).status().name()).isEqualTo("SUBMITTED");
    }

    @Test
    void theOpinionsAwaitedEndWithTheRequestsProcessClosedAsInadmissible() {
        tasks.complete(SubsidyRequestProcess.KEY, request.reference(), SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                Map.of("isComplete", false, "missing", "RIB"), "instructeur", "complétude");
        OpinionView asked = ask(Recipient.group("finances"), false);
        ProcessInstance opinion = instanceOf(asked);
        ProcessInstance requestProcess = runtime.createProcessInstanceQuery().processDefinitionKey(SubsidyRequestProcess.KEY)
                .processInstanceBusinessKey(request.reference()).singleResult();

        // the missing documents never came: the request is closed as inadmissible, its process ends
        run(timer(requestProcess, SubsidyRequestProcess.TIMER_MISSING_DOCUMENTS_DUE));
        for (Job job : management.createJobQuery().processInstanceId(requestProcess.getId()).list()) {
            management.executeJob(job.getId());
        }
        assertThat(requestProcess).isEnded().hasPassed(SubsidyRequestProcess.END_INADMISSIBLE);
        assertThat(opinion).isEnded().hasPassed(EVENT_OPINION_WITHDRAWN, END_OPINION_WITHDRAWN);
        OpinionView withdrawn = opinions.view(asked.id());
        assertThat(withdrawn.state()).isEqualTo(OpinionStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawalReason()).isEqualTo("la demande de subvention est close");
        assertThat(mails()).contains("OPINION_WITHDRAWN finances@demo.invalid");
    }

    // ------------------------------------------------------------------------------------------------------------

    private OpinionView ask(Recipient recipient, boolean confidential) {
        List<OpinionView> asked = opinions.ask(request.reference(), new OpinionQuestion(
                List.of(new Asked(recipient, recipient.isGroup() ? "group" : "user")), "group",
                "Le plan de financement est-il soutenable ?", DUE_ON, confidential, List.of(), List.of()), OFFICER);
        assertThat(asked).hasSize(1);
        return asked.get(0);
    }

    /** The opinion's process, while it runs: camunda-bpm-assert follows it in the history once it has ended. */
    private ProcessInstance instanceOf(OpinionView opinion) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processOf(opinion)).singleResult();
        assertThat(instance).as("the process of opinion %s", opinion.id()).isNotNull();
        return instance;
    }

    private String processOf(OpinionView opinion) {
        return jdbc.queryForObject("select process_instance_id from opinion_request where id = ?", String.class,
                opinion.id());
    }

    private Job timer(ProcessInstance instance, String activity) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activity)
                .singleResult();
    }

    private Job job(ProcessInstance instance, String activity) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activity).singleResult();
    }

    private void run(Job job) {
        assertThat(job).isNotNull();
        management.executeJob(job.getId());
    }

    /** "TEMPLATE recipient" of every e-mail written about the request. */
    private List<String> mails() {
        return jdbc.queryForList("select concat(template_name, ' ', recipient) from mail_outbox where reference = ?",
                String.class, request.reference());
    }
}
