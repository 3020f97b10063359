package fr.subventions.backoffice;

import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.subventions.shared.Caller;
import fr.subventions.shared.StageConflictException;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Two officers race for the same task from the dossier page, at the same instant: one takes it, the other is told who
 * has it — and then cannot complete it, while the winner can.
 */
@ApplicationTest
class DossierActionsRaceTest {

    static final String CLAIRE = "instructeur";
    static final String LUCIE = "instructeur3";
    static final int ROUNDS = 6;

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenarios scenarios;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskCompleter tasks;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void aSecondOfficer() {
        clock.reset();
        DemoUsers.ensure(identity, LUCIE, "Lucie", "Troisième", Caller.OFFICERS);
    }

    @Test
    void twoOfficersTakingTheSameTaskAtOnceOneWinsTheOtherIsToldWhoHasIt() throws Exception {
        MockHttpSession claire = login(mvc, CLAIRE);
        MockHttpSession lucie = login(mvc, LUCIE);
        Map<String, String> names = Map.of(CLAIRE, "Claire Instructrice (instructeur)", LUCIE, "Lucie Troisième (instructeur3)");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String reference = submitted();
                CyclicBarrier start = new CyclicBarrier(2);
                Future<MockHttpServletResponse> byClaire = pool.submit(() -> take(claire, reference, start));
                Future<MockHttpServletResponse> byLucie = pool.submit(() -> take(lucie, reference, start));
                MockHttpServletResponse a = byClaire.get(60, TimeUnit.SECONDS);
                MockHttpServletResponse b = byLucie.get(60, TimeUnit.SECONDS);

                String holder = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                        .processDefinitionKey(SubsidyRequestProcess.KEY).singleResult().getAssignee();
                assertThat(holder).as("round %d: someone has the task", round).isIn(CLAIRE, LUCIE);
                MockHttpServletResponse won = holder.equals(CLAIRE) ? a : b;
                MockHttpServletResponse lost = holder.equals(CLAIRE) ? b : a;
                assertThat(won.getStatus()).as("round %d: the winner's answer", round).isEqualTo(302);
                assertThat(lost.getStatus()).as("round %d: the other's answer: %s", round, text(lost)).isEqualTo(409);
                assertThat(text(lost)).contains("Cette tâche est prise par " + names.get(holder), "role=\"alert\"");

                // the one who lost cannot complete it; the one who won can
                MockHttpSession loser = holder.equals(CLAIRE) ? lucie : claire;
                MockHttpSession winner = holder.equals(CLAIRE) ? claire : lucie;
                MockHttpServletResponse refused = complete(loser, reference);
                assertThat(refused.getStatus()).isEqualTo(409);
                assertThat(text(refused)).contains("Cette tâche est prise par " + names.get(holder));
                assertThat(requests.byReference(reference).status()).isEqualTo(RequestStatus.SUBMITTED);
                assertThat(complete(winner, reference).getStatus()).isEqualTo(302);
                assertThat(requests.byReference(reference).status()).isEqualTo(RequestStatus.IN_INSTRUCTION);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Closer to the engine, with less in between: six officers claim at once; one has it, five are told who. */
    @Test
    void sixClaimsAtTheSameInstantLeaveTheTaskWithOneOfficerAndNameHimToTheOthers() throws Exception {
        String reference = submitted();
        int officers = 6;
        CyclicBarrier start = new CyclicBarrier(officers);
        ExecutorService pool = Executors.newFixedThreadPool(officers);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 1; i <= officers; i++) {
                Caller officer = new Caller("officier-" + i, Set.of(Caller.OFFICERS));
                answers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        tasks.claim(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                                officer, "vérification de la complétude");
                        return "pris";
                    } catch (StageConflictException e) {
                        return e.getMessage();
                    }
                }));
            }
            List<String> told = new ArrayList<>();
            for (Future<String> answer : answers) {
                told.add(answer.get(60, TimeUnit.SECONDS));
            }
            String holder = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                    .processDefinitionKey(SubsidyRequestProcess.KEY).singleResult().getAssignee();
            assertThat(told).filteredOn("pris"::equals).hasSize(1);
            assertThat(told).filteredOn(t -> !t.equals("pris")).hasSize(officers - 1)
                    .allMatch(t -> t.startsWith("Cette tâche est prise par " + holder + " : "));
        } finally {
            pool.shutdownNow();
        }
    }

    private MockHttpServletResponse take(MockHttpSession session, String reference, CyclicBarrier start) throws Exception {
        var call = post("/gestion/demandes/" + reference + "/prise").session(session).with(csrf())
                .param("etape", "completude");
        start.await(30, TimeUnit.SECONDS);
        return mvc.perform(call).andReturn().getResponse();
    }

    private MockHttpServletResponse complete(MockHttpSession session, String reference) throws Exception {
        return mvc.perform(post("/gestion/demandes/" + reference + "/completude").session(session)
                .with(csrf()).param("complete", "true")).andReturn().getResponse();
    }

    private String submitted() {
        SubsidyRequest request = requests.submit(SeedRequests.of(SeedRequests.Beneficiary.newAssociation(),
                Year.now(clock).getValue(), new BigDecimal("1500")), Scenarios.APPLICANT, null).request();
        scenarios.fileRepublicanCommitment(request.reference());
        scenarios.fileDocumentsOf(request.reference());
        return request.reference();
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return HtmlUtils.htmlUnescape(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
