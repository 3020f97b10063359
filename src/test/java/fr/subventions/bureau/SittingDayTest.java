package fr.subventions.bureau;

import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.shared.StageConflictException;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.workflow.AssemblySessionProcess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * A séance is recorded from its day on, in the authority's time zone (Europe/Paris): attendance, arrivals and
 * departures, votes, adjournments and the closing are refused the day before, accepted on the day — from midnight in
 * Paris, while UTC still shows the day before — and on the days after, when the secretariat types in the paper sheets.
 * The séances are held on Thursday 20 December 2046, a winter day (UTC+1), a year no other test uses.
 */
@ApplicationTest
class SittingDayTest {

    private static final String LINE = "2027-65-65748-76-ECOURB";
    private static final LocalDate DAY = LocalDate.of(2046, 12, 20);
    private static final String NOT_YET_HELD = "La séance du jeudi 20 décembre 2046 n'a pas encore eu lieu (nous sommes le "
            + "mercredi 19 décembre 2046) : les présences, les arrivées et départs, les votes, les ajournements et la clôture "
            + "de la séance ne peuvent être enregistrés qu'à partir de ce jour.";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Scenarios scenarios;
    @Autowired
    ProcessEngine engine;
    @Autowired
    MutableClock clock;
    @Autowired
    SessionService sessions;
    @Autowired
    SubsidyRequestService requests;

    @Autowired
    ApiJourney api;
    List<Long> bureau;

    @BeforeEach
    void init() {
        bureau = scenarios.bureau().stream().map(Member::id).toList();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    // --- the day before

    @Test
    void theDayBeforeAttendanceIsRefusedNamingTheDayAndTheSeanceStaysConvened() throws Exception {
        long session = convened(request());

        clock.set(DAY.minusDays(1));
        MockHttpServletResponse morning = attendance(session);
        // 23:30 in Paris is 22:30 UTC: still the day before
        clock.set(Instant.parse("2046-12-19T22:30:00Z"));
        MockHttpServletResponse lastMinute = attendance(session);

        for (MockHttpServletResponse refused : List.of(morning, lastMinute)) {
            assertThat(refused.getStatus()).isEqualTo(409);
            assertThat(api.read(refused).path("detail").asText()).isEqualTo(NOT_YET_HELD);
        }
        assertThat(view(session).path("status").asText()).isEqualTo("CONVENED");
        MockHttpServletResponse sheet = api.call("secretariat", get("/api/sessions/" + session + "/attendance"));
        assertThat(sheet.getStatus()).isEqualTo(409);
        assertThat(api.read(sheet).path("detail").asText()).isEqualTo("La présence des membres n'a pas été enregistrée.");
        assertThat(tasks(session, AssemblySessionProcess.TASK_RECORD_ATTENDANCE)).hasSize(1);
        assertThat(tasks(session, AssemblySessionProcess.TASK_VOTE_ITEM)).isEmpty();
    }

    /**
     * A séance opened before its day, as the API allowed on 6 December 2026 for the séance of the 20th: nothing more is
     * recorded for it until its day — no movement, vote, adjournment, closing or new convocation — and nothing changes.
     */
    @Test
    void aSeanceOpenedTooEarlyRecordsNothingMoreBeforeItsDay() throws Exception {
        SubsidyRequest voted = request();
        SubsidyRequest adjourned = request();
        long session = convened(voted, adjourned);
        clock.set(DAY);
        api.ok(attendance(session));

        clock.set(DAY.minusDays(1));
        List<MockHttpServletResponse> refusals = List.of(
                movement(session, "DEPARTURE", bureau.get(29)),
                movement(session, "ARRIVAL", bureau.get(30)),
                vote(session, voted, Map.of()),
                vote(session, adjourned, Map.of("adjourned", true)),
                close(session),
                api.call("secretariat", post("/api/sessions/" + session + "/reconvocation")
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(
                                Map.of("date", "2047-01-10", "convocationSentOn", "2046-12-21")))));

        for (MockHttpServletResponse refused : refusals) {
            assertThat(refused.getStatus()).isEqualTo(409);
            assertThat(api.read(refused).path("detail").asText()).isEqualTo(NOT_YET_HELD);
        }
        JsonNode unchanged = view(session);
        assertThat(unchanged.path("status").asText()).isEqualTo("SITTING");
        assertThat(unchanged.path("reconvenedAs").isNull()).isTrue();
        assertThat(unchanged.path("agenda")).allSatisfy(item -> {
            assertThat(item.path("outcome").isNull()).isTrue();
            assertThat(item.path("deliberationNumber").isNull()).isTrue();
        });
        assertThat(api.ok(api.call("secretariat", get("/api/sessions/" + session + "/movements")))).isEmpty();
        assertThat(api.ok(api.call("secretariat", get("/api/sessions/" + session + "/attendance"))).path("present").asInt())
                .isEqualTo(30);
        assertThat(tasks(session, AssemblySessionProcess.TASK_VOTE_ITEM)).hasSize(2);
        assertThat(requests.byId(voted.id()).status()).isEqualTo(RequestStatus.ON_AGENDA);
        assertThat(requests.byId(adjourned.id()).status()).isEqualTo(RequestStatus.ON_AGENDA);

        clock.set(DAY);
        sitThrough(session, voted, adjourned);
    }

