package fr.subventions.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.EngineState;
import fr.subventions.support.MariaDbIntegrationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.support.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An officer works a task in Camunda Tasklist, through the webapp's own API as the browser calls it: login, the
 * task's Camunda Form, then the form's submission. Invalid input comes back with the domain's French message and
 * leaves the task open; valid input moves the request on.
 */
class TasklistMariaDbIT extends MariaDbIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    ObjectMapper json;
    @Autowired
    Scenarios scenarios;
    @Autowired
    EngineState jobs;

    /** Tasklist's page in a browser, calling the webapp's API. */
    private WebClient browser;

    @BeforeEach
    void aBrowser() {
        browser = new WebClient("http://localhost:" + port, "application/json");
    }

    @Test
    void officerChecksCompletenessInTasklist() throws Exception {
        String reference = requests.submit(SeedRequests.ofNumerique(2024), Scenarios.APPLICANT, null).request().reference();

        HttpResponse<String> login = browser.loginToWebapp("instructeur", "instructeur", "tasklist");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

        SeedCaseMariaDbIT.await(() -> "the acknowledgement is produced; the request's jobs: " + jobs.describe(reference),
                () -> requests.view(reference, Scenarios.APPLICANT).history().size() > 0);
        SeedCaseMariaDbIT.await(() -> "Tasklist shows the task: " + taskQuery(reference).body(),
                () -> taskCount(reference) == 1);
        JsonNode task = taskOf(reference);
        assertThat(task.get("name").asText()).isEqualTo("Vérifier la complétude " + reference + " — Association OF du Numérique");
        HttpResponse<String> form = browser.send("GET", "/camunda/api/engine/engine/default/task/" + task.get("id").asText()
                + "/deployed-form", null, null);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(json.readTree(form.body()).get("id").asText()).isEqualTo("check-completeness");

        HttpResponse<String> invalid = submit(task, Map.of("isComplete", bool(false), "missing", text("")));
        assertThat(invalid.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(json.readTree(invalid.body()).get("message").asText()).contains("indiquez au moins une pièce manquante");
        assertThat(taskOf(reference).get("id").asText()).isEqualTo(task.get("id").asText());
        assertThat(requests.byReference(reference).status()).isEqualTo(RequestStatus.SUBMITTED);

        // an association's request without its Contrat d'Engagement Républicain cannot be declared complete
        HttpResponse<String> withoutCommitment = submit(task, Map.of("isComplete", bool(true)));
        assertThat(withoutCommitment.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(json.readTree(withoutCommitment.body()).get("message").asText())
                .contains("sans le Contrat d'Engagement Républicain signé");
        assertThat(requests.byReference(reference).status()).isEqualTo(RequestStatus.SUBMITTED);
        scenarios.fileRepublicanCommitment(reference);

        HttpResponse<String> valid = submit(task, Map.of("isComplete", bool(true), "comment", text("Pièces conformes")));
        assertThat(valid.statusCode()).as(valid.body()).isEqualTo(204);
        assertThat(requests.byReference(reference).status()).isEqualTo(RequestStatus.IN_INSTRUCTION);
        JsonNode instruction = taskOf(reference);
        assertThat(instruction.get("taskDefinitionKey").asText()).isEqualTo("Task_InstructRequest");
        HttpResponse<String> instructionForm = browser.send("GET", "/camunda/api/engine/engine/default/task/"
                + instruction.get("id").asText() + "/deployed-form", null, null);
        assertThat(json.readTree(instructionForm.body()).get("id").asText()).isEqualTo("instruct-request");
        // a report longer than the engine's 4000-character string column, as Tasklist sends it
        HttpResponse<String> instructed = submit(instruction, Map.of("opinion", text("FAVORABLE"),
                "proposedAmount", Map.of("value", 20000, "type", "Integer"),
                "budgetLines", text("2024-65-65748-90-DEVECO = 20000"), "report", text("Exposé. ".repeat(800))));
        assertThat(instructed.statusCode()).as(instructed.body()).isEqualTo(204);
        assertThat(requests.byReference(reference).report()).hasSizeGreaterThan(4000);
    }

    private int taskCount(String reference) {
        HttpResponse<String> tasks = taskQuery(reference);
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        try {
            return json.readTree(tasks.body()).size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> taskQuery(String reference) {
        try {
            return browser.send("GET", "/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + reference, null, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode taskOf(String reference) throws Exception {
        HttpResponse<String> tasks = taskQuery(reference);
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        JsonNode list = json.readTree(tasks.body());
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private HttpResponse<String> submit(JsonNode task, Map<String, Object> variables) throws Exception {
        return browser.send("POST", "/camunda/api/engine/engine/default/task/" + task.get("id").asText() + "/submit-form",
                json.writeValueAsString(Map.of("variables", variables)), "application/json");
    }

    private static Map<String, Object> bool(boolean value) {
        return Map.of("value", value, "type", "Boolean");
    }

    private static Map<String, Object> text(String value) {
        return Map.of("value", value, "type", "String");
    }
}
