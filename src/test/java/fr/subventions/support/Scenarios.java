package fr.subventions.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.subventions.acts.Act;
import fr.subventions.acts.ActRegister;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.AttendanceSheet;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.Member;
import fr.subventions.bureau.MemberRepository;
import fr.subventions.bureau.Roll;
import fr.subventions.bureau.SessionService;
import fr.subventions.shared.Caller;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.SubmitRequest;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.DocumentProductionProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** Brings requests to a stage through the real process, and builds the seed's attendance sheet. */
@Component
public class Scenarios {

    public static final Caller APPLICANT = new Caller("demandeur", Set.of(Caller.APPLICANTS));

    public Caller staff() {
        return new Caller("secretariat", Set.of(Caller.SECRETARIAT));
    }

    private final SubsidyRequestService requests;
    private final RuntimeService runtime;
    private final MemberRepository members;
    private final ManagementService management;
    private final DocumentService documents;
    private final HistoryService history;
    private final SessionService sessions;
    private final Agenda agenda;
    private final ActRegister acts;
    private final TestPrefecture prefecture;
    private final Clock clock;

    Scenarios(SubsidyRequestService requests, RuntimeService runtime, MemberRepository members,
            ManagementService management, DocumentService documents, HistoryService history, SessionService sessions,
            Agenda agenda, ActRegister acts, TestPrefecture prefecture,
            Clock clock) {
        this.acts = acts;
        this.prefecture = prefecture;
        this.clock = clock;
        this.history = history;
        this.sessions = sessions;
        this.agenda = agenda;
        this.requests = requests;
        this.runtime = runtime;
        this.members = members;
        this.management = management;
        this.documents = documents;
    }

    /** A small PDF, accepted as any applicant's document. */
    public static final byte[] PDF = "%PDF-1.4\n% pièce\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    /**
     * The applicant ({@link #APPLICANT}) files the signed Contrat d'Engagement Républicain, without which an
     * association's or a foundation's request cannot be declared complete.
     */
    public void fileRepublicanCommitment(String reference) {
        fileRepublicanCommitment(reference, APPLICANT);
    }

    public void fileRepublicanCommitment(String reference, Caller applicant) {
        documents.upload(reference, DocumentType.CONTRAT_ENGAGEMENT_REPUBLICAIN, "contrat-engagement-republicain.pdf", PDF,
                applicant);
    }

    /**
     * Produces the documents a case's process ordered: runs the jobs of the document-production instances under the
     * case's business key, and the case's own asynchronous continuations (the test profile has no job executor), until
     * none is left. Given the case's process instance id, ended or not.
     */
    public void fileDocuments(String processInstanceId) {
        fileDocumentsOf(history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey());
    }

    /**
     * The same for every process instance under a business key (a request's: its own, its payment's once called, the
     * documents it ordered), whether the case still runs or has ended.
     */
    public void fileDocumentsOf(String businessKey) {
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(businessKey).list().stream()
                    .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).messages().list()
                            .stream())
                    .toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("document jobs keep coming under " + businessKey);
    }

    /**
     * The deliberation granting the request made executory as the law has it (CGCT L2131-1): the séance's documents
     * produced — the extract signed, the act sent to the prefecture as its @CTES package —, the prefecture's
     * acknowledgement left in the inbox and read back ({@link TestPrefecture}), the séance's acts published; the
     * request's process goes on, its certificate produced. For a request voted in a séance.
     */
    public Act makeExecutory(String reference) {
        fileDocumentsOf(reference);
        SubsidyRequest request = requests.byReference(reference);
        Long sessionId = agenda.decidingSession(request.id())
                .orElseThrow(() -> new AssertionError(reference + " was not voted in a séance"));
        fileDocumentsOf(SessionService.businessKey(sessionId));
        Act act = acts.deliberationOf(request.id())
                .orElseThrow(() -> new AssertionError("no signed deliberation for " + reference));
        if (act.acknowledgedAt() == null) {
            prefecture.acknowledge(act.number(), LocalDate.now(clock));
        }
        acts.publishSession(sessionId);
        fileDocumentsOf(reference);
        return acts.byNumber(act.number());
    }

    /**
     * For the fixtures that record a vote without a séance ({@code SubsidyRequestService.recordVote}), which leaves no
     * extract and so no act to sign, send or publish: the request recorded executory as the register of acts would
     * record it, its process let through {@code Event_ActExecutory}; the production of the certificate of executory
     * character, which has no act to certify, is withdrawn (with that reason in the history). Tests of the acts
     * themselves go through a séance and {@link #makeExecutory}.
     */
    public void executoryWithoutSeance(String reference) {
        SubsidyRequest request = requests.byReference(reference);
        requests.recordExecutory(request.id(), LocalDate.now(clock), "SANS_SEANCE");
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(DocumentProductionProcess.KEY)
                .variableValueEquals(DocumentProductionProcess.VAR_DOCUMENT_KIND, "EXECUTORY_CERTIFICATE").list()
                .forEach(production -> runtime.deleteProcessInstance(production.getId(),
                        "test fixture: a vote recorded without a séance has no act to certify"));
    }

