package fr.subventions.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.shared.Caller;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubmitRequest;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.support.SeedRequests.Beneficiary;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Requests of fresh beneficiaries brought to a stage through the real processes, as the officers, the secretariat and
 * finance would: each test finds its own by the beneficiary's name, whatever other tests left in the shared database.
 */
@Component
class WorklistFixtures {

    static final Caller OFFICER = new Caller("instructeur", Set.of(Caller.OFFICERS));
    static final Caller FINANCE = new Caller("finances", Set.of(Caller.FINANCE));
    static final Caller SECRETARIAT = new Caller("secretariat", Set.of(Caller.SECRETARIAT));
    static final String SESSION_LABEL = "Bureau métropolitain du jeudi 16 octobre 2025";

    private final SubsidyRequestService requests;
    private final TaskCompleter tasks;
    private final TaskService taskService;
    private final Scenarios scenarios;
    private final Clock clock;

    WorklistFixtures(SubsidyRequestService requests, TaskCompleter tasks, TaskService taskService, Scenarios scenarios,
            Clock clock) {
        this.clock = clock;
        this.requests = requests;
        this.tasks = tasks;
        this.taskService = taskService;
        this.scenarios = scenarios;
    }

    static String line(int year, String service) {
        return year + "-65-65748-" + (service.equals("DEVECO") ? "90-DEVECO" : "76-ECOURB");
    }

    SubsidyRequest submitted(Beneficiary beneficiary, int year, int requested) {
        SubsidyRequest request = requests.submit(SeedRequests.of(beneficiary, year, new BigDecimal(requested)),
                Scenarios.APPLICANT, null).request();
        scenarios.fileDocumentsOf(request.reference());
        return expect(request, RequestStatus.SUBMITTED);
    }

    /** With its own theme and title. */
    SubsidyRequest submitted(Beneficiary beneficiary, int year, int requested, String theme, String title) {
        SubmitRequest base = SeedRequests.of(beneficiary, year, new BigDecimal(requested));
        SubsidyRequest request = requests.submit(new SubmitRequest(base.applicant(), title, base.description(), theme,
                base.fiscalYear(), base.totalBudget(), base.requestedAmount(), base.cofinancing()), Scenarios.APPLICANT,
                null).request();
        scenarios.fileDocumentsOf(request.reference());
        return expect(request, RequestStatus.SUBMITTED);
    }

    SubsidyRequest inInstruction(Beneficiary beneficiary, int year, int requested) {
        SubsidyRequest request = submitted(beneficiary, year, requested);
        scenarios.fileRepublicanCommitment(request.reference());
        complete(request, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS, Map.of("isComplete", true), "instructeur");
        return expect(request, RequestStatus.IN_INSTRUCTION);
    }

    /** Asked for its RIB: due after the authority's delay for missing documents. */
    SubsidyRequest incomplete(Beneficiary beneficiary, int year, int requested) {
        SubsidyRequest request = submitted(beneficiary, year, requested);
        complete(request, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS, Map.of("isComplete", false, "missing", "RIB",
                "comment", "RIB manquant"), "instructeur");
        scenarios.fileDocumentsOf(request.reference());
        return expect(request, RequestStatus.INCOMPLETE);
    }

    /** Instructed favourably for the amount asked, split between the two services' lines when {@code split}. */
    SubsidyRequest instructed(Beneficiary beneficiary, int year, int requested, boolean split) {
        SubsidyRequest request = inInstruction(beneficiary, year, requested);
        String lines = split ? line(year, "DEVECO") + " = " + (requested / 2) + "\n" + line(year, "ECOURB") + " = "
                + (requested - requested / 2) : line(year, "DEVECO") + " = " + requested;
        complete(request, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST, Map.of("opinion", "FAVORABLE", "proposedAmount",
                requested, "budgetLines", lines, "report", "Rapport d'instruction."), "instructeur");
        scenarios.fileDocumentsOf(request.reference());
        return expect(request, RequestStatus.AWAITING_AGENDA);
    }

    /**
     * Adopted by the Bureau (a vote recorded without a séance), its deliberation executory as the register of acts
     * would record it: with a convention, it waits for the beneficiary's signature.
     */
    SubsidyRequest adopted(Beneficiary beneficiary, int year, int requested) {
        SubsidyRequest request = instructed(beneficiary, year, requested, false);
        requests.placeOnAgenda(request.id(), SESSION_LABEL, "secretariat");
        requests.recordVote(request.id(), VoteDecision.ADOPTED, SESSION_LABEL, "secretariat");
        scenarios.fileDocumentsOf(request.reference());
        scenarios.executoryWithoutSeance(request.reference());
        return expect(request, RequestStatus.AWAITING_SIGNATURES);
    }

    /** Signed by both parties: finance commits it. */
    SubsidyRequest awaitingImputation(Beneficiary beneficiary, int year, int requested) {
        SubsidyRequest request = adopted(beneficiary, year, requested);
        complete(request, SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY, Map.of("signedBy", "Jeanne Martin",
                "signedOn", LocalDate.now(clock).toString()), "demandeur");
        complete(request, SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT, Map.of("signedBy", "François Rebsamen",
                "signedOn", LocalDate.now(clock).toString()), "secretariat");
        return expect(request, RequestStatus.AWAITING_IMPUTATION);
    }

    /** The user takes the request's open task, as Tasklist's « Claim » does. */
    void take(SubsidyRequest request, String taskKey, String user) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).taskDefinitionKey(taskKey)
                .singleResult();
        taskService.claim(task.getId(), user);
    }

    void complete(SubsidyRequest request, String taskKey, Map<String, Object> fields, String actor) {
        tasks.complete(SubsidyRequestProcess.KEY, request.reference(), taskKey, fields, actor, taskKey);
    }

    SubsidyRequest expect(SubsidyRequest request, RequestStatus status) {
        SubsidyRequest reloaded = requests.byId(request.id());
        assertThat(reloaded.status()).as("fixture %s", request.reference()).isEqualTo(status);
        return reloaded;
    }
}