    // --- the day itself and the day after

    @Test
    void onTheDayItselfTheWholeSeanceIsRecordedFromMidnightInParisWhileUtcIsStillTheDayBefore() throws Exception {
        SubsidyRequest voted = request();
        SubsidyRequest adjourned = request();
        long session = convened(voted, adjourned);

        // 00:30 on the 20th in Paris
        clock.set(Instant.parse("2046-12-19T23:30:00Z"));
        api.ok(attendance(session));
        sitThrough(session, voted, adjourned);
    }

    @Test
    void theDayAfterTheSecretariatTypesInThePaperSheets() throws Exception {
        SubsidyRequest voted = request();
        SubsidyRequest adjourned = request();
        long session = convened(voted, adjourned);

        clock.set(DAY.plusDays(1));
        api.ok(attendance(session));
        sitThrough(session, voted, adjourned);
    }

    // --- Tasklist and the séance page

    /** Tasklist completes the séance's steps through the engine: the task listeners apply the same rule. */
    @Test
    void tasklistCannotCompleteTheAttendanceOrAVoteBeforeTheDay() throws Exception {
        SubsidyRequest request = request();
        long session = convened(request);
        Map<String, Object> form = new HashMap<>();
        form.put("absent", String.join("\n", bureau.subList(30, 43).stream().map(String::valueOf).toList()));
        form.put("proxies", "");
        Task attendance = tasks(session, AssemblySessionProcess.TASK_RECORD_ATTENDANCE).get(0);

        clock.set(DAY.minusDays(1));
        assertThatThrownBy(() -> engine.getFormService().submitTaskForm(attendance.getId(), form))
                .hasRootCauseInstanceOf(StageConflictException.class).rootCause().hasMessage(NOT_YET_HELD);
        assertThat(view(session).path("status").asText()).isEqualTo("CONVENED");
        assertThat(tasks(session, AssemblySessionProcess.TASK_RECORD_ATTENDANCE)).extracting(Task::getId)
                .containsExactly(attendance.getId());

        clock.set(DAY);
        engine.getFormService().submitTaskForm(attendance.getId(), form);
        assertThat(view(session).path("status").asText()).isEqualTo("SITTING");
        Task vote = tasks(session, AssemblySessionProcess.TASK_VOTE_ITEM).get(0);

        clock.set(DAY.minusDays(1));
        assertThatThrownBy(() -> engine.getFormService().submitTaskForm(vote.getId(), Map.of()))
                .hasRootCauseInstanceOf(StageConflictException.class).rootCause().hasMessage(NOT_YET_HELD);
        assertThat(tasks(session, AssemblySessionProcess.TASK_VOTE_ITEM)).extracting(Task::getId)
                .containsExactly(vote.getId());
        assertThat(view(session).path("agenda").get(0).path("outcome").isNull()).isTrue();
    }

