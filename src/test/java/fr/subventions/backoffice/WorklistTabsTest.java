package fr.subventions.backoffice;

import static fr.subventions.backoffice.WorklistFixtures.FINANCE;
import static fr.subventions.backoffice.WorklistFixtures.OFFICER;
import static fr.subventions.backoffice.WorklistFixtures.SECRETARIAT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.shared.Caller;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.SeedRequests.Beneficiary;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The worklist's tabs: what « À traiter », « Mes dossiers », « Tous » and each stage hold, for whom, with which
 * counters; how long a request has been at its stage; the deadline each stage waits for.
 */
@ApplicationTest
class WorklistTabsTest {

    @Autowired
    WorklistService worklist;
    @Autowired
    WorklistFixtures fixtures;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The beneficiary's requests in the tab, as the caller sees it. */
    List<WorklistRow> rows(WorklistTab tab, Beneficiary beneficiary, Caller caller) {
        return worklist.page(new WorklistQuery(tab, beneficiary.name(), null, null, null, null, null, null, null, false,
                WorklistSort.REFERENCE, false, 1, 100), caller).rows();
    }

    static List<String> references(List<WorklistRow> rows) {
        return rows.stream().map(WorklistRow::reference).toList();
    }

    @Test
    void toDoHoldsTheTasksOfferedToTheOfficersUntilOneTakesItThenItIsTheirs() {
        Beneficiary beneficiary = Beneficiary.newAssociation();
        SubsidyRequest submitted = fixtures.submitted(beneficiary, 2026, 12000);
        SubsidyRequest inInstruction = fixtures.inInstruction(beneficiary, 2026, 15000);
        SubsidyRequest incomplete = fixtures.incomplete(beneficiary, 2026, 9000);

        // the applicant's turn (missing documents) is nobody's work here
        assertThat(references(rows(WorklistTab.TO_DO, beneficiary, OFFICER)))
                .containsExactly(submitted.reference(), inInstruction.reference());
        assertThat(rows(WorklistTab.TO_DO, beneficiary, FINANCE)).isEmpty();
        assertThat(rows(WorklistTab.TO_DO, beneficiary, SECRETARIAT)).isEmpty();

        fixtures.take(inInstruction, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST, "instructeur");

        assertThat(references(rows(WorklistTab.TO_DO, beneficiary, OFFICER))).containsExactly(submitted.reference());
        List<WorklistRow> mine = rows(WorklistTab.MINE, beneficiary, OFFICER);
        assertThat(references(mine)).containsExactly(inInstruction.reference());
        assertThat(mine.get(0).takenBy()).isEqualTo("instructeur");
        assertThat(mine.get(0).awaitsTaker()).isFalse();
        Caller colleague = new Caller("instructeur2", Set.of(Caller.OFFICERS));
        assertThat(rows(WorklistTab.MINE, beneficiary, colleague)).isEmpty();

        List<WorklistRow> all = rows(WorklistTab.ALL, beneficiary, OFFICER);
        assertThat(references(all)).containsExactly(submitted.reference(), inInstruction.reference(),
                incomplete.reference());
        assertThat(all).extracting(WorklistRow::takenBy).containsExactly(null, "instructeur", null);
        assertThat(all).extracting(WorklistRow::awaitsTaker).containsExactly(true, false, false);
    }

    @Test
    void financeWorksTheSignedConventionsAndAnAdministratorSeesEveryStaffTask() {
        Beneficiary beneficiary = Beneficiary.newAssociation();
        SubsidyRequest toCommit = fixtures.awaitingImputation(beneficiary, 2026, 100);
        SubsidyRequest toCheck = fixtures.submitted(beneficiary, 2026, 5000);

        assertThat(references(rows(WorklistTab.TO_DO, beneficiary, FINANCE))).containsExactly(toCommit.reference());
        assertThat(references(rows(WorklistTab.TO_DO, beneficiary, OFFICER))).containsExactly(toCheck.reference());
        Caller administrator = new Caller("admin", Set.of(Caller.ADMINISTRATORS));
        assertThat(references(rows(WorklistTab.TO_DO, beneficiary, administrator)))
                .containsExactly(toCommit.reference(), toCheck.reference());
        assertThat(references(rows(WorklistTab.TO_COMMIT, beneficiary, OFFICER))).containsExactly(toCommit.reference());
    }

