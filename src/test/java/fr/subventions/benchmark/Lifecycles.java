package fr.subventions.benchmark;

import fr.subventions.acts.Act;
import fr.subventions.acts.ActKind;
import fr.subventions.acts.ActRegister;
import fr.subventions.budget.LineAmount;
import fr.subventions.budget.LineAmounts;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.AttendanceSheet;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.payment.PaymentService;
import fr.subventions.shared.Caller;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.LegalForm;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.support.TestPrefecture;
import fr.subventions.workflow.DocumentProductionProcess;
import fr.subventions.workflow.SubsidyPaymentProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Full lifecycles, submission to closing, driven through the service layer as the API's controllers drive it, and the
 * same number of lifecycles of the bare processes ({@link BareProcesses}), driven the same way on the same engine.
 *
 * <p>Work comes in cohorts: a cohort is {@code size} requests and the one séance of the Bureau that votes them. One
 * thread takes a cohort and walks it stage by stage: every request of the cohort through a stage, then it waits until
 * the job executor has run the asynchronous continuations of the cohort's process instances, then the next stage. In
 * both runs the documents are produced beside the cases, in instances of their own (document-production, and the bare
 * engine's bare-document), whose end is awaited once, at the end of the cohort. With several threads, several cohorts run at once. A stage is the same
 * service call the API makes (TaskCompleter for the task, the domain's services for the rest); the bare run completes
 * its tasks with the same TaskCompleter and correlates the same messages.
 */
final class Lifecycles {

    static final BigDecimal AMOUNT = new BigDecimal("1000");
    private static final long JOB_TIMEOUT_MS = 300_000;
    /** The prefecture answers one cohort at a time: its packages are taken from one outbox, its replies read from one inbox. */
    private static final Object PREFECTURE = new Object();

    private final SubsidyRequestService requests;
    private final DocumentService documents;
    private final TaskCompleter tasks;
    private final SessionService sessions;
    private final Agenda agenda;
    private final Attendance attendance;
    private final Voting voting;
    private final PaymentService payments;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final Scenarios scenarios;
    private final ActRegister acts;
    private final TestPrefecture prefecture;
    private final List<String> lines;
    private final int fiscalYear;
    private final AttendanceSheet sheet;
    private final Long president;
    private final Long secretary;
    /** The application's clock: today is the authority's date. */
    private final Clock clock;
    private final AtomicInteger bareKeys = new AtomicInteger();
    private final AtomicInteger seanceDays = new AtomicInteger();

    /** Acts the job executor left unsent, signed with their convention filed, which the benchmark sent again. */
    final AtomicInteger unsent = new AtomicInteger();

    /** The last domain cohort walked: its requests' ids and its séance, for the document timings. */
    volatile Cohort lastCohort;

    record Cohort(List<Long> requestIds, List<String> references, Long sessionId) {
    }

    Lifecycles(ConfigurableApplicationContext context, List<String> lines, int fiscalYear) {
        this.requests = context.getBean(SubsidyRequestService.class);
        this.documents = context.getBean(DocumentService.class);
        this.tasks = context.getBean(TaskCompleter.class);
        this.sessions = context.getBean(SessionService.class);
        this.agenda = context.getBean(Agenda.class);
        this.attendance = context.getBean(Attendance.class);
        this.voting = context.getBean(Voting.class);
        this.payments = context.getBean(PaymentService.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.management = context.getBean(ManagementService.class);
        this.scenarios = context.getBean(Scenarios.class);
        this.acts = context.getBean(ActRegister.class);
        this.prefecture = context.getBean(TestPrefecture.class);
        this.lines = lines;
        this.fiscalYear = fiscalYear;
        this.sheet = scenarios.seedSheet();
        this.president = scenarios.bureauMember("REBSAMEN").id();
        this.secretary = scenarios.bureauMember("HOAREAU").id();
        this.clock = context.getBean(Clock.class);
    }

    /** Runs {@code cohorts} cohorts of {@code size} on {@code threads} threads; answers the seconds it took. */
    double run(boolean bare, int threads, int cohorts, int size) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    for (int c = next.getAndIncrement(); c < cohorts; c = next.getAndIncrement()) {
                        if (bare) {
                            bareCohort(size);
                        } else {
                            domainCohort(c, size);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    // ------------------------------------------------------------------------------------------------ the domain

    void domainCohort(int cohort, int size) {
        String line = lines.get(cohort % lines.size());
        LocalDate today = LocalDate.now(clock);
        List<String> references = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        Set<String> instances = new LinkedHashSet<>();
        // submission: the applicant files the request and its Contrat d'Engagement Républicain
        for (int i = 0; i < size; i++) {
            SubsidyRequest request = requests.submit(SeedRequests.of(SeedRequests.Beneficiary.fresh(LegalForm.ASSOCIATION),
                    fiscalYear, new BigDecimal("5000")), Scenarios.APPLICANT, null).request();
            documents.upload(request.reference(), DocumentType.CONTRAT_ENGAGEMENT_REPUBLICAIN,
                    "contrat-engagement-republicain.pdf", Scenarios.PDF, Scenarios.APPLICANT);
            references.add(request.reference());
            ids.add(request.id());
            instances.add(request.processInstanceId());
        }
        awaitJobs(instances);
        Caller officer = new Caller("instructeur", Set.of("instructeurs"));
        for (String reference : references) {
            requests.get(reference, officer);
            Map<String, Object> fields = new HashMap<>();
            fields.put("isComplete", true);
            fields.put("missing", List.of());
            fields.put("comment", "Dossier complet");
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS, fields,
                    "instructeur", "vérification de la complétude");
        }
        for (String reference : references) {
            requests.get(reference, officer);
            Map<String, Object> fields = new HashMap<>();
            fields.put("opinion", "FAVORABLE");
            fields.put("proposedAmount", AMOUNT);
            fields.put("budgetLines", LineAmounts.asFormLines(List.of(new LineAmount(line, AMOUNT))));
            fields.put("report", "Rapport d'instruction : l'action répond aux objectifs de la Métropole.");
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST, fields,
                    "instructeur", "instruction");
        }
        awaitJobs(instances);
        // the séance of the Bureau held today, convened five clear days before: agenda, convocation, attendance (recorded
        // from the séance's day on), one vote per item, closing
        LocalDate day = seanceDay();
        AssemblySession session = sessions.create(new CreateSession(AssemblyBody.BUREAU, day,
                "Salle du Conseil, 40 avenue du Drapeau, Dijon", president, secretary, day.minusDays(6)));
        String sessionInstance = session.processInstanceId();
        agenda.addToAgenda(session.id(), references, "secretariat");
        sessions.convene(session.id(), "secretariat");
        awaitJobs(Set.of(sessionInstance));
        attendance.recordAttendance(session.id(), sheet, "secretariat");
        for (String reference : references) {
            voting.vote(session.id(), reference, CastVote.unanimous(), "secretariat");
        }
        Set<String> withSession = new LinkedHashSet<>(instances);
        withSession.add(sessionInstance);
        awaitJobs(withSession);
        sessions.requestClosing(session.id(), "secretariat");
        // the executory gate (CGCT L2131-1): acts signed, sent, acknowledged by the prefecture, published
        makeExecutory(session.id(), references, instances);
        // convention: both signatures; finance commits; the payment; closing
        String on = today.toString();
        for (String reference : references) {
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY,
                    Map.of("signedBy", "Jeanne Martin, présidente", "signedOn", on), "demandeur", "signature");
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT,
                    Map.of("signedBy", "François Rebsamen", "signedOn", on), "secretariat", "signature");
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_IMPUTE_BUDGET,
                    Map.of("lines", LineAmounts.asFormLines(List.of(new LineAmount(line, AMOUNT)))), "finances",
                    "engagement des crédits");
        }
        awaitJobs(instances);
        for (int i = 0; i < size; i++) {
            Long id = ids.get(i);
            payments.find(id).ifPresent(schedule -> payments.requirePaymentDue(id));
            tasks.complete(SubsidyPaymentProcess.KEY, references.get(i), SubsidyPaymentProcess.TASK_PAY_FIRST,
                    Map.of("paidOn", on, "mandateReference", "M-" + references.get(i)), "finances", "versement");
        }
        for (String reference : references) {
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CLOSE_REQUEST, Map.of(),
                    "secretariat", "clôture");
        }
        awaitEnded(withSession);
        // the documents are produced beside the cases: a lifecycle counts once all of them are filed
        List<String> businessKeys = new ArrayList<>(references);
        businessKeys.add(SessionService.businessKey(session.id()));
        awaitDocuments(DocumentProductionProcess.KEY, businessKeys);
        lastCohort = new Cohort(ids, references, session.id());
    }

    /**
     * Five requests left at five stages by the real processes, as templates of the open requests: at completeness, at
     * instruction (both in the officers' queue), awaiting an agenda, at the beneficiary's signature, at imputation.
     */
    List<OpenRequests.Template> templates() {
        String line = lines.get(0);
        LocalDate today = LocalDate.now(clock);
        List<SubsidyRequest> made = new ArrayList<>();
        Set<String> instances = new LinkedHashSet<>();
        for (int i = 0; i < 5; i++) {
            SubsidyRequest request = requests.submit(SeedRequests.of(SeedRequests.Beneficiary.fresh(LegalForm.ASSOCIATION),
                    fiscalYear, new BigDecimal("5000")), Scenarios.APPLICANT, null).request();
            documents.upload(request.reference(), DocumentType.CONTRAT_ENGAGEMENT_REPUBLICAIN,
                    "contrat-engagement-republicain.pdf", Scenarios.PDF, Scenarios.APPLICANT);
            made.add(request);
            instances.add(request.processInstanceId());
        }
        awaitJobs(instances);
        for (SubsidyRequest request : made.subList(1, 5)) {
            tasks.complete(SubsidyRequestProcess.KEY, request.reference(), SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                    Map.of("isComplete", true, "missing", List.of(), "comment", "Dossier complet"), "instructeur", "complétude");
        }
        for (SubsidyRequest request : made.subList(2, 5)) {
            tasks.complete(SubsidyRequestProcess.KEY, request.reference(), SubsidyRequestProcess.TASK_INSTRUCT_REQUEST,
                    Map.of("opinion", "FAVORABLE", "proposedAmount", AMOUNT, "budgetLines",
                            LineAmounts.asFormLines(List.of(new LineAmount(line, AMOUNT))),
                            "report", "Rapport d'instruction."), "instructeur", "instruction");
        }
        awaitJobs(instances);
        List<String> voted = List.of(made.get(3).reference(), made.get(4).reference());
        LocalDate day = seanceDay();
        AssemblySession session = sessions.create(new CreateSession(AssemblyBody.BUREAU, day,
                "Salle du Conseil", president, secretary, day.minusDays(6)));
        agenda.addToAgenda(session.id(), voted, "secretariat");
        sessions.convene(session.id(), "secretariat");
        awaitJobs(Set.of(session.processInstanceId()));
        attendance.recordAttendance(session.id(), sheet, "secretariat");
        for (String reference : voted) {
            voting.vote(session.id(), reference, CastVote.unanimous(), "secretariat");
        }
        Set<String> withSession = new LinkedHashSet<>(instances);
        withSession.add(session.processInstanceId());
        awaitJobs(withSession);
        sessions.requestClosing(session.id(), "secretariat");
        makeExecutory(session.id(), voted, instances);
        String on = today.toString();
        tasks.complete(SubsidyRequestProcess.KEY, made.get(4).reference(), SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY,
                Map.of("signedBy", "Jeanne Martin", "signedOn", on), "demandeur", "signature");
        tasks.complete(SubsidyRequestProcess.KEY, made.get(4).reference(), SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT,
                Map.of("signedBy", "François Rebsamen", "signedOn", on), "secretariat", "signature");
        awaitEnded(Set.of(session.processInstanceId()));
        return made.stream().map(r -> new OpenRequests.Template(r.id(), r.reference(), r.processInstanceId())).toList();
    }

    /**
     * Each séance of the run on a day of its own, today and the days before, as an assembly sits (the list of a
     * séance's deliberations was numbered after its body and its day only, before ActDocuments.listNumber took the
     * séance's id).
     */
    LocalDate seanceDay() {
        return LocalDate.now(clock).minusDays(seanceDays.getAndIncrement());
    }

    /**
     * The executory gate (CGCT L2131-1), the real way: the séance's documents and the requests' produced by the job
     * executor (each extract converted to PDF/A, signed by the secretary and the President, recorded in the register
     * of acts and sent to the prefecture as its @CTES package once the convention, its annex, is filed), the
     * prefecture's ARActe left in the inbox and read ({@link TestPrefecture}, as the tiers de télétransmission's
     * connector would leave it), the séance's acts published; the requests' processes go on past {@code
     * Event_ActExecutory}, their certificates ordered.
     */
    void makeExecutory(Long sessionId, List<String> references, Set<String> instances) {
        List<String> keys = new ArrayList<>(references);
        keys.add(SessionService.businessKey(sessionId));
        awaitDocuments(DocumentProductionProcess.KEY, keys);
        LocalDate today = LocalDate.now(clock);
        synchronized (PREFECTURE) {
            for (Act act : acts.ofSession(sessionId)) {
                if (act.kind() == ActKind.DELIBERATION && act.transmissionRequired() && act.transmittedAt() == null) {
                    // left unsent: the extract's job and the convention's ran at once, each committed before seeing
                    // the other (ActRegister.deliberationSigned, conventionFiled); sent as the secretariat sends again
                    acts.sendAgain(act.number(), "banc d'essai");
                    unsent.incrementAndGet();
                }
            }
            for (Act act : acts.ofSession(sessionId)) {
                if (act.kind() == ActKind.DELIBERATION && act.transmittedAt() != null && act.acknowledgedAt() == null) {
                    prefecture.acknowledge(act.number(), today);
                }
            }
        }
        acts.publishSession(sessionId);
        awaitJobs(instances);
    }

    /**
     * For part 4: a séance of {@code size} items prepared, convened, voted and closed through the real processes, its
     * requests' documents produced, but the documents ordered from the convocation on held back (the
     * document-production job definition suspended), so that each extract, the list and the procès-verbal can be
     * produced once, by the caller, and timed; an extract produced after its act was sent would be refused. {@link
     * #dropHeldDocuments} ends what was held back. The requests stay at {@code Event_ActExecutory}.
     */
    Cohort heldSeance(int size) {
        String line = lines.get(0);
        List<String> references = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        Set<String> instances = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
            SubsidyRequest request = requests.submit(SeedRequests.of(SeedRequests.Beneficiary.fresh(LegalForm.ASSOCIATION),
                    fiscalYear, new BigDecimal("5000")), Scenarios.APPLICANT, null).request();
            documents.upload(request.reference(), DocumentType.CONTRAT_ENGAGEMENT_REPUBLICAIN,
                    "contrat-engagement-republicain.pdf", Scenarios.PDF, Scenarios.APPLICANT);
            references.add(request.reference());
            ids.add(request.id());
            instances.add(request.processInstanceId());
        }
        awaitJobs(instances);
        for (String reference : references) {
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                    Map.of("isComplete", true, "missing", List.of(), "comment", "Dossier complet"), "instructeur",
                    "complétude");
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST,
                    Map.of("opinion", "FAVORABLE", "proposedAmount", AMOUNT, "budgetLines",
                            LineAmounts.asFormLines(List.of(new LineAmount(line, AMOUNT))),
                            "report", "Rapport d'instruction."), "instructeur", "instruction");
        }
        awaitJobs(instances);
        awaitDocuments(DocumentProductionProcess.KEY, references);
        management.suspendJobDefinitionByProcessDefinitionKey(DocumentProductionProcess.KEY, true);
        LocalDate day = seanceDay();
        AssemblySession session = sessions.create(new CreateSession(AssemblyBody.BUREAU, day,
                "Salle du Conseil, 40 avenue du Drapeau, Dijon", president, secretary, day.minusDays(6)));
        agenda.addToAgenda(session.id(), references, "secretariat");
        sessions.convene(session.id(), "secretariat");
        awaitJobs(Set.of(session.processInstanceId()));
        attendance.recordAttendance(session.id(), sheet, "secretariat");
        for (String reference : references) {
            voting.vote(session.id(), reference, CastVote.unanimous(), "secretariat");
        }
        Set<String> withSession = new LinkedHashSet<>(instances);
        withSession.add(session.processInstanceId());
        awaitJobs(withSession);
        sessions.requestClosing(session.id(), "secretariat");
        awaitEnded(Set.of(session.processInstanceId()));
        return new Cohort(ids, references, session.id());
    }

    /** The document productions {@link #heldSeance} held back, deleted; the job definition active again. */
    void dropHeldDocuments() {
        List<String> held = management.createJobQuery().suspended().list().stream().map(Job::getProcessInstanceId)
                .distinct().toList();
        if (!held.isEmpty()) {
            runtime.deleteProcessInstances(held, "benchmark: produced by the benchmark itself, and timed", true, true);
        }
        management.activateJobDefinitionByProcessDefinitionKey(DocumentProductionProcess.KEY, true);
    }

    // ------------------------------------------------------------------------------------------------ the bare engine

    void bareCohort(int size) {
        List<String> keys = new ArrayList<>();
        Set<String> instances = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
            String key = "BARE-" + bareKeys.incrementAndGet();
            keys.add(key);
            instances.add(runtime.startProcessInstanceByKey(BareProcesses.REQUEST, key, Map.of("requestId", (long) i)).getId());
        }
        awaitJobs(instances);
        for (String key : keys) {
            tasks.complete(BareProcesses.REQUEST, key, "CheckCompleteness", Map.of(), "instructeur", "complétude");
        }
        for (String key : keys) {
            tasks.complete(BareProcesses.REQUEST, key, "Instruct", Map.of(), "instructeur", "instruction");
        }
        awaitJobs(instances);
        String sessionKey = "BARE-S-" + bareKeys.incrementAndGet();
        String sessionInstance = runtime.startProcessInstanceByKey(BareProcesses.SESSION, sessionKey,
                Map.of(BareProcesses.VAR_ITEMS, keys)).getId();
        for (String key : keys) {
            runtime.createMessageCorrelation(BareProcesses.MSG_PLACED).processInstanceBusinessKey(key).correlateWithResult();
        }
        tasks.complete(BareProcesses.SESSION, sessionKey, "PrepareAgenda", Map.of(), "secretariat", "ordre du jour");
        awaitJobs(Set.of(sessionInstance));
        tasks.complete(BareProcesses.SESSION, sessionKey, "RecordAttendance", Map.of(), "secretariat", "présences");
        for (String key : keys) {
            tasks.completeInstance(BareProcesses.SESSION, sessionKey, "VoteItem", BareProcesses.VAR_ITEM, key, Map.of(),
                    "secretariat", "vote");
        }
        Set<String> withSession = new LinkedHashSet<>(instances);
        withSession.add(sessionInstance);
        awaitJobs(withSession);
        tasks.complete(BareProcesses.SESSION, sessionKey, "CloseSession", Map.of(), "secretariat", "clôture");
        // the executory gate's wait state, as the domain's: once the séance's and the requests' documents are done
        List<String> withSessionKey = new ArrayList<>(keys);
        withSessionKey.add(sessionKey);
        awaitDocuments(BareProcesses.DOCUMENT, withSessionKey);
        for (String key : keys) {
            runtime.createMessageCorrelation(BareProcesses.MSG_EXECUTORY).processInstanceBusinessKey(key)
                    .correlateWithResult();
        }
        awaitJobs(instances);
        for (String key : keys) {
            tasks.complete(BareProcesses.REQUEST, key, "SignAsBeneficiary", Map.of(), "demandeur", "signature");
            tasks.complete(BareProcesses.REQUEST, key, "SignAsPresident", Map.of(), "secretariat", "signature");
            tasks.complete(BareProcesses.REQUEST, key, "ImputeBudget", Map.of(), "finances", "engagement");
        }
        awaitJobs(instances);
        for (String key : keys) {
            tasks.complete(BareProcesses.PAYMENT, key, "PayFirst", Map.of(), "finances", "versement");
        }
        for (String key : keys) {
            tasks.complete(BareProcesses.REQUEST, key, "CloseRequest", Map.of(), "secretariat", "clôture");
        }
        awaitEnded(withSession);
        List<String> businessKeys = new ArrayList<>(keys);
        businessKeys.add(sessionKey);
        awaitDocuments(BareProcesses.DOCUMENT, businessKeys);
    }

    // ------------------------------------------------------------------------------------------------ waiting

    /** Until the job executor has run every due message job (documents, continuations) of these process instances. */
    void awaitJobs(Set<String> processInstances) {
        Set<String> pending = new LinkedHashSet<>(processInstances);
        long until = System.currentTimeMillis() + JOB_TIMEOUT_MS;
        while (!pending.isEmpty()) {
            pending.removeIf(id -> {
                List<Job> jobs = management.createJobQuery().processInstanceId(id).messages().list();
                for (Job job : jobs) {
                    if (job.getExceptionMessage() != null && job.getRetries() == 0) {
                        throw new IllegalStateException("job failed in " + id + ": " + job.getExceptionMessage());
                    }
                }
                return jobs.isEmpty();
            });
            if (!pending.isEmpty()) {
                if (System.currentTimeMillis() > until) {
                    throw new IllegalStateException("jobs still pending after " + JOB_TIMEOUT_MS + " ms: " + pending);
                }
                sleep(10);
            }
        }
    }

    /** Until the document instances started under these business keys have all ended (failing on an incident). */
    void awaitDocuments(String documentProcess, List<String> businessKeys) {
        long until = System.currentTimeMillis() + JOB_TIMEOUT_MS;
        while (true) {
            List<String> running = businessKeys.stream().flatMap(key -> runtime.createProcessInstanceQuery()
                    .processDefinitionKey(documentProcess).processInstanceBusinessKey(key).list().stream())
                    .map(ProcessInstance::getId).toList();
            if (running.isEmpty()) {
                return;
            }
            awaitJobs(new LinkedHashSet<>(running));
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("document productions not ended: " + running);
            }
        }
    }

    /** Until these process instances have ended (their last documents produced). */
    void awaitEnded(Set<String> processInstances) {
        awaitJobs(processInstances);
        Set<String> pending = new LinkedHashSet<>(processInstances);
        long until = System.currentTimeMillis() + JOB_TIMEOUT_MS;
        while (!pending.isEmpty()) {
            pending.removeIf(id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() == 0);
            if (!pending.isEmpty()) {
                if (System.currentTimeMillis() > until) {
                    throw new IllegalStateException("process instances not ended: " + pending);
                }
                sleep(10);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
