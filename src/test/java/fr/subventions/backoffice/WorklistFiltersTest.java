package fr.subventions.backoffice;

import static fr.subventions.backoffice.WorklistFixtures.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.submission.LegalForm;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubmitRequest;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.SeedRequests.Beneficiary;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The worklist's filters, search, sort and pages, on requests of fresh beneficiaries brought to their stages by the
 * processes: each filter keeps exactly the requests it names.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistFiltersTest {

    @Autowired
    WorklistService worklist;
    @Autowired
    WorklistFixtures fixtures;
    @Autowired
    MutableClock clock;

    Beneficiary association;
    Beneficiary company;
    SubsidyRequest small;
    SubsidyRequest split;
    SubsidyRequest culture;
    SubsidyRequest lastYear;
    SubsidyRequest late;
    SubsidyRequest taken;

    /** Six requests of two beneficiaries, each at its stage; written once for the class. */
    @BeforeEach
    void requests() {
        if (association != null) {
            return;
        }
        association = Beneficiary.newAssociation();
        company = Beneficiary.fresh(LegalForm.COMPANY);
        clock.set(LocalDate.of(2026, 2, 2));
        late = fixtures.incomplete(association, 2026, 8000);
        clock.reset();
        small = fixtures.submitted(association, 2026, 1500);
        split = fixtures.instructed(association, 2026, 30000, true);
        culture = fixtures.submitted(company, 2026, 50000, SubmitRequest.THEMES.get(2),
                "Festival des œuvres numériques à Quetigny");
        lastYear = fixtures.instructed(company, 2025, 12000, false);
        taken = fixtures.inInstruction(company, 2026, 20000);
        fixtures.take(taken, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST, "instructeur");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    WorklistQuery all() {
        return new WorklistQuery(WorklistTab.ALL, null, null, null, null, null, null, null, null, false,
                WorklistSort.REFERENCE, false, 1, 100);
    }

    /** The references the query lists, of this class's requests only. */
    List<String> listed(WorklistQuery query) {
        List<String> mine = List.of(small.reference(), split.reference(), culture.reference(), lastYear.reference(),
                late.reference(), taken.reference());
        List<String> listed = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<WorklistRow> rows = worklist.page(query.withPage(page), OFFICER).rows();
            rows.stream().map(WorklistRow::reference).filter(mine::contains).forEach(listed::add);
            if (rows.size() < query.size()) {
                return listed;
            }
        }
    }

    WorklistQuery search(String text) {
        WorklistQuery q = all();
        return new WorklistQuery(q.tab(), text, null, null, null, null, null, null, null, false, q.sort(), false, 1, 100);
    }

    @Nested
    class Filters {

        @Test
        void theFiscalYearKeepsItsRequests() {
            WorklistQuery q = all();
            assertThat(listed(new WorklistQuery(q.tab(), company.name(), 2025, null, null, null, null, null, null, false,
                    q.sort(), false, 1, 100))).containsExactly(lastYear.reference());
        }

        @Test
        void theThemeKeepsItsRequests() {
            WorklistQuery q = all();
            assertThat(listed(new WorklistQuery(q.tab(), null, null, SubmitRequest.THEMES.get(2), null, null, null, null,
                    null, false, q.sort(), false, 1, 100))).containsExactly(culture.reference());
        }

        @Test
        void theServiceKeepsTheRequestsWithALineOfItsOwnEvenSplitWithAnother() {
            WorklistQuery q = all();
            assertThat(listed(new WorklistQuery(q.tab(), null, null, null, "Écologie urbaine", null, null, null, null,
                    false, q.sort(), false, 1, 100))).containsExactlyInAnyOrder(split.reference());
            assertThat(listed(new WorklistQuery(q.tab(), null, null, null, "Développement économique", null, null, null,
                    null, false, q.sort(), false, 1, 100))).containsExactlyInAnyOrder(split.reference(), lastYear.reference());
            WorklistRow row = worklist.page(search(split.reference()), OFFICER).rows().get(0);
            assertThat(row.services()).isEqualTo("Développement économique, Écologie urbaine");
            assertThat(row.proposed()).isEqualByComparingTo("30000");
        }

        @Test
        void theStageKeepsItsRequests() {
            WorklistQuery q = all();
            assertThat(listed(new WorklistQuery(q.tab(), null, null, null, null, RequestStatus.AWAITING_AGENDA, null,
                    null, null, false, q.sort(), false, 1, 100))).containsExactlyInAnyOrder(split.reference(), lastYear.reference());
        }

        @Test
        void whoHasTakenItKeepsTheirRequestsOrThoseNobodyHas() {
            WorklistQuery q = all();
            assertThat(listed(new WorklistQuery(q.tab(), null, null, null, null, null, "instructeur", null, null, false,
                    q.sort(), false, 1, 100))).containsExactlyInAnyOrder(taken.reference());
            assertThat(listed(new WorklistQuery(q.tab(), null, null, null, null, null, WorklistQuery.ME, null, null, false,
                    q.sort(), false, 1, 100))).containsExactlyInAnyOrder(taken.reference());
            assertThat(listed(new WorklistQuery(q.tab(), null, null, null, null, null, WorklistQuery.NOBODY, null, null,
                    false, q.sort(), false, 1, 100))).containsExactlyInAnyOrder(small.reference(), split.reference(),
                    culture.reference(), lastYear.reference(), late.reference());
        }

        @Test
        void theAmountRangeKeepsTheRequestedAmountsWithinItsBoundsIncluded() {
            WorklistQuery q = all();
            assertThat(listed(new WorklistQuery(q.tab(), null, null, null, null, null, null, new BigDecimal("8000.00"),
                    new BigDecimal("20000.00"), false, q.sort(), false, 1, 100)))
                    .containsExactlyInAnyOrder(lastYear.reference(), late.reference(), taken.reference());
        }

        @Test
        void overdueKeepsTheRequestsPastTheirDeadline() {
            WorklistQuery q = all();
            WorklistQuery overdue = new WorklistQuery(q.tab(), null, null, null, null, null, null, null, null, true,
                    q.sort(), false, 1, 100);
            clock.set(late.missingItemsDue());
            assertThat(listed(overdue)).isEmpty();
            clock.set(late.missingItemsDue().plusDays(1));
            assertThat(listed(overdue)).containsExactly(late.reference());
        }

        @Test
        void filtersAddUpAndTheListCountsWhatTheyKeep() {
            WorklistQuery q = all();
            WorklistQuery both = new WorklistQuery(WorklistTab.AWAITING_AGENDA, association.name(), 2026, null,
                    "Développement économique", null, null, null, null, false, q.sort(), false, 1, 100);
            WorklistService.WorklistPage page = worklist.page(both, OFFICER);
            assertThat(page.rows()).extracting(WorklistRow::reference).containsExactly(split.reference());
            assertThat(page.total()).isOne();
        }
    }

    @Nested
    class Search {

        @Test
        void byReferenceWholeOrItsStart() {
            assertThat(listed(search(split.reference()))).containsExactly(split.reference());
            assertThat(listed(search(split.reference().toLowerCase()))).containsExactly(split.reference());
            assertThat(listed(search(split.reference().substring(0, split.reference().length() - 1))))
                    .contains(split.reference());
        }

        @Test
        void byTheApplicantsNameAccentsAndCaseAside() {
            // « Bénéficiaire 123 »
            String number = association.name().substring(association.name().indexOf(' ') + 1);
            assertThat(listed(search("beneficiaire " + number))).containsExactlyInAnyOrder(small.reference(), split.reference(),
                    late.reference());
            assertThat(listed(search("BÉNÉF " + number))).hasSize(3);
        }

        @Test
        void bySiretBySirenForEveryEstablishmentAndByRna() {
            assertThat(listed(search(company.siret()))).containsExactlyInAnyOrder(culture.reference(), lastYear.reference(),
                    taken.reference());
            String spaced = association.siret().substring(0, 3) + " " + association.siret().substring(3, 6) + " "
                    + association.siret().substring(6, 9) + " " + association.siret().substring(9);
            assertThat(listed(search(spaced))).containsExactlyInAnyOrder(small.reference(), split.reference(), late.reference());
            assertThat(listed(search(association.siret().substring(0, 9)))).containsExactlyInAnyOrder(small.reference(),
                    split.reference(), late.reference());
            assertThat(listed(search(association.rna().toLowerCase()))).containsExactlyInAnyOrder(small.reference(),
                    split.reference(), late.reference());
        }

        @Test
        void byTheStartOfWordsOfTheTitle() {
            assertThat(listed(search("oeuvres numér"))).containsExactly(culture.reference());
            assertThat(listed(search("Œuvre quetigny"))).containsExactly(culture.reference());
            assertThat(listed(search("œuvres numériques à Dijon"))).isEmpty();
        }
    }

    @Nested
    class Sort {

        WorklistQuery sorted(WorklistSort sort, boolean descending) {
            WorklistQuery q = all();
            return new WorklistQuery(q.tab(), null, null, null, null, null, null, null, null, false, sort, descending, 1,
                    100);
        }

        @Test
        void byTheRequestedAmountEitherWay() {
            assertThat(listed(sorted(WorklistSort.REQUESTED, false))).containsExactly(small.reference(),
                    late.reference(), lastYear.reference(), taken.reference(), split.reference(), culture.reference());
            assertThat(listed(sorted(WorklistSort.REQUESTED, true))).containsExactly(culture.reference(),
                    split.reference(), taken.reference(), lastYear.reference(), late.reference(), small.reference());
        }

        @Test
        void byStageInTheOrderARequestGoesThrough() {
            List<String> byStage = listed(sorted(WorklistSort.STAGE, false));
            assertThat(byStage.indexOf(small.reference())).isLessThan(byStage.indexOf(late.reference()));
            assertThat(byStage.indexOf(late.reference())).isLessThan(byStage.indexOf(taken.reference()));
            assertThat(byStage.indexOf(taken.reference())).isLessThan(byStage.indexOf(split.reference()));
        }

        @Test
        void byTheProposedAmountTheRequestsWithoutOneLastEitherWay() {
            List<String> ascending = listed(sorted(WorklistSort.PROPOSED, false));
            assertThat(ascending.subList(0, 2)).containsExactly(lastYear.reference(), split.reference());
            List<String> descending = listed(sorted(WorklistSort.PROPOSED, true));
            assertThat(descending.subList(0, 2)).containsExactly(split.reference(), lastYear.reference());
        }

        @Test
        void byDaysAtTheStageTheLongestWaitingFirstWhenDescending() {
            List<String> longest = listed(sorted(WorklistSort.DAYS, true));
            assertThat(longest.get(0)).isEqualTo(late.reference());
            assertThat(listed(sorted(WorklistSort.DAYS, false))).last().isEqualTo(late.reference());
        }

        @Test
        void everyColumnSortsEveryTabEitherWay() {
            for (WorklistTab tab : WorklistTab.values()) {
                for (WorklistSort sort : WorklistSort.values()) {
                    for (boolean descending : new boolean[] {false, true}) {
                        WorklistQuery query = new WorklistQuery(tab, null, null, null, null, null, null, null, null, false,
                                sort, descending, 1, 20);
                        WorklistService.WorklistPage page = worklist.page(query, OFFICER);
                        assertThat(page.rows()).as("%s by %s", tab, sort).hasSizeLessThanOrEqualTo(20);
                        assertThat(page.total()).as("%s by %s", tab, sort).isGreaterThanOrEqualTo(page.rows().size());
                    }
                }
            }
        }
    }

    @Nested
    class Pages {

        @Test
        void aPageHoldsItsSizeTheNextOneTheRestAndBothCountTheSame() {
            Beneficiary many = Beneficiary.newAssociation();
            List<String> filed = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                filed.add(fixtures.submitted(many, 2026, 1000 + i).reference());
            }
            WorklistQuery first = new WorklistQuery(WorklistTab.TO_CHECK, many.name(), null, null, null, null, null, null,
                    null, false, WorklistSort.REQUESTED, false, 1, 20);
            WorklistService.WorklistPage one = worklist.page(first, OFFICER);
            WorklistService.WorklistPage two = worklist.page(first.withPage(2), OFFICER);
            assertThat(one.total()).isEqualTo(21);
            assertThat(one.pages()).isEqualTo(2);
            assertThat(one.rows()).extracting(WorklistRow::reference).containsExactlyElementsOf(filed.subList(0, 20));
            assertThat(two.rows()).extracting(WorklistRow::reference).containsExactly(filed.get(20));
            assertThat(worklist.page(first.withPage(3), OFFICER).rows()).isEmpty();
        }
    }
}