    /**
     * The case's own process instance (a request's or a séance's), not the payment it calls nor the document
     * productions beside it.
     */
    public String processOf(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .processDefinitionKeyIn(SubsidyRequestProcess.KEY, AssemblySessionProcess.KEY)
                .singleResult().getId();
    }

    /** A seed request instructed favourably for 20 000 € on the given line: it waits for an agenda. */
    public SubsidyRequest instructedRequest(int fiscalYear, String line) {
        return instructedRequest(fiscalYear, line, 20000);
    }

    /** The same with a smaller proposed amount, for tests that put many requests on one budget line. */
    public SubsidyRequest instructedRequest(int fiscalYear, String line, int proposed) {
        return instructedRequest(SeedRequests.ofNumerique(fiscalYear, new BigDecimal(Math.max(proposed, 20000))), line,
                proposed);
    }

    /** A given request, instructed favourably for {@code proposed} € on the line. */
    public SubsidyRequest instructedRequest(SubmitRequest submitted, String line, int proposed) {
        SubsidyRequest request = requests.submit(submitted, APPLICANT, null).request();
        fileRepublicanCommitment(request.reference());
        fileDocumentsOf(request.reference());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKeyNotIn(DocumentProductionProcess.KEY)
                .processInstanceBusinessKey(request.reference()).singleResult())
                .isWaitingAt(SubsidyRequestProcess.TASK_CHECK_COMPLETENESS);
        complete(task(), withVariables("isComplete", true));
        complete(task(), withVariables("opinion", "FAVORABLE", "proposedAmount", proposed, "budgetLines", line + " = " + proposed,
                "report", "Rapport d'instruction."));
        fileDocumentsOf(request.reference());
        return requests.byId(request.id());
    }

    public List<Member> bureau() {
        return members.inOfficeOn(AssemblyBody.BUREAU, LocalDate.of(2023, 9, 14));
    }

    public Member bureauMember(String lastName) {
        return bureau().stream().filter(m -> m.lastName().equals(lastName)).findFirst().orElseThrow();
    }

    /**
     * The seed's sheet: the 25 members listed present, 3 absent without proxy, 15 proxies, as in the deliberation
     * of 14 September 2023 (the demo data lists the present first, then the absent, then the proxy givers in the
     * order of their holders).
     */
    /** Creates a séance, puts the requests on its agenda and convenes it: its convocation is produced, it waits for attendance. */
    public AssemblySession convenedSession(LocalDate convocation, LocalDate date, List<String> references) {
        AssemblySession session = sessions.create(new CreateSession(
                AssemblyBody.BUREAU, date, "Salle du Conseil, 40 avenue du Drapeau, Dijon", bureauMember("REBSAMEN").id(),
                bureauMember("HOAREAU").id(), convocation));
        agenda.addToAgenda(session.id(), references, "secretariat");
        sessions.convene(session.id(), "secretariat");
        fileDocumentsOf(SessionService.businessKey(session.id()));
        return session;
    }

    public Map<String, Object> seedAttendance() {
        List<Member> all = bureau();
        List<Long> present = all.subList(0, 25).stream().map(Member::id).toList();
        List<Long> absent = all.subList(25, 43).stream().map(Member::id).toList();
        String[][] proxies = {{"PRIBETICH", "HOAREAU"}, {"KOENDERS", "REBSAMEN"}, {"ZIVKOVIC", "JUBAN"},
                {"DESEILLE", "JUILLARD-RANDRIAN"}, {"GRIMPRET", "BOURNY"}, {"GIRARD", "DODET"}, {"TOMASELLI", "BELHADEF"},
                {"POPARD", "FALCONNET"}, {"GODARD", "LEMANCEAU"}, {"HAMEAU", "TENENBAUM"}, {"AKPINAR-ISTIQUAM", "MASSON"},
                {"MARTIN-GENDRE", "MARTIN"}, {"HUON-SAVINA", "EL HASSOUNI"}, {"DUBUET", "HERRMANN"}, {"BELLEVILLE", "RELOT"}};
        List<String> lines = new ArrayList<>();
        List<Map<String, Long>> pairs = new ArrayList<>();
        for (String[] proxy : proxies) {
            Long from = bureauMember(proxy[0]).id();
            Long to = bureauMember(proxy[1]).id();
            lines.add(from + ">" + to);
            pairs.add(Map.of("fromId", from, "toId", to));
        }
        Map<String, Object> sheet = new HashMap<>();
        sheet.put("present", present);
        sheet.put("absent", absent);
        sheet.put("proxies", lines);
        sheet.put("proxyPairs", pairs);
        return sheet;
    }

    /** The seed's sheet ({@link #seedAttendance()}) as the services take it. */
    @SuppressWarnings("unchecked")
    public AttendanceSheet seedSheet() {
        Map<String, Object> sheet = seedAttendance();
        return AttendanceSheet.of((List<Long>) sheet.get("present"), (List<Long>) sheet.get("absent"),
                ((List<Map<String, Long>>) sheet.get("proxyPairs")).stream()
                        .map(pair -> new Roll.Proxy(pair.get("fromId"), pair.get("toId"))).toList());
    }
}
