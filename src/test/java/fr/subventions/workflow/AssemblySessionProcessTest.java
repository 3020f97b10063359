package fr.subventions.workflow;

import static fr.subventions.workflow.AssemblySessionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.AttendanceSheet;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.Choice;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.SecretBallot;
import fr.subventions.bureau.SessionReadModels;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.SessionStatus;
import fr.subventions.bureau.Tally;
import fr.subventions.bureau.Voting;
import fr.subventions.documents.DocumentLines;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.StageConflictException;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.Outcome;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of bpmn/bureau-session.bpmn: a séance from its agenda to its closing, on the real engine. */
@ApplicationTest
class AssemblySessionProcessTest {

    static final String LINE = "2025-65-65748-76-ECOURB";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    SessionService sessions;
    @Autowired
    Agenda agenda;
    @Autowired
    Attendance attendance;
    @Autowired
    SessionReadModels views;
    @Autowired
    Voting voting;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    Scenarios scenarios;
    @Autowired
    DocumentService documents;
    @Autowired
    JdbcTemplate jdbc;

    SubsidyRequest first;
    SubsidyRequest second;
    AssemblySession session;
    ProcessInstance instance;

    @BeforeEach
    void prepare() {
        BpmnAwareTests.init(engine);
        first = scenarios.instructedRequest(2025, LINE, 1000);
        second = scenarios.instructedRequest(2025, LINE, 1000);
        session = createSession(LocalDate.of(2025, 9, 8), LocalDate.of(2025, 9, 18));
        instance = runtime.createProcessInstanceQuery().processDefinitionKeyNotIn(DocumentProductionProcess.KEY)
                .processInstanceBusinessKey(SessionService.businessKey(session.id()))
                .singleResult();
        assertThat(instance).isStarted().isWaitingAt(TASK_PREPARE_AGENDA);
        agenda.addToAgenda(session.id(), List.of(first.reference(), second.reference()), "secretariat");
    }

    @Test
    void sessionVotesEveryItemThenCloses() {
        assertThat(task()).hasCandidateGroup("secretariat");
        complete(task());
        // the convocation is produced beside the séance, which waits for its attendance at once
        assertThat(instance).hasPassed(TASK_ORDER_CONVOCATION).isWaitingAt(TASK_RECORD_ATTENDANCE);
        produce("CONVOCATION", 1);
        complete(task(), withVariables("absent", absentIds(), "proxies", ""));

        assertThat(instance).isWaitingAt(TASK_VOTE_ITEM);
        assertThat(votesPending()).isEqualTo(2);
        Tally adopted = voting.vote(session.id(), first.reference(), CastVote.unanimous(), "secretariat");
        Tally rejected = voting.vote(session.id(), second.reference(),
                CastVote.marking(Map.of(Choice.AGAINST, scenarios.bureau().subList(0, 20).stream().map(m -> m.id()).toList())),
                "secretariat");

        assertThat(adopted.decision()).isEqualTo(VoteDecision.ADOPTED);
        assertThat(adopted.forCount()).isEqualTo(25);
        assertThat(adopted.proxies()).isZero();
        assertThat(rejected.decision()).isEqualTo(VoteDecision.REJECTED);
        assertThat(instance).hasPassed(TASK_PUBLISH_OUTCOME, TASK_ORDER_EXTRACT, TASK_ORDER_CONVOCATION)
                .isWaitingAt(TASK_CLOSE_SESSION);
        assertThat(historyOf(TASK_ORDER_EXTRACT)).isEqualTo(2);
        produce("DELIBERATION_EXTRACT", 2);
        assertThat(requests.byId(first.id()).status()).isEqualTo(RequestStatus.AWAITING_SIGNATURES);
        assertThat(requests.byId(second.id()).outcome()).isEqualTo(Outcome.REJECTED);

        complete(task());
        assertThat(instance).isEnded().hasPassed(TASK_ORDER_MINUTES, END_SESSION_CLOSED);
        produce("MINUTES", 1);
        assertThat(sessions.get(session.id()).status()).isEqualTo(SessionStatus.CLOSED);
        var minutes = documents.listForSession(session.id()).stream()
                .filter(d -> d.type() == DocumentType.MINUTES).findFirst().orElseThrow();
        List<String> lines = DocumentLines.of(
                documents.get(minutes.id(), scenarios.staff()).content());
        assertThat(lines).containsSubsequence("PROCÈS-VERBAL",
                "Membres en exercice : 43 – présents : 25 – représentés : 0 – absents : 18",
                "À l'ouverture, le quorum est atteint : 25 membres présents pour 22 requis (article L2121-17 du CGCT).",
                "Présents : 25 – représentés : 0.",
                "Adopté : pour 25, contre 0, abstention 0, ne se prononce pas 0, dont 0 procuration(s).",
                "LISTE DES DÉLIBÉRATIONS ADOPTÉES");
        List<String> numbers = views.view(session.id()).agenda().stream().map(i -> i.deliberationNumber()).toList();
        assertThat(numbers).allMatch(n -> n.matches("^[0-9A-Z_]{1,15}$") && n.startsWith("B2025_"));
        assertThat(Integer.parseInt(numbers.get(1).substring(6))).isEqualTo(Integer.parseInt(numbers.get(0).substring(6)) + 1);
        assertThat(lines).contains("Délibération n° " + numbers.get(0));
        assertThat(lines).anyMatch(line -> line.startsWith("Rejeté : pour 5, contre 20"))
                .anyMatch(line -> line.startsWith("Contre : Monsieur François REBSAMEN"));
    }