    /** The secretariat's page shows the refusal as its message, and the séance stays as it was. */
    @Test
    void theSeancePageShowsTheRefusalAsItsMessage() throws Exception {
        SubsidyRequest request = request();
        long session = convened(request);
        MockHttpSession page = login(mvc, "secretariat");

        clock.set(DAY.minusDays(1));
        mvc.perform(attendanceForm(session, page)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/seances/" + session)).andExpect(flash().attribute("probleme", NOT_YET_HELD));
        mvc.perform(post("/seances/" + session + "/points/" + request.reference() + "/vote").session(page)
                        .with(csrf()).param("action", "ajourner"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("probleme", NOT_YET_HELD));
        mvc.perform(post("/seances/" + session + "/cloture").session(page).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("probleme", NOT_YET_HELD));
        assertThat(view(session).path("status").asText()).isEqualTo("CONVENED");

        clock.set(DAY);
        mvc.perform(attendanceForm(session, page)).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "Présences enregistrées."));
        mvc.perform(get("/seances/" + session).session(page)).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.containsString(request.reference())));
        assertThat(view(session).path("status").asText()).isEqualTo("SITTING");
    }

    // --- helpers

    /**
     * The séance once opened: a departure and an arrival, one item voted, the other adjourned, the séance closed — each
     * accepted.
     */
    private void sitThrough(long session, SubsidyRequest voted, SubsidyRequest adjourned) throws Exception {
        assertThat(api.ok(movement(session, "DEPARTURE", bureau.get(29))).path("present").asInt()).isEqualTo(29);
        assertThat(api.ok(movement(session, "ARRIVAL", bureau.get(30))).path("present").asInt()).isEqualTo(30);
        assertThat(api.ok(vote(session, voted, Map.of())).path("outcome").asText()).isEqualTo("ADOPTED");
        assertThat(api.ok(vote(session, adjourned, Map.of("adjourned", true))).path("outcome").asText())
                .isEqualTo("ADJOURNED");
        api.settle(voted.reference());
        api.settle(adjourned.reference());
        scenarios.fileDocumentsOf(SessionService.businessKey(session));
        assertThat(api.ok(close(session)).path("status").asText()).isEqualTo("CLOSED");
        scenarios.fileDocumentsOf(SessionService.businessKey(session));
        assertThat(api.ok(api.call("secretariat", get("/api/sessions/" + session + "/movements"))))
                .extracting(m -> m.path("kind").asText()).containsExactly("DEPARTURE", "ARRIVAL");
        assertThat(requests.byId(voted.id()).status()).isEqualTo(RequestStatus.AWAITING_SIGNATURES);
        assertThat(requests.byId(adjourned.id()).status()).isEqualTo(RequestStatus.AWAITING_AGENDA);
    }

    private SubsidyRequest request() {
        return scenarios.instructedRequest(2027, LINE, 1000);
    }

    /** Created, its agenda fixed and its convocation sent (on the real date, well before the séance). */
    private long convened(SubsidyRequest... onAgenda) {
        return scenarios.convenedSession(DAY.minusDays(7), DAY,
                Arrays.stream(onAgenda).map(SubsidyRequest::reference).toList()).id();
    }

    /** The first 30 members present, the others absent without proxy. */
    private MockHttpServletResponse attendance(long session) throws Exception {
        return api.call("secretariat", put("/api/sessions/" + session + "/attendance").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(Map.of("present", bureau.subList(0, 30), "absent", bureau.subList(30, 43)))));
    }

    private MockHttpServletResponse movement(long session, String kind, Long memberId) throws Exception {
        return api.call("secretariat", post("/api/sessions/" + session + "/movements").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(Map.of("memberId", memberId, "kind", kind))));
    }

    private MockHttpServletResponse vote(long session, SubsidyRequest request, Map<String, Object> ballot) throws Exception {
        return api.call("secretariat", post("/api/sessions/" + session + "/items/" + request.reference() + "/vote")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(ballot)));
    }

    private MockHttpServletResponse close(long session) throws Exception {
        return api.call("secretariat", post("/api/sessions/" + session + "/closure"));
    }

    private JsonNode view(long session) throws Exception {
        return api.ok(api.call("secretariat", get("/api/sessions/" + session)));
    }

    private List<Task> tasks(long session, String taskKey) {
        return engine.getTaskService().createTaskQuery().processDefinitionKey(AssemblySessionProcess.KEY)
                .processInstanceBusinessKey(SessionService.businessKey(session)).taskDefinitionKey(taskKey).list();
    }

    /** The page's attendance form: the first 30 members ticked present. */
    private MockHttpServletRequestBuilder attendanceForm(long session,
            MockHttpSession page) throws Exception {
        var form = post("/seances/" + session + "/presences").session(page).with(csrf());
        bureau.subList(0, 30).forEach(id -> form.param("present-" + id, "on"));
        return form;
    }
}
