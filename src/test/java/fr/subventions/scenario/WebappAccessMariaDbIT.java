package fr.subventions.scenario;

import static fr.subventions.support.WebClient.csrf;
import static fr.subventions.support.WebClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.HttpApi;
import fr.subventions.support.MariaDbIntegrationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.support.WebClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's webapps and what else is served under the application's port, over HTTP as a browser or a script reaches
 * them, with Camunda authorizations on: who may log into Tasklist, Cockpit and Admin; what an officer logged into
 * Tasklist can and cannot do through the webapps' own API; and the engine's REST API, which is not deployed.
 */
class WebappAccessMariaDbIT extends MariaDbIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    DocumentService documents;

    @Test
    void theEngineRestApiIsNotServed() throws Exception {
        WebClient anonymous = browser();
        WebClient admin = browser();
        for (String path : List.of("/engine-rest/engine", "/engine-rest/process-definition", "/engine-rest/user",
                "/engine-rest/task", "/rest/engine", "/camunda/engine-rest/engine")) {
            assertThat(anonymous.send("GET", path, null, null).statusCode()).as(path).isEqualTo(404);
            assertThat(admin.basic("demo", "demo").send("GET", path, null, null).statusCode()).as(path + " as demo").isEqualTo(404);
        }
        // a write is stopped earlier still, by the pages' CSRF protection, and would find nothing behind it
        assertThat(admin.basic("demo", "demo").send("POST", "/engine-rest/user/create", "{\"profile\": {\"id\": \"intrus\"}, "
                + "\"credentials\": {\"password\": \"intrus\"}}", "application/json").statusCode()).isIn(403, 404);
        assertThat(identity.createUserQuery().userId("intrus").count()).isZero();
    }

    @Test
    void staffLogIntoTasklistOnlyAndTheAdministratorIntoEverything() throws Exception {
        Map<String, List<String>> allowed = Map.of(
                "instructeur", List.of("tasklist"),
                "secretariat", List.of("tasklist"),
                "finances", List.of("tasklist"),
                "demandeur", List.of(),
                "demo", List.of("tasklist", "cockpit", "admin"));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<String>> user : allowed.entrySet()) {
            for (String app : List.of("tasklist", "cockpit", "admin")) {
                int status = browser().loginToWebapp(user.getKey(), user.getKey(), app).statusCode();
                boolean expected = user.getValue().contains(app);
                if (expected != (status == 200)) {
                    wrong.add(user.getKey() + " → " + app + ": " + status);
                }
                if (!expected && status != 403) {
                    wrong.add(user.getKey() + " → " + app + ": " + status + " (403 expected)");
                }
            }
        }
        assertThat(wrong).as("logins answered otherwise than expected").isEmpty();
    }

    @Test
    void aPortalAccountOpensNoWebapp() throws Exception {
        WebClient browser = browser();
        String form = browser.send("GET", "/inscription", null, null).body();
        HttpResponse<String> created = browser.send("POST", "/inscription", form(Map.of("_csrf", csrf(form),
                "username", "asso-webapps", "password", "douze caractères", "confirmation", "douze caractères",
                "firstName", "Léa", "lastName", "Martin", "email", "lea@webapps.example")), "application/x-www-form-urlencoded");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            assertThat(browser().loginToWebapp("asso-webapps", "douze caractères", app).statusCode()).as(app).isIn(401, 403);
        }
        // but the API knows the account
        assertThat(browser().basic("asso-webapps", "douze caractères").send("GET", "/api/requests", null, null)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anOfficerInTasklistSeesTheirGroupsTasksAndCannotRaiseTheirRights() throws Exception {
        String reference = requests.submit(SeedRequests.ofNumerique(2024), Scenarios.APPLICANT, null).request().reference();
        WebClient officer = browser();
        assertThat(officer.loginToWebapp("instructeur", "instructeur", "tasklist").statusCode()).isEqualTo(200);
        SeedCaseMariaDbIT.await("the completeness task of " + reference, () -> taskCount(officer, reference) == 1);

        WebClient secretariat = browser();
        assertThat(secretariat.loginToWebapp("secretariat", "secretariat", "tasklist").statusCode()).isEqualTo(200);
        assertThat(taskCount(secretariat, reference)).as("secretariat sees the officers' task").isZero();

        JsonNode filters = json.readTree(officer.send("GET", "/camunda/api/engine/engine/default/filter", null, null).body());
        assertThat(filters.findValuesAsText("name")).containsExactlyInAnyOrder("Instruction", "Mes tâches", "Avis à donner");

        String engine = "/camunda/api/engine/engine/default";
        List<String> escalations = new ArrayList<>();
        check(escalations, officer.send("PUT", engine + "/group/camunda-admin/members/instructeur", null, null), 403);
        check(escalations, officer.send("PUT", engine + "/group/finances/members/instructeur", null, null), 403);
        check(escalations, officer.send("POST", engine + "/authorization/create", "{\"type\": 1, \"permissions\": [\"ACCESS\"], "
                + "\"userId\": \"instructeur\", \"resourceType\": 0, \"resourceId\": \"admin\"}", "application/json"), 403);
        check(escalations, officer.send("POST", engine + "/user/create", "{\"profile\": {\"id\": \"complice\", "
                + "\"firstName\": \"C\", \"lastName\": \"C\", \"email\": \"c@example.org\"}, \"credentials\": {\"password\": "
                + "\"complice-complice\"}}", "application/json"), 403);
        check(escalations, officer.send("POST", engine + "/process-definition/key/subsidy-request/start", "{}",
                "application/json"), 403);
        check(escalations, officer.send("POST", "/camunda/api/admin/setup/default/user/create", "{\"profile\": {\"id\": "
                + "\"complice\"}, \"credentials\": {\"password\": \"complice-complice\"}}", "application/json"), 403);
        assertThat(escalations).as("calls that should have been refused").isEmpty();
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId("instructeur").count()).isZero();
        assertThat(identity.createUserQuery().userId("complice").count()).isZero();
        // and still cannot open Cockpit or Admin
        assertThat(browser().loginToWebapp("instructeur", "instructeur", "cockpit").statusCode()).isEqualTo(403);
    }

    /**
     * Over HTTP the servlet container's multipart limit answers first, in French: 413 before the file is stored. The
     * file is half a megabyte above the 10 MB limit: Tomcat reads what is left of a refused request only up to its
     * swallow size (2 MB) and closes the connection beyond it, which a client still sending sees as a reset, not as the
     * answer (a reverse proxy's body limit refuses larger uploads before they reach the application).
     */
    @Test
    void anUploadAboveTheMultipartLimitIsRefusedWith413() throws Exception {
        String reference = requests.submit(SeedRequests.ofNumerique(2024), Scenarios.APPLICANT, null).request().reference();
        String boundary = "----limite";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nAUTRE\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gros.pdf\"\r\nContent-Type: application/pdf"
                + "\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + 10 * 1024 * 1024 + 512 * 1024 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        HttpRequest request = HttpApi.request("demandeur", "http://localhost:" + port + "/api/requests/" + reference + "/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("title").asText()).isEqualTo("Fichier trop volumineux");
        assertThat(documents.list(requests.byReference(reference))).noneMatch(d -> d.type() == DocumentType.AUTRE);
    }

    private static void check(List<String> wrong, HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            wrong.add(response.request().method() + " " + response.uri().getPath() + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** A browser of its own: its cookies, its session. */
    private WebClient browser() {
        return new WebClient("http://localhost:" + port, "application/json, text/html");
    }

    private int taskCount(WebClient browser, String reference) {
        try {
            HttpResponse<String> tasks = browser.send("GET", "/camunda/api/engine/engine/default/task?processInstanceBusinessKey="
                    + reference, null, null);
            assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
            return json.readTree(tasks.body()).size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
