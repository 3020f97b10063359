package fr.subventions.scenario;

import static fr.subventions.scenario.SeedCaseMariaDbIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.shared.StageConflictException;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.MariaDbIntegrationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two officers complete the same task at the same instant, on MariaDB: one wins, the other is told in French that the
 * stage moved on (409), and nothing is written twice or by halves. Repeated, since a race shows itself only sometimes.
 */
class SameTaskTwiceMariaDbIT extends MariaDbIntegrationTest {

    @Autowired
    SubsidyRequestService requests;
    @Autowired
    TaskCompleter tasks;
    @Autowired
    Scenarios scenarios;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oneOfTwoSimultaneousCompletionsWinsAndTheOtherIsRefused() throws Exception {
        ExecutorService officers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2026), Scenarios.APPLICANT, null).request();
                String reference = request.reference();
                scenarios.fileRepublicanCommitment(reference);
                await("the completeness check of " + reference, () -> jdbc.queryForObject("select count(*) from ACT_RU_TASK t "
                        + "join ACT_RU_EXECUTION e on t.PROC_INST_ID_ = e.ID_ where e.BUSINESS_KEY_ = ? and t.TASK_DEF_KEY_ = ?",
                        Integer.class, reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS) == 1);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<String>> outcomes = new ArrayList<>();
                for (String officer : List.of("instructeur", "demo")) {
                    outcomes.add(officers.submit(() -> {
                        together.await();
                        try {
                            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                                    Map.of("isComplete", true, "comment", "vu par " + officer), officer, "complétude");
                            return "done";
                        } catch (StageConflictException refused) {
                            return refused.getMessage();
                        }
                    }));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get(60, TimeUnit.SECONDS));
                }
                assertThat(results).as("round " + round).containsOnlyOnce("done");
                assertThat(results.stream().filter(r -> !r.equals("done")).findFirst().orElseThrow())
                        // the engine's lock, the task gone, or the request's own stage guard: each says who won
                        .matches(".*(vient d'être traitée par quelqu'un d'autre|n'est pas à l'étape"
                                + "|Impossible de vérifier la complétude : la demande .* est au statut « En instruction »).*");
                assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.IN_INSTRUCTION);
                assertThat(jdbc.queryForObject("select count(*) from stage_event e join subsidy_request r on e.request_id = r.id "
                        + "where r.reference = ? and e.stage = 'IN_INSTRUCTION'", Integer.class, reference))
                        .as("one completeness decision recorded").isEqualTo(1);
            }
        } finally {
            officers.shutdownNow();
        }
    }
}