    @Test
    void adjournedItemSendsItsRequestBackToTheAgenda() {
        openSession();
        voting.vote(session.id(), first.reference(), CastVote.adjournment(), "secretariat");
        voting.vote(session.id(), second.reference(), CastVote.unanimous(), "secretariat");
        scenarios.fileDocuments(instance.getId());

        assertThat(instance).isWaitingAt(TASK_CLOSE_SESSION);
        assertThat(requests.byId(first.id()).status()).isEqualTo(RequestStatus.AWAITING_AGENDA);
        assertThat(historyOf(TASK_ORDER_EXTRACT)).isEqualTo(1);
    }

    @Test
    void itemWithdrawnDuringTheSessionLeavesNothingToVote() {
        openSession();
        requests.withdraw(first.reference(), "Projet abandonné", Scenarios.APPLICANT);

        assertThat(votesPending()).isEqualTo(1);
        assertThatThrownBy(() -> voting.vote(session.id(), first.reference(), CastVote.unanimous(), "secretariat"))
                .isInstanceOf(StageConflictException.class).hasMessageContaining("retiré");
        voting.vote(session.id(), second.reference(), CastVote.unanimous(), "secretariat");
        scenarios.fileDocuments(instance.getId());
        assertThat(instance).isWaitingAt(TASK_CLOSE_SESSION);
        assertThat(historyOf(TASK_ORDER_EXTRACT)).isEqualTo(1);
    }

    @Test
    void requestWithdrawnBeforeTheAgendaIsClosedLeavesTheAgenda() {
        requests.withdraw(first.reference(), null, Scenarios.APPLICANT);
        openSession();

        assertThat(votesPending()).isEqualTo(1);
        assertThat(views.view(session.id()).agenda()).extracting(i -> i.reference()).containsExactly(second.reference());
    }

    @Test
    void itemWithdrawnOnceTheSessionIsConvenedGetsNoVote() {
        sessions.convene(session.id(), "secretariat");
        scenarios.fileDocuments(instance.getId());
        requests.withdraw(first.reference(), null, Scenarios.APPLICANT);
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");

        assertThat(votesPending()).isEqualTo(1);
        voting.vote(session.id(), second.reference(), CastVote.unanimous(), "secretariat");
        scenarios.fileDocuments(instance.getId());
        assertThat(instance).isWaitingAt(TASK_CLOSE_SESSION);
    }

    @Test
    void aRecordedUrgencyLetsOneClearDayOfNoticeDoAndTheRecipientsAreKept() {
        SubsidyRequest third = scenarios.instructedRequest(2025, LINE, 1000);
        AssemblySession urgent = sessions.create(new CreateSession(AssemblyBody.BUREAU, LocalDate.of(2025, 9, 18),
                "Salle du Conseil", scenarios.bureauMember("REBSAMEN").id(), scenarios.bureauMember("HOAREAU").id(),
                LocalDate.of(2025, 9, 16), "Date limite de dépôt du dossier FEDER le 19 septembre"));
        agenda.addToAgenda(urgent.id(), List.of(third.reference()), "secretariat");

        sessions.convene(urgent.id(), "secretariat");

        assertThat(sessions.get(urgent.id()).status()).isEqualTo(SessionStatus.CONVENED);
        assertThat(views.view(urgent.id()).convocationRecipients()).isEqualTo(43);
        assertThat(views.view(urgent.id()).urgencyReason()).contains("FEDER");
    }

    @Test
    void evenInUrgencyTheDayBeforeIsTooLate() {
        SubsidyRequest third = scenarios.instructedRequest(2025, LINE, 1000);
        AssemblySession urgent = sessions.create(new CreateSession(AssemblyBody.BUREAU, LocalDate.of(2025, 9, 18),
                "Salle du Conseil", scenarios.bureauMember("REBSAMEN").id(), scenarios.bureauMember("HOAREAU").id(),
                LocalDate.of(2025, 9, 17), "Urgence"));
        agenda.addToAgenda(urgent.id(), List.of(third.reference()), "secretariat");

        assertThatThrownBy(() -> sessions.convene(urgent.id(), "secretariat"))
                .isInstanceOf(StageConflictException.class).hasMessageContaining("même en urgence");
    }

