package fr.subventions.collaboration;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.shared.Caller;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Refusals;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The thread of a request through the API, on the whole application: its applicant and staff write and read it, nobody
 * else; an officer's question makes the request wait for the applicant's answer; files are checked as every upload is
 * and filed with their message; a closed request keeps its thread and takes no message; nothing edits or deletes one.
 */
@ApplicationTest
class MessagesTest {

    static final Caller OFFICER = new Caller("instructeur", Set.of(Caller.OFFICERS));
    static final Caller APPLICANT = Scenarios.APPLICANT;

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApiJourney api;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    Scenarios scenarios;
    @Autowired
    Messages messages;
    @Autowired
    Refusals refusals;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @BeforeEach
    void applicantB() {
        DemoUsers.ensure(identity, "demandeur2", "Autre", "Demandeur", Caller.APPLICANTS);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    SubsidyRequest filed() {
        SubsidyRequest request = requests.submit(SeedRequests.of(SeedRequests.Beneficiary.newAssociation(), 2025,
                new BigDecimal("9000")), APPLICANT, null).request();
        scenarios.fileDocumentsOf(request.reference());
        return request;
    }

    JsonNode write(String user, String reference, Map<String, Object> body) throws Exception {
        MockHttpServletResponse response = api.call(user, post("/api/requests/" + reference + "/messages")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(body)));
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return api.read(response);
    }

    JsonNode thread(String user, String reference) throws Exception {
        return api.ok(api.call(user, get("/api/requests/" + reference + "/messages")));
    }

