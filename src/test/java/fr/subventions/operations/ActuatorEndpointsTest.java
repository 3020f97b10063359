package fr.subventions.operations;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * /actuator as an IT department uses it: health and info open (the health's components to administrators only),
 * Prometheus behind HTTP Basic for camunda-admin or supervision, and the business gauges equal to what the tables and
 * the engine hold.
 */
@ApplicationTest
class ActuatorEndpointsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    Scenarios scenarios;

    @Test
    void healthIsOpenButShowsItsComponentsToAdministratorsOnly() throws Exception {
        JsonNode anonymous = body(get("/actuator/health"), 200);
        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();

        JsonNode officer = body(get("/actuator/health").with(as("instructeur")), 200);
        assertThat(officer.has("components")).isFalse();

        JsonNode admin = body(get("/actuator/health").with(as("demo")), 200);
        JsonNode components = admin.get("components");
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        JsonNode engine = components.get("processEngine");
        assertThat(engine.get("status").asText()).isEqualTo("UP");
        assertThat(engine.get("details").get("processes")).extracting(JsonNode::asText)
                .contains("subsidy-request", "bureau-session", "subsidy-payment");
        assertThat(engine.get("details").get("openIncidents").asLong()).isEqualTo(runtime.createIncidentQuery().count());
        // The test profile turns the job executor off: not a failure, said as such
        JsonNode jobs = components.get("jobExecutor");
        assertThat(jobs.get("status").asText()).isEqualTo("UP");
        assertThat(jobs.get("details").get("enabled").asBoolean()).isFalse();
        assertThat(jobs.get("details").get("active").asBoolean()).isFalse();

        assertThat(body(get("/actuator/health/liveness"), 200).get("status").asText()).isEqualTo("UP");
        assertThat(body(get("/actuator/health/readiness"), 200).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void infoGivesTheBuildVersionToAnyone() throws Exception {
        JsonNode build = body(get("/actuator/info"), 200).get("build");
        assertThat(build.get("artifact").asText()).isEqualTo("subventions");
        assertThat(build.get("version").asText()).isNotBlank().isEqualTo(projectVersion());
        assertThat(build.get("time").asText()).isNotBlank();
    }

    @Test
    void prometheusAsksForAnAdministratorOrAMonitoringAccount() throws Exception {
        MockHttpServletResponse anonymous = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getContentType()).startsWith("application/problem+json");
        assertThat(anonymous.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        // (an unknown user: a wrong password would hold a real account back for a few seconds, Camunda's login delay)
        assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("inconnu", "mauvais"))).andReturn().getResponse()
                .getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/actuator/prometheus").with(as("instructeur"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        // Endpoints not exposed stay unreachable, even to an administrator
        assertThat(mvc.perform(get("/actuator/env").with(as("demo"))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/actuator/env")).andReturn().getResponse().getStatus()).isEqualTo(401);

        if (identity.createUserQuery().userId("prometheus").count() == 0) {
            User scraper = identity.newUser("prometheus");
            scraper.setPassword("prometheus");
            identity.saveUser(scraper);
            if (identity.createGroupQuery().groupId("supervision").count() == 0) {
                Group monitoring = identity.newGroup("supervision");
                monitoring.setName("Supervision");
                identity.saveGroup(monitoring);
            }
            identity.createMembership("prometheus", "supervision");
        }
        assertThat(scrape("prometheus")).contains("jvm_memory_used_bytes", "application=\"subventions\"");
    }

    @Test
    void businessGaugesAreWhatTheTablesAndTheEngineHold() throws Exception {
        // One more request, at a stage of its own, so that the figures cannot all be zero
        String reference = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request().reference();
        scenarios.fileDocumentsOf(reference);

        String metrics = scrape("demo");
        for (RequestStatus status : RequestStatus.values()) {
            long expected = jdbc.queryForObject("select count(*) from subsidy_request where status = ?", Long.class,
                    status.name());
            assertThat(gauge(metrics, "subventions_requests", "stage", status.name())).as(status.name())
                    .isEqualTo(expected);
        }
        assertThat(gauge(metrics, "subventions_requests", "stage", "IN_INSTRUCTION")
                + gauge(metrics, "subventions_requests", "stage", "SUBMITTED")).isPositive();

        for (VoteDecision decision : VoteDecision.values()) {
            long expected = jdbc.queryForObject("select count(*) from agenda_item where decision = ?", Long.class,
                    decision.name());
            assertThat(gauge(metrics, "subventions_agenda_items_decided", "decision", decision.name())).isEqualTo(expected);
        }

        Arrays.stream(DocumentType.values()).filter(DocumentType::generated).forEach(type -> {
            // a .docx and its PDF/A rendition are one document produced
            long expected = jdbc.queryForObject("select count(*) from request_document where type = ? and media_type <> "
                    + "'application/pdf'", Long.class, type.name());
            assertThat(gauge(metrics, "subventions_documents_generated", "type", type.name())).as(type.name())
                    .isEqualTo(expected);
        });
        assertThat(gauge(metrics, "subventions_documents_generated", "type", "ACKNOWLEDGEMENT")).isPositive();
        // Uploaded pieces are not generated documents
        assertThat(metrics).doesNotContain("type=\"STATUTS\"");

        assertThat(gauge(metrics, "subventions_incidents_open", null, null)).isEqualTo(runtime.createIncidentQuery().count());

        BigDecimal committed = jdbc.queryForObject("select sum(committed) from budget_line where fiscal_year = 2025",
                BigDecimal.class);
        BigDecimal voted = jdbc.queryForObject("select sum(voted) from budget_line where fiscal_year = 2025", BigDecimal.class);
        assertThat(gauge(metrics, "subventions_budget_committed_euros", "fiscal_year", "2025")).isEqualTo(committed.doubleValue());
        assertThat(gauge(metrics, "subventions_budget_voted_euros", "fiscal_year", "2025")).isEqualTo(voted.doubleValue())
                .isPositive();
        assertThat(metrics).contains("subventions_budget_reserved_euros{");
    }

    private String scrape(String user) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/actuator/prometheus").with(as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The value of a gauge's line, found by one tag (or the only line of an untagged gauge). */
    static double gauge(String metrics, String name, String tag, String value) {
        Pattern line = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$");
        Matcher matcher = line.matcher(metrics);
        while (matcher.find()) {
            if (tag == null || ("," + matcher.group(1) + ",").contains("," + tag + "=\"" + value + "\",")) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        throw new AssertionError("no line " + name + " with " + tag + "=" + value + " in:\n" + metrics);
    }

    private JsonNode body(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static String projectVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>subventions</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(version.find()).isTrue();
        return version.group(1);
    }
}
