package fr.subventions.submission;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * GET /api/requests a page at a time: the body is the JSON array it always was, the total in X-Total-Count and the
 * neighbouring pages in Link; staff see every request, an applicant their own. The database is shared with the other
 * tests of the context: the expected lists are read from it.
 */
@ApplicationTest
class RequestListPagingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SubsidyRequestService requests;

    @BeforeEach
    void threeMoreSubmittedRequests() {
        for (int i = 0; i < 3; i++) {
            requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null);
        }
    }

    @Test
    void staffWalkTheRequestsOfAStatusPageByPageInTheOrderOfTheReferences() throws Exception {
        List<String> expected = jdbc.queryForList(
                "select reference from subsidy_request where status = 'SUBMITTED' order by reference", String.class);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
        int pages = (expected.size() + 1) / 2;

        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            MockHttpServletResponse response = call(get("/api/requests").param("status", "SUBMITTED")
                    .param("page", String.valueOf(page)).param("size", "2"), "instructeur");
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeader("X-Total-Count")).isEqualTo(String.valueOf(expected.size()));
            String link = response.getHeader("Link");
            assertThat(link).contains("</api/requests?status=SUBMITTED&page=1&size=2>; rel=\"first\"",
                    "</api/requests?status=SUBMITTED&page=" + pages + "&size=2>; rel=\"last\"");
            assertThat(link.contains("rel=\"next\"")).as("next on page %d of %d", page, pages).isEqualTo(page < pages);
            assertThat(link.contains("rel=\"prev\"")).as("prev on page %d", page).isEqualTo(page > 1);
            JsonNode body = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(body.isArray()).isTrue();
            assertThat(body.size()).isBetween(1, 2);
            body.forEach(line -> {
                seen.add(line.path("reference").asText());
                assertThat(line.path("status").asText()).isEqualTo("SUBMITTED");
                assertThat(line.path("applicantName").asText()).isNotBlank();
                assertThat(line.path("requestedAmount").isNumber()).isTrue();
            });
        }
        assertThat(seen).isEqualTo(expected);

        MockHttpServletResponse beyond = call(get("/api/requests").param("status", "SUBMITTED")
                .param("page", String.valueOf(pages + 1)).param("size", "2"), "instructeur");
        assertThat(beyond.getStatus()).isEqualTo(200);
        assertThat(json.readTree(beyond.getContentAsString(StandardCharsets.UTF_8))).isEmpty();
        assertThat(beyond.getHeader("X-Total-Count")).isEqualTo(String.valueOf(expected.size()));
    }

    @Test
    void withoutParametersTheFirstHundredLinesAsBeforeAndAnApplicantSeesOnlyTheirs() throws Exception {
        long all = jdbc.queryForObject("select count(*) from subsidy_request", Long.class);
        MockHttpServletResponse staff = call(get("/api/requests"), "instructeur");
        assertThat(staff.getStatus()).isEqualTo(200);
        assertThat(staff.getHeader("X-Total-Count")).isEqualTo(String.valueOf(all));
        JsonNode lines = json.readTree(staff.getContentAsString(StandardCharsets.UTF_8));
        assertThat(lines.isArray()).isTrue();
        assertThat(lines.size()).isEqualTo((int) Math.min(all, RequestController.DEFAULT_PAGE_SIZE));
        assertThat(lines.get(0).path("reference").asText()).isEqualTo(
                jdbc.queryForObject("select min(reference) from subsidy_request", String.class));

        List<String> own = jdbc.queryForList(
                "select reference from subsidy_request where submitted_by = 'demandeur' order by reference", String.class);
        MockHttpServletResponse applicant = call(get("/api/requests").param("size", "500"), "demandeur");
        assertThat(applicant.getHeader("X-Total-Count")).isEqualTo(String.valueOf(own.size()));
        List<String> listed = new ArrayList<>();
        json.readTree(applicant.getContentAsString(StandardCharsets.UTF_8))
                .forEach(line -> listed.add(line.path("reference").asText()));
        assertThat(listed).isEqualTo(own.subList(0, Math.min(own.size(), 500)));

    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(as(user))).andReturn().getResponse();
    }
}