    @Test
    void theApplicantAndStaffWriteOnOneThreadWhichNobodyElseReads() throws Exception {
        String reference = filed().reference();
        clock.set(Instant.parse("2026-03-02T08:30:00Z"));
        JsonNode asked = write("demandeur", reference, Map.of("text", "  Bonjour,\n\noù en est notre demande ?  "));
        assertThat(asked.path("side").asText()).isEqualTo("APPLICANT");
        assertThat(asked.path("author").asText()).isEqualTo("demandeur");
        assertThat(asked.path("authorName").asText()).isNotBlank();
        assertThat(asked.path("text").asText()).as("trimmed, its lines kept").isEqualTo("Bonjour,\n\noù en est notre demande ?");
        assertThat(asked.path("sentAt").asText()).isEqualTo("2026-03-02T08:30:00Z");
        assertThat(asked.path("question").asBoolean()).isFalse();
        assertThat(asked.path("attachments")).isEmpty();

        clock.set(Instant.parse("2026-03-02T14:00:00Z"));
        JsonNode answer = write("instructeur", reference, Map.of("text", "Elle est en cours de vérification. Pouvez-vous "
                + "nous transmettre le RIB ?", "question", true));
        assertThat(answer.path("side").asText()).isEqualTo("STAFF");
        assertThat(answer.path("author").asText()).isEqualTo("instructeur");
        assertThat(answer.path("question").asBoolean()).isTrue();

        for (String reader : List.of("demandeur", "instructeur", "secretariat", "finances", "demo")) {
            JsonNode read = thread(reader, reference);
            assertThat(read).as(reader).hasSize(2);
            assertThat(read.get(0).path("id").asLong()).isEqualTo(asked.path("id").asLong());
            assertThat(read.get(1).path("id").asLong()).isEqualTo(answer.path("id").asLong());
        }
        refusals.refused(get("/api/requests/" + reference + "/messages").with(as("demandeur2")), 404);
        refusals.refused(post("/api/requests/" + reference + "/messages").with(as("demandeur2"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Je ne suis pas le demandeur.\"}"), 404);
    }

    @Test
    void anOfficersQuestionMakesTheRequestWaitUntilTheApplicantAnswers() throws Exception {
        String reference = filed().reference();
        write("instructeur", reference, Map.of("text", "Pour information, le dossier est reçu."));
        assertThat(messages.thread(reference, OFFICER, id -> "").awaitingReplySince()).as("no question").isNull();

        clock.set(Instant.parse("2026-04-07T07:15:00Z"));
        write("instructeur", reference, Map.of("text", "Quel est le nombre de participants attendus ?", "question", true));
        Messages.Thread waiting = messages.thread(reference, APPLICANT, id -> "");
        assertThat(waiting.awaitingReplySince()).isEqualTo(LocalDateTime.of(2026, 4, 7, 9, 15));
        // a second question leaves the wait dated from the first
        clock.set(Instant.parse("2026-04-09T07:15:00Z"));
        write("secretariat", reference, Map.of("text", "Et la date de l'événement ?", "question", true));
        assertThat(messages.thread(reference, OFFICER, id -> "").awaitingReplySince())
                .isEqualTo(LocalDateTime.of(2026, 4, 7, 9, 15));

        clock.set(Instant.parse("2026-04-10T07:15:00Z"));
        write("demandeur", reference, Map.of("text", "Environ 120 personnes, le 14 juin."));
        assertThat(messages.thread(reference, OFFICER, id -> "").awaitingReplySince()).as("answered").isNull();

        // the applicant may not ask the authority for an answer
        refusals.refused(post("/api/requests/" + reference + "/messages").with(as("demandeur"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Répondez vite.\", \"question\": true}"),
                400, "question");
    }

    @Test
    void aWithdrawnRequestKeepsItsThreadReadableTakesNoNewMessageAndWaitsForNothing() throws Exception {
        String reference = filed().reference();
        write("instructeur", reference, Map.of("text", "Merci de préciser le budget.", "question", true));
        api.withdraw(reference);

        JsonNode read = thread("demandeur", reference);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).path("text").asText()).isEqualTo("Merci de préciser le budget.");
        assertThat(messages.thread(reference, OFFICER, id -> "").awaitingReplySince()).as("a closed request waits for "
                + "nothing").isNull();
        assertThat(messages.thread(reference, OFFICER, id -> "").open()).isFalse();
        JsonNode problem = refusals.refused(post("/api/requests/" + reference + "/messages").with(as("demandeur"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Je voulais ajouter…\"}"), 409);
        assertThat(problem.path("detail").asText()).contains("est close", "restent consultables");
        refusals.refused(post("/api/requests/" + reference + "/messages").with(as("instructeur"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Dossier classé.\"}"), 409);
    }

    @Test
    void filesAreCheckedAsEveryUploadAndFiledWithTheirMessageForBothSides() throws Exception {
        String reference = filed().reference();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        MockHttpServletResponse sent = api.call("demandeur", multipart("/api/requests/" + reference + "/messages")
                .file(new MockMultipartFile("files", "budget signé.pdf", "application/pdf", Scenarios.PDF))
                .file(new MockMultipartFile("files", "../../photo.png", "image/png", png))
                .param("text", "Voici le budget signé et une photo du local."));
        assertThat(sent.getStatus()).as(sent.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        JsonNode message = api.read(sent);
        JsonNode files = message.path("attachments");
        assertThat(files).hasSize(2);
        assertThat(files.get(0).path("name").asText()).isEqualTo("budget signé.pdf");
        assertThat(files.get(0).path("type").asText()).isEqualTo("application/pdf");
        assertThat(files.get(0).path("size").asLong()).isEqualTo(Scenarios.PDF.length);
        assertThat(files.get(1).path("name").asText()).as("no path").isEqualTo("photo.png");
        assertThat(files.get(1).path("type").asText()).isEqualTo("image/png");
        String link = files.get(0).path("link").asText();
        assertThat(link).isEqualTo("/api/documents/" + files.get(0).path("id").asLong() + "/content");
        for (String reader : List.of("demandeur", "instructeur")) {
            MockHttpServletResponse download = api.call(reader, get(link));
            assertThat(download.getStatus()).isEqualTo(200);
            assertThat(download.getContentAsByteArray()).isEqualTo(Scenarios.PDF);
        }
        assertThat(api.call("demandeur2", get(link)).getStatus()).isEqualTo(404);
        JsonNode documents = api.ok(api.call("demandeur", get("/api/requests/" + reference + "/documents")));
        assertThat(documents.findValuesAsText("type")).contains("MESSAGE_ATTACHMENT");
        assertThat(documents.findValuesAsText("label")).contains("Pièce jointe à un message");

        // staff join files too, with the same checks; a refused file refuses the message, and nothing is filed
        MockHttpServletResponse staff = api.call("instructeur", multipart("/api/requests/" + reference + "/messages")
                .file(new MockMultipartFile("files", "modele-budget.pdf", "application/pdf", Scenarios.PDF))
                .param("text", "Voici le modèle.").param("question", "true"));
        assertThat(staff.getStatus()).isEqualTo(201);
        assertThat(api.read(staff).path("question").asBoolean()).isTrue();
        JsonNode refused = refusals.refused(multipart("/api/requests/" + reference + "/messages")
                .file(new MockMultipartFile("files", "rib.pdf", "application/pdf", Scenarios.PDF))
                .file(new MockMultipartFile("files", "facture.pdf", "application/pdf",
                        new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0}))
                .param("text", "Le RIB et la facture.").with(as("demandeur")), 400, "files");
        assertThat(refused.path("errors").get(0).path("message").asText()).contains("« facture.pdf »", "format non accepté");
        assertThat(thread("demandeur", reference)).hasSize(2);

        // a message's attachment comes with its message only
        refusals.refused(multipart("/api/requests/" + reference + "/documents")
                .file(new MockMultipartFile("file", "seul.pdf", "application/pdf", Scenarios.PDF))
                .param("type", "MESSAGE_ATTACHMENT").with(as("demandeur")), 400, "type");
    }

    @Test
    void noEndpointEditsOrDeletesAMessage() throws Exception {
        String reference = filed().reference();
        JsonNode message = write("demandeur", reference, Map.of("text", "Texte d'origine."));
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPatternValues().stream().anyMatch(p -> p.contains("/messages"))) {
                assertThat(info.getMethodsCondition().getMethods()).as(info.toString())
                        .allMatch(m -> m.name().equals("GET") || m.name().equals("POST"));
                assertThat(info.getPatternValues()).as(info.toString()).allMatch(p -> p.endsWith("/messages"));
            }
        });
        String one = "/api/requests/" + reference + "/messages/" + message.path("id").asLong();
        for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            for (String path : List.of(one, "/api/requests/" + reference + "/messages")) {
                MockHttpServletResponse response = mvc.perform(request(method, path).with(as("instructeur"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Texte changé.\"}"))
                        .andReturn().getResponse();
                assertThat(response.getStatus()).as(method + " " + path).isIn(404, 405);
            }
        }
        assertThat(jdbc.queryForObject("select text from request_message where id = ?", String.class,
                message.path("id").asLong())).isEqualTo("Texte d'origine.");
        assertThat(thread("instructeur", reference).get(0).path("text").asText()).isEqualTo("Texte d'origine.");
    }

    @Test
    void aMessageCountsItsCharactersAndRefusesControlCharacters() throws Exception {
        String reference = filed().reference();
        write("demandeur", reference, Map.of("text", "m".repeat(Messages.MAX_TEXT)));
        write("demandeur", reference, Map.of("text", "<script>alert(1)</script> ' OR 1=1 -- 🙂"));
        refusals.refused(post("/api/requests/" + reference + "/messages").with(as("demandeur"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"" + "m".repeat(Messages.MAX_TEXT + 1) + "\"}"),
                400, "text");
        refusals.refused(post("/api/requests/" + reference + "/messages").with(as("demandeur"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"a\\u0007b\"}"), 400, "text");
        assertThat(thread("demandeur", reference).get(1).path("text").asText())
                .isEqualTo("<script>alert(1)</script> ' OR 1=1 -- 🙂");
    }
}
