package fr.subventions.bureau;

import static fr.subventions.support.DemoUsers.as;
import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.documents.DocumentGeneratorAccess;
import fr.subventions.documents.DocumentLines;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The séance's rules through the API, on the engine and H2: members in office on a date, quorum before every item
 * with arrivals and departures, proxies over consecutive séances, and the assembly convened again without quorum.
 * Each group of tests uses séances in a year of its own, so that they never count each other's séances.
 */
@ApplicationTest
class SittingRulesTest {

    private static final String LINE = "2027-65-65748-76-ECOURB";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SessionService sessions;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    DocumentService documents;
    @Autowired
    Scenarios scenarios;
    @Autowired
    DocumentGeneratorAccess extracts;
    @Autowired
    AgendaItemRepository items;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MutableClock clock;

    List<Long> bureau;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        bureau = scenarios.bureau().stream().map(Member::id).toList();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    // --- helpers

    private JsonNode call(MockHttpServletRequestBuilder request, Object body, int expected) throws Exception {
        request.with(as("secretariat"));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        String answer = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return answer.isEmpty() ? json.nullNode() : json.readTree(answer);
    }

    private static String errorOf(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asText().equals(field)) {
                return error.path("message").asText();
            }
        }
        throw new AssertionError("no error on " + field + " in " + problem);
    }

    private AssemblySession seance(LocalDate date, SubsidyRequest... onAgenda) {
        return scenarios.convenedSession(date.minusDays(7), date,
                Arrays.stream(onAgenda).map(SubsidyRequest::reference).toList());
    }

    private SubsidyRequest request() {
        return scenarios.instructedRequest(2027, LINE, 1000);
    }

    /** The first {@code present} members of the Bureau present, the others absent. */
    private Map<String, Object> sheet(int present, List<Map<String, Object>> proxies) {
        Map<String, Object> sheet = new HashMap<>();
        sheet.put("present", bureau.subList(0, present));
        sheet.put("absent", bureau.subList(present, bureau.size()));
        sheet.put("proxies", proxies);
        return sheet;
    }

    private JsonNode vote(AssemblySession session, SubsidyRequest request, int expected) throws Exception {
        return call(post("/api/sessions/" + session.id() + "/items/" + request.reference() + "/vote"), Map.of(), expected);
    }

    private Long itemOf(AssemblySession session, SubsidyRequest request) {
        return read(() -> items.findByRequestId(request.id()).stream().filter(i -> i.session().id().equals(session.id()))
                .findFirst().orElseThrow().id());
    }

    private <T> T read(Supplier<T> query) {
        return new TransactionTemplate(transactions).execute(status -> query.get());
    }

    private List<String> minutesOf(AssemblySession session) {
        scenarios.fileDocumentsOf(SessionService.businessKey(session.id()));
        var minutes = documents.listForSession(session.id()).stream().filter(d -> d.type() == DocumentType.MINUTES)
                .findFirst().orElseThrow();
        return DocumentLines.of(documents.get(minutes.id(), scenarios.staff()).content());
    }

    private String name(Long memberId) {
        return scenarios.bureau().stream().filter(m -> m.id().equals(memberId)).findFirst().orElseThrow().fullName();
    }

    @Nested
    class MembersInOffice {

        @Test
        void areThoseWhoseMandateCoversTheDateItsLastDayIncluded() throws Exception {
            JsonNode member = call(post("/api/members"), Map.of("body", "CONSEIL", "civility", "MADAME", "firstName", "Claire",
                    "lastName", "TISSERAND", "since", "2040-01-01"), 201);
            long id = member.path("id").asLong();

            assertThat(inOfficeOn("2039-12-31")).doesNotContain(id);
            assertThat(inOfficeOn("2040-01-01")).contains(id);

            JsonNode ended = call(post("/api/members/" + id + "/mandate-end"), Map.of("endsOn", "2040-06-30",
                    "reason", "démission"), 200);
            assertThat(ended.path("mandates").get(0).path("endsOn").asText()).isEqualTo("2040-06-30");
            assertThat(inOfficeOn("2040-06-30")).contains(id);
            assertThat(inOfficeOn("2040-07-01")).doesNotContain(id);

            JsonNode problem = call(post("/api/sessions"), Map.of("body", "CONSEIL", "date", "2040-07-10", "place", "Dijon",
                    "presidentId", id, "secretaryId", id, "convocationSentOn", "2040-07-01"), 400);
            assertThat(errorOf(problem, "presidentId")).isEqualTo("Madame Claire TISSERAND n'est pas en exercice le 10 juillet 2040");
        }

        @Test
        void refuseAnIncompleteMemberAndCreateNothing() throws Exception {
            int before = call(get("/api/members?body=CONSEIL"), null, 200).size();

            JsonNode problem = call(post("/api/members"), Map.of("body", "CONSEIL", "firstName", " "), 400);

            assertThat(errorOf(problem, "civility")).contains("MADAME ou MONSIEUR");
            assertThat(errorOf(problem, "firstName")).contains("prénom est obligatoire");
            assertThat(errorOf(problem, "lastName")).contains("nom est obligatoire");
            assertThat(errorOf(problem, "since")).contains("date d'installation");
            assertThat(call(get("/api/members?body=CONSEIL"), null, 200).size()).isEqualTo(before);
        }

        private List<Long> inOfficeOn(String date) throws Exception {
            List<Long> ids = new ArrayList<>();
            call(get("/api/members?body=CONSEIL&on=" + date), null, 200).forEach(m -> ids.add(m.path("id").asLong()));
            return ids;
        }
    }

    /** Quorum is checked before every item; each item keeps the roll it was voted on. */
    @Nested
    class ItemByItem {

        @Test
        void aDepartureBreaksQuorumBeforeTheNextItemAndArrivalsRestoreIt() throws Exception {
            SubsidyRequest first = request();
            SubsidyRequest second = request();
            AssemblySession session = seance(LocalDate.of(2041, 1, 17), first, second);
            clock.set(session.sessionDate());
            JsonNode opened = call(put("/api/sessions/" + session.id() + "/attendance"), sheet(22, List.of()), 200);
            assertThat(opened.path("quorumReached").asBoolean()).isTrue();
            assertThat(vote(session, first, 200).path("for").asInt()).isEqualTo(22);

            Long leaving = bureau.get(21);
            JsonNode afterDeparture = call(post("/api/sessions/" + session.id() + "/movements"),
                    Map.of("memberId", leaving, "kind", "DEPARTURE", "proxyToId", bureau.get(0)), 200);
            assertThat(afterDeparture.path("present").asInt()).isEqualTo(21);
            assertThat(afterDeparture.path("proxies").asInt()).isEqualTo(1);
            assertThat(afterDeparture.path("quorumReached").asBoolean()).isFalse();

            JsonNode refused = vote(session, second, 409);
            assertThat(refused.path("detail").asText()).startsWith("Quorum non atteint pour le point n° 2 : 21 membres "
                    + "présents pour 43 en exercice, il en faut 22 ; les pouvoirs ne comptent pas (article L2121-17 du CGCT).");

            call(post("/api/sessions/" + session.id() + "/movements"), Map.of("memberId", leaving, "kind", "ARRIVAL"), 200);
            JsonNode back = call(post("/api/sessions/" + session.id() + "/movements"),
                    Map.of("memberId", bureau.get(30), "kind", "ARRIVAL"), 200);
            assertThat(back.path("present").asInt()).isEqualTo(23);
            assertThat(back.path("proxies").asInt()).isZero();
            assertThat(vote(session, second, 200).path("for").asInt()).isEqualTo(23);

            JsonNode movements = call(get("/api/sessions/" + session.id() + "/movements"), null, 200);
            assertThat(movements).hasSize(3);
            assertThat(movements.get(0).path("kind").asText()).isEqualTo("DEPARTURE");
            assertThat(movements.get(0).path("beforeItem").asInt()).isEqualTo(2);
            assertThat(movements.get(0).path("proxyHolderId").asLong()).isEqualTo(bureau.get(0));
            assertThat(movements.get(2).path("kind").asText()).isEqualTo("ARRIVAL");

            assertThat(extracts.lines(itemOf(session, first))).contains("Nombre de présents participant au vote : 22",
                    "Nombre de procurations : 0");
            assertThat(extracts.lines(itemOf(session, second))).contains("Nombre de présents participant au vote : 23");

            scenarios.fileDocumentsOf(SessionService.businessKey(session.id()));
            call(post("/api/sessions/" + session.id() + "/closure"), null, 200);
            assertThat(minutesOf(session)).containsSubsequence(
                    "À l'ouverture, le quorum est atteint : 22 membres présents pour 22 requis (article L2121-17 du CGCT).",
                    "Arrivées et départs en cours de séance :",
                    "Avant le point n° 2 : " + name(leaving) + " quitte la séance et donne pouvoir à " + name(bureau.get(0)) + ".",
                    "Avant le point n° 2 : " + name(leaving) + " arrive en séance.",
                    "Avant le point n° 2 : " + name(bureau.get(30)) + " arrive en séance.",
                    "Présents : 22 – représentés : 0.",
                    "Présents : 23 – représentés : 0.");
        }

        @Test
        void theProxyHeldByALeavingMemberLapses() throws Exception {
            SubsidyRequest item = request();
            AssemblySession session = seance(LocalDate.of(2041, 2, 14), item);
            clock.set(session.sessionDate());
            Long giver = bureau.get(40);
            Long holder = bureau.get(1);
            call(put("/api/sessions/" + session.id() + "/attendance"),
                    sheet(30, List.of(Map.of("fromId", giver, "toId", holder))), 200);

            JsonNode after = call(post("/api/sessions/" + session.id() + "/movements"),
                    Map.of("memberId", holder, "kind", "DEPARTURE"), 200);

            assertThat(after.path("present").asInt()).isEqualTo(29);
            assertThat(after.path("proxies").asInt()).isZero();
            JsonNode tally = vote(session, item, 200);
            assertThat(tally.path("for").asInt()).isEqualTo(29);
            assertThat(tally.path("proxies").asInt()).isZero();
        }

        @Test
        void refuseMovementsThatBreakTheRulesAndChangeNothing() throws Exception {
            SubsidyRequest item = request();
            AssemblySession session = seance(LocalDate.of(2041, 3, 14), item);
            clock.set(session.sessionDate());
            JsonNode early = call(post("/api/sessions/" + session.id() + "/movements"),
                    Map.of("memberId", bureau.get(0), "kind", "DEPARTURE"), 409);
            assertThat(early.path("detail").asText()).contains("n'est pas en cours");
            call(put("/api/sessions/" + session.id() + "/attendance"),
                    sheet(30, List.of(Map.of("fromId", bureau.get(40), "toId", bureau.get(1)))), 200);

            JsonNode secondProxy = call(post("/api/sessions/" + session.id() + "/movements"),
                    Map.of("memberId", bureau.get(2), "kind", "DEPARTURE", "proxyToId", bureau.get(1)), 400);
            assertThat(errorOf(secondProxy, "proxyToId")).contains("un seul pouvoir (article L2121-20 du CGCT)");
            JsonNode absentHolder = call(post("/api/sessions/" + session.id() + "/movements"),
                    Map.of("memberId", bureau.get(2), "kind", "DEPARTURE", "proxyToId", bureau.get(35)), 400);
            assertThat(errorOf(absentHolder, "proxyToId")).contains("le mandataire doit être présent");
            JsonNode unknownKind = call(post("/api/sessions/" + session.id() + "/movements"),
                    Map.of("memberId", bureau.get(2), "kind", "PAUSE"), 400);
            assertThat(errorOf(unknownKind, "kind")).contains("ARRIVAL (arrivée) ou DEPARTURE (départ)");

            JsonNode roll = call(get("/api/sessions/" + session.id() + "/attendance"), null, 200);
            assertThat(roll.path("present").asInt()).isEqualTo(30);
            assertThat(roll.path("proxies").asInt()).isEqualTo(1);
            assertThat(call(get("/api/sessions/" + session.id() + "/movements"), null, 200)).isEmpty();
        }
    }

    /** L2121-20: a proxy serves three consecutive séances at most, counted from the first it serves in. */
    @Nested
    class ProxiesOverSeances {

        @Test
        void aRegisteredProxyServesThreeConsecutiveSeancesAndIsRefusedInTheFourth() throws Exception {
            Long giver = bureau.get(40);
            Long holder = bureau.get(0);
            List<AssemblySession> seances = new ArrayList<>();
            for (int week = 0; week < 4; week++) {
                seances.add(seance(LocalDate.of(2042, 1, 15).plusWeeks(week), request()));
            }
            JsonNode proxy = call(post("/api/proxies"), Map.of("body", "BUREAU", "fromId", giver, "toId", holder,
                    "signedOn", "2042-01-02", "sessions", 3), 201);
            long proxyId = proxy.path("id").asLong();

            for (AssemblySession seance : seances.subList(0, 3)) {
                clock.set(seance.sessionDate());
                JsonNode roll = call(put("/api/sessions/" + seance.id() + "/attendance"),
                        sheet(30, List.of(Map.of("proxyId", proxyId))), 200);
                assertThat(roll.path("proxies").asInt()).isEqualTo(1);
            }
            AssemblySession fourth = seances.get(3);
            clock.set(fourth.sessionDate());
            JsonNode refused = call(put("/api/sessions/" + fourth.id() + "/attendance"),
                    sheet(30, List.of(Map.of("proxyId", proxyId))), 400);

            assertThat(errorOf(refused, "proxies[0].proxyId")).isEqualTo("le pouvoir n° " + proxyId + " servirait pour une "
                    + "4e séance consécutive : un pouvoir ne vaut que pour 3 séances consécutives au plus, sauf maladie "
                    + "dûment constatée (article L2121-20 du CGCT)");
            assertThat(sessions.get(fourth.id()).status()).isEqualTo(SessionStatus.CONVENED);
            assertThat(read(() -> sessions.get(fourth.id()).attendance())).isEmpty();

            // a new written proxy from the same giver serves
            JsonNode renewed = call(put("/api/sessions/" + fourth.id() + "/attendance"),
                    sheet(30, List.of(Map.of("fromId", giver, "toId", holder))), 200);
            assertThat(renewed.path("proxies").asInt()).isEqualTo(1);
            assertThat(read(() -> sessions.get(fourth.id()).attendance().stream().filter(a -> giver.equals(a.memberId()))
                    .findFirst().orElseThrow().proxyId())).isNotEqualTo(proxyId);
        }

        @Test
        void theRegisterRefusesMoreThanThreeSeancesWithoutIllness() throws Exception {
            JsonNode refused = call(post("/api/proxies"), Map.of("body", "BUREAU", "fromId", bureau.get(40),
                    "toId", bureau.get(0), "signedOn", "2042-01-02", "sessions", 4), 400);
            assertThat(errorOf(refused, "sessions")).contains("1 à 3 séances consécutives (article L2121-20 du CGCT)");

            JsonNode illness = call(post("/api/proxies"), Map.of("body", "BUREAU", "fromId", bureau.get(40),
                    "toId", bureau.get(0), "signedOn", "2042-01-02", "illness", true), 201);
            assertThat(illness.path("illness").asBoolean()).isTrue();
            assertThat(illness.path("sessions").isNull()).isTrue();
            JsonNode revoked = call(post("/api/proxies/" + illness.path("id").asLong() + "/revocation"),
                    Map.of("on", "2042-03-01"), 200);
            assertThat(revoked.path("revokedOn").asText()).isEqualTo("2042-03-01");
        }
    }

    /** L2121-17: without quorum, convened again at least three days later; that séance deliberates without quorum. */
    @Nested
    class ConvenedAgain {

        @Test
        void aSeanceWithoutQuorumIsConvenedAgainAndTheNewOneDeliberatesWithoutQuorum() throws Exception {
            SubsidyRequest request = request();
            AssemblySession first = seance(LocalDate.of(2043, 3, 10), request);
            clock.set(first.sessionDate());
            JsonNode opened = call(put("/api/sessions/" + first.id() + "/attendance"), sheet(21, List.of()), 200);
            assertThat(opened.path("quorumReached").asBoolean()).isFalse();
            assertThat(vote(first, request, 409).path("detail").asText()).contains("Quorum non atteint pour le point n° 1");

            JsonNode tooSoon = call(post("/api/sessions/" + first.id() + "/reconvocation"),
                    Map.of("date", "2043-03-12", "convocationSentOn", "2043-03-10"), 400);
            assertThat(errorOf(tooSoon, "date")).isEqualTo("la nouvelle séance se tient à trois jours au moins d'intervalle "
                    + "de la séance du 10 mars 2043, soit le 13 mars 2043 au plus tôt (article L2121-17 du CGCT)");
            JsonNode sentBefore = call(post("/api/sessions/" + first.id() + "/reconvocation"),
                    Map.of("date", "2043-03-20", "convocationSentOn", "2043-03-09"), 400);
            assertThat(errorOf(sentBefore, "convocationSentOn")).contains("part après la séance restée sans quorum");
            assertThat(sessions.get(first.id()).reconvenedAsId()).isNull();

            JsonNode second = call(post("/api/sessions/" + first.id() + "/reconvocation"),
                    Map.of("date", "2043-03-20", "convocationSentOn", "2043-03-11"), 201);
            long secondId = second.path("id").asLong();
            assertThat(second.path("reconvenedFrom").asLong()).isEqualTo(first.id());
            assertThat(second.path("status").asText()).isEqualTo("PREPARATION");
            assertThat(second.path("agenda").get(0).path("reference").asText()).isEqualTo(request.reference());
            AssemblySession closed = sessions.get(first.id());
            assertThat(closed.status()).isEqualTo(SessionStatus.CLOSED);
            assertThat(closed.reconvenedAsId()).isEqualTo(secondId);
            assertThat(read(() -> sessions.get(first.id()).items().get(0).adjournedForLackOfQuorum())).isTrue();
            assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.ON_AGENDA);
            assertThat(minutesOf(first)).containsSubsequence(
                    "À l'ouverture, le quorum n'est pas atteint : 21 membres présents pour 22 requis (article L2121-17 du CGCT).",
                    "Le quorum n'étant pas atteint, l'assemblée est convoquée à nouveau pour la séance du vendredi 20 mars 2043, "
                            + "à trois jours au moins d'intervalle (article L2121-17 du CGCT).",
                    "Ajourné faute de quorum : 21 membres présents pour 22 requis (article L2121-17 du CGCT) ; reporté à la "
                            + "séance du vendredi 20 mars 2043.");
            assertThat(call(post("/api/sessions/" + first.id() + "/reconvocation"),
                    Map.of("date", "2043-03-27", "convocationSentOn", "2043-03-12"), 409).path("detail").asText())
                    .contains("n'est pas en cours");

            call(post("/api/sessions/" + secondId + "/convocation"), null, 200);
            scenarios.fileDocumentsOf(SessionService.businessKey(secondId));
            clock.set(LocalDate.of(2043, 3, 20));
            JsonNode few = call(put("/api/sessions/" + secondId + "/attendance"), sheet(10, List.of()), 200);
            assertThat(few.path("quorumReached").asBoolean()).isFalse();
            assertThat(call(post("/api/sessions/" + secondId + "/reconvocation"),
                    Map.of("date", "2043-03-27", "convocationSentOn", "2043-03-21"), 409).path("detail").asText())
                    .contains("délibère sans condition de quorum (article L2121-17 du CGCT)");

            AssemblySession again = sessions.get(secondId);
            JsonNode tally = vote(again, request, 200);
            assertThat(tally.path("for").asInt()).isEqualTo(10);
            assertThat(tally.path("outcome").asText()).isEqualTo("ADOPTED");
            assertThat(call(get("/api/sessions/" + secondId), null, 200).path("agenda").get(0).path("withoutQuorum")
                    .asBoolean()).isTrue();
            assertThat(extracts.lines(itemOf(again, request))).contains("Le quorum n'ayant pas été atteint à la séance du "
                    + "mardi 10 mars 2043, l'assemblée a été convoquée à nouveau à trois jours au moins d'intervalle ; elle "
                    + "délibère valablement sans condition de quorum (article L2121-17 du CGCT).");
        }

        @Test
        void theSeancePageOffersToConveneAgainAndOpensTheNewSeance() throws Exception {
            SubsidyRequest request = request();
            AssemblySession first = seance(LocalDate.of(2043, 9, 10), request);
            clock.set(first.sessionDate());
            call(put("/api/sessions/" + first.id() + "/attendance"), sheet(21, List.of()), 200);
            MockHttpSession page = login(mvc, "secretariat");
            String html = mvc.perform(get("/seances/" + first.id()).session(page)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).contains("id=\"reconvoquer\"", "Quorum non atteint : convoquer à nouveau l'assemblée");

            mvc.perform(post("/seances/" + first.id() + "/reconvocation").session(page).with(csrf())
                    .param("date", "2043-09-12").param("convocationSentOn", "2043-09-10"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(MockMvcResultMatchers.redirectedUrl("/seances/" + first.id()))
                    .andExpect(MockMvcResultMatchers.flash().attribute("probleme",
                            Matchers.containsString("trois jours au moins d'intervalle")));
            String next = mvc.perform(post("/seances/" + first.id() + "/reconvocation").session(page).with(csrf())
                    .param("date", "2043-09-18").param("convocationSentOn", "2043-09-11"))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

            assertThat(next).isNotEqualTo("/seances/" + first.id());
            String newPage = mvc.perform(get(next).session(page)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(newPage).contains("elle délibère sans condition de", request.reference());
        }

        @Test
        void aSeanceWithQuorumIsNotConvenedAgain() throws Exception {
            SubsidyRequest request = request();
            AssemblySession session = seance(LocalDate.of(2043, 6, 10), request);
            clock.set(session.sessionDate());
            call(put("/api/sessions/" + session.id() + "/attendance"), sheet(22, List.of()), 200);

            JsonNode refused = call(post("/api/sessions/" + session.id() + "/reconvocation"),
                    Map.of("date", "2043-06-20", "convocationSentOn", "2043-06-11"), 409);

            assertThat(refused.path("detail").asText()).isEqualTo("Le quorum est atteint (22 membres présents, il en faut 22) : "
                    + "l'assemblée peut délibérer, il n'y a pas lieu de la convoquer à nouveau.");
            assertThat(sessions.get(session.id()).reconvenedAsId()).isNull();
        }
    }
}
