package fr.subventions.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.support.ApplicationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document, fetched without logging in as anyone would, describes every /api endpoint the application maps:
 * each with its area, a French summary and its problem+json error answers, behind HTTP Basic unless it is open data.
 */
@ApplicationTest
class ApiDocumentationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        document = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        // For a look at what Swagger UI shows, or to hand to a client generator
        Files.writeString(Path.of("target", "openapi.json"),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    }

    /** "GET /api/requests/{reference}" for every method and path of every handler under /api. */
    private Set<String> apiEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("HTTP method of " + path).isNotEmpty();
                methods.forEach(method -> endpoints.add(method.name() + " " + path));
            }
        }
        return endpoints;
    }

    @Test
    void describesEveryApiEndpointWithItsErrorAnswers() {
        Set<String> endpoints = apiEndpoints();
        assertThat(endpoints).contains("POST /api/requests", "GET /api/opendata/subventions.csv")
                .isEqualTo(ApiOperations.OPERATIONS.keySet());
        SoftAssertions softly = new SoftAssertions();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            JsonNode operation = document.path("paths").path(path).path(method.toLowerCase());
            softly.assertThat(operation.isMissingNode()).as(endpoint + " documented").isFalse();
            if (operation.isMissingNode()) {
                continue;
            }
            softly.assertThat(operation.path("summary").asText()).as(endpoint + " summary").isNotBlank();
            softly.assertThat(operation.path("tags")).as(endpoint + " area").hasSize(1);
            List<String> errors = new ArrayList<>();
            operation.path("responses").fieldNames().forEachRemaining(status -> {
                if (status.startsWith("4")) {
                    errors.add(status);
                }
            });
            softly.assertThat(errors).as(endpoint + " 4xx answers").isNotEmpty().contains("400");
            for (String status : errors) {
                softly.assertThat(operation.path("responses").path(status).path("content").path("application/problem+json")
                        .path("schema").path("$ref").asText()).as(endpoint + " " + status)
                        .isEqualTo("#/components/schemas/Problem");
            }
            boolean open = path.startsWith("/api/opendata/");
            softly.assertThat(operation.path("security").toString()).as(endpoint + " security")
                    .isEqualTo(open ? "" : "[{\"basicAuth\":[]}]");
            if (!open) {
                softly.assertThat(errors).as(endpoint + " behind a login").contains("401", "403");
            }
            if (path.contains("{")) {
                softly.assertThat(errors).as(endpoint + " names a resource").contains("404");
            }
            if (!method.equals("GET")) {
                softly.assertThat(errors).as(endpoint + " changes something").contains("409");
            }
        }
        softly.assertAll();
    }

    @Test
    void describesNothingTheApplicationDoesNotServe() {
        Set<String> endpoints = apiEndpoints();
        assertThat(ApiOperations.OPERATIONS.keySet()).as("entries of ApiOperations without an endpoint")
                .allMatch(endpoints::contains);
        Set<String> documented = new TreeSet<>();
        for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            document.path("paths").path(path).fieldNames()
                    .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path));
        }
        assertThat(documented).isEqualTo(endpoints);
    }

    @Test
    void declaresHttpBasicTheProblemSchemaAndTheAreas() {
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.path("info").path("title").asText()).isEqualTo("Subventions — API");
        assertThat(document.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText())
                .isEqualTo("basic");
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").fieldNames())
                .toIterable().contains("type", "title", "status", "detail", "errors");
        assertThat(document.path("tags").findValuesAsText("name")).containsExactlyElementsOf(ApiOperations.TAGS.keySet());
        // Roles from @PreAuthorize, and the caller never asked for as a parameter
        JsonNode submit = document.path("paths").path("/api/requests").path("post");
        assertThat(submit.path("description").asText()).contains("Rôles autorisés : demandeurs");
        assertThat(submit.path("parameters").findValuesAsText("name")).containsExactly("Idempotency-Key");
        assertThat(document.toString()).doesNotContain("\"name\":\"caller\"", "\"name\":\"groups\"");
    }

    @Test
    void swaggerUiIsServedToAnyone() throws Exception {
        MockHttpServletResponse redirect = mvc.perform(get("/swagger-ui.html")).andReturn().getResponse();
        assertThat(redirect.getStatus()).isEqualTo(302);
        assertThat(redirect.getRedirectedUrl()).endsWith("/swagger-ui/index.html");
        MockHttpServletResponse page = mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("swagger-ui");
        MockHttpServletResponse config = mvc.perform(get("/v3/api-docs/swagger-config")).andReturn().getResponse();
        assertThat(config.getStatus()).isEqualTo(200);
        assertThat(config.getContentAsString()).contains("/v3/api-docs");
    }
}