    @Test
    void eachStageHasItsTabAndEveryTabItsCounter() {
        Beneficiary beneficiary = Beneficiary.newAssociation();
        SubsidyRequest submitted = fixtures.submitted(beneficiary, 2026, 1000);
        SubsidyRequest instructed = fixtures.instructed(beneficiary, 2026, 2000, false);

        assertThat(references(rows(WorklistTab.TO_CHECK, beneficiary, OFFICER))).containsExactly(submitted.reference());
        assertThat(references(rows(WorklistTab.AWAITING_AGENDA, beneficiary, OFFICER)))
                .containsExactly(instructed.reference());
        assertThat(rows(WorklistTab.IN_INSTRUCTION, beneficiary, OFFICER)).isEmpty();

        Map<WorklistTab, Long> counts = worklist.counts(OFFICER);
        assertThat(counts).containsOnlyKeys(WorklistTab.values());
        for (WorklistTab tab : WorklistTab.values()) {
            if (tab.stage() != null) {
                assertThat(counts.get(tab)).as(tab.label()).isEqualTo(jdbc.queryForObject(
                        "select count(*) from subsidy_request where status = ?", Long.class, tab.stage().name()));
            }
        }
        assertThat(counts.get(WorklistTab.ALL)).isEqualTo(jdbc.queryForObject("select count(*) from subsidy_request",
                Long.class));
        assertThat(counts.get(WorklistTab.TO_DO)).isEqualTo(taskService.createTaskQuery().taskUnassigned()
                .taskDefinitionKeyIn(SubsidyRequestProcess.TASK_CHECK_COMPLETENESS, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST)
                .count());
        long mine = counts.get(WorklistTab.MINE);
        fixtures.take(submitted, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS, "instructeur");
        Map<WorklistTab, Long> after = worklist.counts(OFFICER);
        assertThat(after.get(WorklistTab.MINE)).isEqualTo(mine + 1);
        assertThat(after.get(WorklistTab.TO_DO)).isEqualTo(counts.get(WorklistTab.TO_DO) - 1);
    }

    @Test
    void theDaysAtAStageCountFromWhenTheRequestReachedItNotFromItsLastEvent() {
        Beneficiary beneficiary = Beneficiary.newAssociation();
        clock.set(LocalDate.of(2026, 3, 2));
        SubsidyRequest request = fixtures.submitted(beneficiary, 2026, 3000);
        clock.set(LocalDate.of(2026, 3, 12));
        assertThat(rows(WorklistTab.ALL, beneficiary, OFFICER).get(0).daysAtStage()).isEqualTo(10);

        fixtures.complete(request, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS, Map.of("isComplete", false,
                "missing", "RIB", "comment", ""), "instructeur");
        clock.set(LocalDate.of(2026, 3, 15));
        WorklistRow row = rows(WorklistTab.DOCUMENTS_REQUESTED, beneficiary, OFFICER).stream()
                .filter(r -> r.reference().equals(request.reference())).findFirst().orElseThrow();
        assertThat(row.stage()).isEqualTo(RequestStatus.INCOMPLETE);
        assertThat(row.daysAtStage()).isEqualTo(3);
    }

    @Test
    void theMissingDocumentsDeadlineIsShownAndOverdueOnceItsDayHasPassed() {
        Beneficiary beneficiary = Beneficiary.newAssociation();
        clock.set(LocalDate.of(2026, 3, 2));
        SubsidyRequest request = fixtures.incomplete(beneficiary, 2026, 4000);
        LocalDate due = request.missingItemsDue();
        assertThat(due).isEqualTo(LocalDate.of(2026, 4, 1));

        clock.set(due);
        WorklistRow.Deadline onTheDay = rows(WorklistTab.ALL, beneficiary, OFFICER).get(0).deadline();
        assertThat(onTheDay).isEqualTo(new WorklistRow.Deadline(due, WorklistRow.DeadlineKind.MISSING_DOCUMENTS, false, 0));
        clock.set(due.plusDays(4));
        WorklistRow.Deadline late = rows(WorklistTab.ALL, beneficiary, OFFICER).get(0).deadline();
        assertThat(late).isEqualTo(new WorklistRow.Deadline(due, WorklistRow.DeadlineKind.MISSING_DOCUMENTS, true, 4));
    }

    @Test
    void theConventionsLastDayOfValidityIsTheDeadlineUntilTheBeneficiarySigns() {
        Beneficiary beneficiary = Beneficiary.newAssociation();
        SubsidyRequest request = fixtures.adopted(beneficiary, 2026, 100);
        LocalDate validUntil = jdbc.queryForObject("select valid_until from convention where request_id = ?",
                LocalDate.class, request.id());

        WorklistRow.Deadline deadline = rows(WorklistTab.TO_SIGN, beneficiary, OFFICER).get(0).deadline();
        assertThat(deadline.due()).isEqualTo(validUntil);
        assertThat(deadline.kind()).isEqualTo(WorklistRow.DeadlineKind.SIGNATURE);

        fixtures.complete(request, SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY, Map.of("signedBy", "Jeanne Martin",
                "signedOn", LocalDate.now(clock).toString()), "demandeur");
        WorklistRow signed = rows(WorklistTab.TO_SIGN, beneficiary, SECRETARIAT).get(0);
        assertThat(signed.deadline()).isNull();
        // the President's signature is the secretariat's task now
        assertThat(signed.awaitsTaker()).isTrue();
        assertThat(references(rows(WorklistTab.TO_DO, beneficiary, SECRETARIAT))).containsExactly(request.reference());
    }
}