    @Test
    void aSecretBallotKeepsTheCountsButNoNameAndLosesATie() {
        openSession();
        Tally tally = voting.vote(session.id(), first.reference(),
                CastVote.secretBallot(new SecretBallot(20, 20, 0, 0)), "secretariat");

        assertThat(tally.decision()).isEqualTo(VoteDecision.REJECTED);
        assertThat(tally.forCount()).isEqualTo(20);
        assertThat(jdbc.queryForObject("select count(*) from ballot where agenda_item_id = ?", Integer.class,
                agenda.agendaItemIds(session.id()).get(0))).isZero();
        assertThatThrownBy(() -> voting.vote(session.id(), second.reference(),
                new CastVote(Map.of(Choice.AGAINST, List.of(scenarios.bureauMember("DETANG").id())), false,
                        new SecretBallot(10, 5, 0, 0), null), "secretariat"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void attendanceWaitsForTheAgendaToBeClosed() {
        assertThatThrownBy(() -> attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat"))
                .isInstanceOf(StageConflictException.class).hasMessageContaining("convocation");
        assertThat(instance).isWaitingAt(TASK_PREPARE_AGENDA);
    }

    @Test
    void sessionCannotBeConvenedWithoutFiveClearDaysOfNotice() {
        AssemblySession late = createSession(LocalDate.of(2025, 9, 14), LocalDate.of(2025, 9, 18));
        SubsidyRequest third = scenarios.instructedRequest(2025, LINE, 1000);
        agenda.addToAgenda(late.id(), List.of(third.reference()), "secretariat");

        assertThatThrownBy(() -> sessions.convene(late.id(), "secretariat"))
                .isInstanceOf(StageConflictException.class).hasMessageContaining("jour(s) franc(s)");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKeyNotIn(DocumentProductionProcess.KEY)
                .processInstanceBusinessKey(SessionService.businessKey(late.id()))
                .singleResult()).isWaitingAt(TASK_PREPARE_AGENDA);
        assertThat(sessions.get(late.id()).status()).isEqualTo(SessionStatus.PREPARATION);
    }

    @Test
    void itemCannotBeVotedWithoutQuorum() {
        openSession();
        List<Long> ids = scenarios.bureau().stream().map(m -> m.id()).toList();
        attendance.recordAttendance(session.id(), AttendanceSheet.of(ids.subList(0, 21), ids.subList(21, 43), List.of()),
                "secretariat");

        assertThatThrownBy(() -> voting.vote(session.id(), first.reference(), CastVote.unanimous(), "secretariat"))
                .isInstanceOf(StageConflictException.class).hasMessageContaining("Quorum non atteint");
        assertThat(votesPending()).isEqualTo(2);
        assertThat(requests.byId(first.id()).status()).isEqualTo(RequestStatus.ON_AGENDA);
    }

    /**
     * The document-production instances the séance started for this kind of document: each waits at its own job, which
     * produces and files the document, and then ends.
     */
    private void produce(String documentKind, int count) {
        List<ProcessInstance> productions = runtime.createProcessInstanceQuery()
                .processDefinitionKey(DocumentProductionProcess.KEY).processInstanceBusinessKey(instance.getBusinessKey())
                .variableValueEquals(DocumentProductionProcess.VAR_DOCUMENT_KIND, documentKind).list();
        assertThat(productions).hasSize(count);
        for (ProcessInstance production : productions) {
            assertThat(production).isWaitingAt(DocumentProductionProcess.TASK_PRODUCE_DOCUMENT);
            execute(job(production));
            assertThat(production).isEnded().hasPassed(DocumentProductionProcess.END_DOCUMENT_FILED);
        }
        // task() and job() look at the last instance asserted on: the séance's again
        assertThat(instance);
    }

    private long historyOf(String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(activityId).finished().count();
    }

    private long votesPending() {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_VOTE_ITEM).count();
    }

    private void openSession() {
        sessions.convene(session.id(), "secretariat");
        scenarios.fileDocuments(instance.getId());
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        assertThat(instance).isWaitingAt(TASK_VOTE_ITEM);
    }

    private String absentIds() {
        return String.join("\n", scenarios.bureau().subList(25, 43).stream().map(m -> m.id().toString()).toList());
    }

    private AssemblySession createSession(LocalDate convocation, LocalDate date) {
        return sessions.create(new CreateSession(AssemblyBody.BUREAU, date, "Salle du Conseil, 40 avenue du Drapeau, Dijon",
                scenarios.bureauMember("REBSAMEN").id(), scenarios.bureauMember("HOAREAU").id(), convocation));
    }
}
