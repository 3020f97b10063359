package fr.subventions.system;

import static fr.subventions.support.DemoUsers.as;
import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import fr.subventions.acts.Act;
import fr.subventions.acts.ActRegister;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.consultation.OpinionQuestion;
import fr.subventions.consultation.OpinionService;
import fr.subventions.consultation.Recipient;
import fr.subventions.shared.Caller;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Refusals;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the API and of the pages, called as every role, against the table of
 * {@code src/test/resources/security/authorization-matrix.txt}. The endpoints are read from Spring MVC's own mappings:
 * a new endpoint without its line in the table fails {@link #everyEndpointHasItsLine()}.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    static final List<String> ROLES = List.of("anonymous", "demandeur", "demandeur2", "instructeur", "secretariat",
            "finances", "demo");
    static final String MATRIX = "/security/authorization-matrix.txt";
    static final long UNKNOWN_ID = 999_999L;
    static final String UNKNOWN_REFERENCE = "SUB-2025-9999X";
    static final String UNKNOWN_ACT = "B2099_9999";
    static final String ACT_LINE = "2026-65-65748-90-DEVECO";

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired
    IdentityService identity;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    DocumentService documents;
    @Autowired
    SessionService sessions;
    @Autowired
    Scenarios scenarios;
    @Autowired
    Refusals refusals;
    @Autowired
    MutableClock clock;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Attendance attendance;
    @Autowired
    Voting voting;
    @Autowired
    ActRegister acts;
    @Autowired
    OpinionService opinions;

    /** One line of the table. */
    record Line(int number, String method, String pattern, String url, String body, Map<String, String> expected) {

        boolean page() {
            return !url.startsWith("/api/");
        }

        String key() {
            return method + " " + pattern;
        }
    }

    final Map<String, String> placeholders = new HashMap<>();
    final Map<String, MockHttpSession> sessionsByRole = new HashMap<>();

    @BeforeAll
    void fixtures() throws Exception {
        clock.reset();
        DemoUsers.ensure(identity, "demandeur2", "Autre", "Demandeur", Caller.APPLICANTS);
        String reference = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request().reference();
        scenarios.fileDocumentsOf(reference);
        Long document = documents.upload(reference, DocumentType.STATUTS, "statuts.pdf", Scenarios.PDF, Scenarios.APPLICANT).id();
        Long session = sessions.create(new CreateSession(AssemblyBody.BUREAU, LocalDate.of(2025, 10, 16), "Salle des séances",
                scenarios.bureauMember("REBSAMEN").id(), scenarios.bureauMember("FALCONNET").id(), LocalDate.of(2025, 10, 6))).id();
        placeholders.put("{request}", reference);
        placeholders.put("{requestId}", requests.byReference(reference).id().toString());
        placeholders.put("{document}", document.toString());
        placeholders.put("{session}", session.toString());
        placeholders.put("{member}", scenarios.bureauMember("HOAREAU").id().toString());
        placeholders.put("{unknown}", Long.toString(UNKNOWN_ID));
        placeholders.put("{unknownReference}", UNKNOWN_REFERENCE);
        placeholders.put("{opinion}", opinions.ask(reference, new OpinionQuestion(
                List.of(new OpinionQuestion.Asked(Recipient.group(Caller.FINANCE), "group")), "group",
                "Le plan de financement est-il soutenable ?", LocalDate.now(clock).plusDays(10), false, List.of(),
                List.of()), new Caller("instructeur", Set.of(Caller.OFFICERS))).get(0).id().toString());
        // applicant A's request voted in a séance: its deliberation signed, sent to the prefecture, published on /actes
        BpmnAwareTests.init(engine);
        SubsidyRequest voted = scenarios.instructedRequest(2026, ACT_LINE, 1000);
        AssemblySession sitting = scenarios.convenedSession(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 8),
                List.of(voted.reference()));
        attendance.recordAttendance(sitting.id(), scenarios.seedSheet(), "secretariat");
        voting.vote(sitting.id(), voted.reference(), CastVote.unanimous(), "secretariat");
        scenarios.fileDocumentsOf(voted.reference());
        scenarios.fileDocumentsOf(SessionService.businessKey(sitting.id()));
        Act act = acts.deliberationOf(voted.id()).orElseThrow();
        acts.publishSession(sitting.id());
        placeholders.put("{actRequest}", voted.reference());
        placeholders.put("{act}", act.number());
        placeholders.put("{unknownAct}", UNKNOWN_ACT);
        for (String role : ROLES) {
            sessionsByRole.put(role, role.equals("anonymous") ? new MockHttpSession() : login(mvc, role));
        }
    }

    @Test
    void everyEndpointHasItsLine() {
        Set<String> endpoints = endpoints();
        Set<String> lines = new LinkedHashSet<>();
        lines().forEach(line -> lines.add(line.key()));
        assertThat(endpoints).as("endpoints of the application").hasSizeGreaterThan(60);
        assertThat(lines).as("lines of %s: every endpoint has one", MATRIX).containsAll(endpoints);
        assertThat(endpoints).as("endpoints: every line of %s names one", MATRIX).containsAll(lines);
    }

    @Test
    void everyRoleGetsWhatTheMatrixSays() throws Exception {
        List<Line> lines = lines();
        Map<String, Object> before = refusals.fingerprint();
        SoftAssertions soft = new SoftAssertions();
        int calls = 0;
        for (Line line : lines) {
            for (String role : ROLES) {
                MockHttpServletResponse response = mvc.perform(call(line, role)).andReturn().getResponse();
                calls++;
                check(soft, line, role, line.expected().get(role), response);
            }
        }
        soft.assertThat(Refusals.changes(before, refusals.fingerprint())).as("what the matrix's calls changed").isEmpty();
        soft.assertAll();
        assertThat(calls).isEqualTo(lines.size() * ROLES.size());
    }

    /** The pages' forms need their CSRF token; the API, stateless with HTTP Basic, does not take the pages' session. */
    @Test
    void pagesNeedTheirCsrfTokenAndTheApiIgnoresThePagesSession() throws Exception {
        Map<String, Object> before = refusals.fingerprint();
        MockHttpServletResponse forged = mvc.perform(post("/portail/demandes/" + placeholders.get("{request}") + "/retrait")
                .session(sessionsByRole.get("demandeur")).param("reason", "retrait forgé")).andReturn().getResponse();
        assertThat(forged.getStatus()).isEqualTo(403);
        MockHttpServletResponse wrongToken = mvc.perform(post("/portail/demandes/" + placeholders.get("{request}") + "/retrait")
                .session(sessionsByRole.get("demandeur")).param("_csrf", "jeton-inventé")).andReturn().getResponse();
        assertThat(wrongToken.getStatus()).isEqualTo(403);
        MockHttpServletResponse login = mvc.perform(post("/connexion").param("username", "demandeur")
                .param("password", "demandeur")).andReturn().getResponse();
        assertThat(login.getStatus()).as("a login form posted without its token").isEqualTo(403);
        // a logged-in page session does not open the API: a forged cross-site call carries no Basic credentials
        MockHttpServletResponse api = mvc.perform(post("/api/requests/" + placeholders.get("{request}") + "/withdrawal")
                .session(sessionsByRole.get("demandeur")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(401);
        assertThat(api.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(Refusals.changes(before, refusals.fingerprint())).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------

    private void check(SoftAssertions soft, Line line, String role, String expected, MockHttpServletResponse response)
            throws IOException {
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        String what = "line " + line.number() + ": " + line.method() + " " + line.url() + " as " + role;
        switch (expected) {
            case "+" -> {
                soft.assertThat(status).as(what + " is allowed").isNotIn(401, 403);
                soft.assertThat(location == null || !location.contains("/connexion")).as(what + " is not sent to log in")
                        .isTrue();
            }
            case "login" -> {
                soft.assertThat(status).as(what + " redirects").isEqualTo(302);
                soft.assertThat(location).as(what + " is sent to log in").contains("/connexion");
            }
            default -> soft.assertThat(status).as(what + "; body: %s", response.getContentAsString(StandardCharsets.UTF_8))
                    .isEqualTo(Integer.parseInt(expected));
        }
        if (!line.page() && (status == 401 || status == 403 || status == 404)) {
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            soft.assertThat(response.getContentType()).as(what + " answers problem+json").startsWith("application/problem+json");
            soft.assertThat(Refusals.FRENCH.matcher(body).find()).as(what + " answers in French: %s", body).isTrue();
        }
    }

    private MockHttpServletRequestBuilder call(Line line, String role) {
        String url = line.url();
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            url = url.replace(placeholder.getKey(), placeholder.getValue());
        }
        HttpMethod method = HttpMethod.valueOf(line.method());
        MockHttpServletRequestBuilder call;
        if (line.body().equals("multipart")) {
            call = multipart(method, url);
        } else {
            call = request(method, url);
        }
        if (line.body().startsWith("{")) {
            call.contentType(MediaType.APPLICATION_JSON).content(line.body());
        } else if (line.body().startsWith("xml:")) {
            call.contentType(MediaType.APPLICATION_XML).content(line.body().substring("xml:".length()));
        } else if (line.body().startsWith("form:")) {
            call.contentType(MediaType.APPLICATION_FORM_URLENCODED);
            for (String field : line.body().substring("form:".length()).split("&")) {
                if (!field.isBlank()) {
                    String[] pair = field.split("=", 2);
                    call.param(pair[0], pair.length > 1 ? pair[1] : "");
                }
            }
        }
        if (line.page()) {
            call.session(sessionsByRole.get(role));
            if (method != HttpMethod.GET) {
                call.with(csrf());
            }
        } else if (!role.equals("anonymous")) {
            call.with(as(role));
        }
        return call;
    }

    /** "METHOD pattern" of every handler of the application, as Spring MVC maps it. */
    private Set<String> endpoints() {
        Set<String> endpoints = new LinkedHashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("fr.subventions")) {
                continue;
            }
            Set<String> methods = new LinkedHashSet<>();
            mapping.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            assertThat(methods).as("%s is mapped to explicit HTTP methods", mapping.getValue()).isNotEmpty();
            for (String pattern : mapping.getKey().getPatternValues()) {
                methods.forEach(m -> endpoints.add(m + " " + pattern));
            }
        }
        return endpoints;
    }

    static List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream(MATRIX)) {
            String[] text = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < text.length; i++) {
                String row = text[i].strip();
                if (row.isEmpty() || row.startsWith("#")) {
                    continue;
                }
                String[] cells = row.split("\\|");
                assertThat(cells).as("line %d of %s: %s", i + 1, MATRIX, row).hasSize(4 + ROLES.size());
                Map<String, String> expected = new LinkedHashMap<>();
                for (int r = 0; r < ROLES.size(); r++) {
                    expected.put(ROLES.get(r), cells[4 + r].strip());
                }
                lines.add(new Line(i + 1, cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip(), expected));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }
}
