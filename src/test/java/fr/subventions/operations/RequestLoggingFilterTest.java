package fr.subventions.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which URLs name a request or a séance, and an MDC left clean after every HTTP request. */
class RequestLoggingFilterTest {

    final RequestLoggingFilter filter = new RequestLoggingFilter();

    /** The MDC keys as the rest of the chain sees them. */
    Map<String, String> seenFor(String method, String uri) throws Exception {
        Map<String, String> seen = new HashMap<>();
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            seen.put("reference", MDC.get("reference"));
            seen.put("session", MDC.get("session"));
        });
        assertThat(MDC.get("reference")).as("left after " + uri).isNull();
        assertThat(MDC.get("session")).as("left after " + uri).isNull();
        return seen;
    }

    @Test
    void takesTheReferenceOfARequestsUrls() throws Exception {
        assertThat(seenFor("GET", "/api/requests/SUB-2025-0042")).containsEntry("reference", "SUB-2025-0042")
                .containsEntry("session", null);
        assertThat(seenFor("POST", "/api/requests/SUB-2025-0042/convention/signatures"))
                .containsEntry("reference", "SUB-2025-0042");
        assertThat(seenFor("POST", "/portail/demandes/SUB-2025-0042/pieces")).containsEntry("reference", "SUB-2025-0042");
        assertThat(seenFor("GET", "/portail/demandes/SUB-2025-0042")).containsEntry("reference", "SUB-2025-0042");
    }

    @Test
    void takesTheSéanceAndItsItemsReference() throws Exception {
        assertThat(seenFor("PUT", "/api/sessions/12/attendance")).containsEntry("session", "12")
                .containsEntry("reference", null);
        assertThat(seenFor("POST", "/api/sessions/12/items/SUB-2025-0003/vote")).containsEntry("session", "12")
                .containsEntry("reference", "SUB-2025-0003");
        assertThat(seenFor("POST", "/seances/12/points/SUB-2025-0003/vote")).containsEntry("session", "12")
                .containsEntry("reference", "SUB-2025-0003");
        assertThat(seenFor("GET", "/seances/12")).containsEntry("session", "12");
    }

    @Test
    void leavesOtherUrlsAndForgedValuesAlone() throws Exception {
        for (String uri : new String[] {"/api/requests", "/portail/demandes/nouvelle", "/portail/documents/3",
                "/seances/documents/5", "/api/sessions", "/api/documents/4/content", "/camunda/app/tasklist/",
                "/api/requests/%0AFAUX", "/api/requests/" + "A".repeat(41), "/api/sessions/douze"}) {
            assertThat(seenFor("GET", uri)).as(uri).containsEntry("reference", null).containsEntry("session", null);
        }
    }

    @Test
    void clearsWhatAnythingSetMeanwhileEvenOnFailure() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/requests/SUB-2025-0042/withdrawal");
        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            MDC.put("session", "7");
            throw new ServletException("échec");
        })).isInstanceOf(ServletException.class);
        assertThat(MDC.get("reference")).isNull();
        assertThat(MDC.get("session")).isNull();
    }
}
