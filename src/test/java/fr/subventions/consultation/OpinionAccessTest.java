package fr.subventions.consultation;

import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.consultation.OpinionQuestion.Asked;
import fr.subventions.consultation.OpinionQuestion.Upload;
import fr.subventions.mail.Mails;
import fr.subventions.mail.OutboxSender;
import fr.subventions.shared.Caller;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.support.TestSmtpServer;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who sees the opinions asked of other services, through the real filter chain: a confidential opinion — its question,
 * its answer and the files sent with it — is hidden from another expert consulted on the same request, and seen by the
 * officers, its asker and the one asked; no opinion, question or file sent with one ever reaches the applicant, on
 * the portal, through the applicant's API, in the exports or in any e-mail they receive. The instruction report says
 * which opinions were asked, given or missing. On fiscal year 2036, each test with an applicant address of its own.
 */
@ApplicationTest
class OpinionAccessTest {

    static final int YEAR = 2036;
    private static final AtomicInteger NEXT = new AtomicInteger(new Random().nextInt(100_000));

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiJourney api;
    @Autowired
    MutableClock clock;
    @Autowired
    OpinionService opinions;
    @Autowired
    TestSmtpServer smtp;
    @Autowired
    OutboxSender sender;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;

    String domain;
    String reference;
    /** Words no other test writes: found anywhere, they are this test's question or opinion. */
    String tag;

    @BeforeEach
    void fileARequest() throws Exception {
        clock.set(LocalDate.of(YEAR, 2, 2));
        int n = NEXT.incrementAndGet();
        domain = "asso-avis-" + n + ".example";
        tag = "Zorglub" + n;
        reference = api.file(request());
        api.complete(reference);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aConfidentialOpinionIsHiddenFromAnotherExpertConsulted() throws Exception {
        JsonNode confidential = ask(Map.of("group", "finances", "question", "Question confidentielle " + tag,
                "dueOn", LocalDate.of(YEAR, 2, 20).toString(), "confidential", true)).get(0);
        JsonNode open = ask(Map.of("user", "secretariat", "question", "Question ouverte " + tag,
                "dueOn", LocalDate.of(YEAR, 2, 20).toString())).get(0);
        assertThat(confidential.get("confidential").asBoolean()).isTrue();
        assertThat(confidential.get("askedOf").get("label").asText()).isEqualTo("Direction des finances");
        assertThat(confidential.get("state").asText()).isEqualTo("ASKED");
        assertThat(open.get("askedOf").get("user").asText()).isEqualTo("secretariat");
        assertThat(open.get("askedOf").get("label").asText()).isEqualTo("Paul Secrétariat des assemblées");
        // a file sent with the confidential question
        Long attachment = uploadWithConfidentialQuestion();

        api.postJson("finances", "/api/opinions/" + confidential.get("id").asLong(),
                Map.of("verdict", "RESERVED", "text", "Réserves confidentielles " + tag));

        // the other expert consulted sees their own request, not the confidential one
        assertThat(ids(listAs("secretariat"))).contains(open.get("id").asLong())
                .doesNotContain(confidential.get("id").asLong());
        assertThat(api.call("secretariat", get("/api/requests/" + reference + "/opinions"))
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("confidentielle " + tag, "Réserves");
        assertThat(page("secretariat")).contains("Question ouverte " + tag).doesNotContain("confidentielle " + tag,
                "Réserves confidentielles");
        assertThat(documentStatus("secretariat", attachment)).isEqualTo(404);
        assertThat(api.call("secretariat", get("/api/documents/" + attachment + "/content")).getStatus()).isEqualTo(404);
        assertThat(api.call("secretariat", get("/api/requests/" + reference + "/documents"))
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("OPINION_ATTACHMENT");
        // the one asked, the officers (its asker among them) see it all
        for (String user : List.of("finances", "instructeur")) {
            assertThat(ids(listAs(user))).as(user).contains(open.get("id").asLong(), confidential.get("id").asLong());
            assertThat(page(user)).as(user).contains("Question confidentielle " + tag, "Réserves confidentielles " + tag,
                    "Favorable avec réserves");
            assertThat(documentStatus(user, attachment)).as(user).isEqualTo(200);
        }
        JsonNode given = find(listAs("instructeur"), confidential.get("id").asLong());
        assertThat(given.get("state").asText()).isEqualTo("GIVEN");
        assertThat(given.get("verdict").asText()).isEqualTo("RESERVED");
        assertThat(given.get("givenBy").asText()).isEqualTo("finances");
        assertThat(given.get("givenLate").asBoolean()).isFalse();
    }

    @Test
    void noOpinionNorItsQuestionEverReachesTheApplicant() throws Exception {
        JsonNode asked = ask(Map.of("group", "finances", "question", "Question au service " + tag,
                "dueOn", LocalDate.of(YEAR, 2, 20).toString())).get(0);
        Long attachment = uploadWithConfidentialQuestion();
        api.postJson("finances", "/api/opinions/" + asked.get("id").asLong(),
                Map.of("verdict", "UNFAVORABLE", "text", "Avis défavorable " + tag));
        api.settle(reference);

        // the applicant's API
        assertThat(api.call("demandeur", get("/api/requests/" + reference + "/opinions")).getStatus()).isEqualTo(404);
        DemoUsers.ensure(identity, "demandeur2", "Autre", "Demandeur", Caller.APPLICANTS);
        assertThat(api.call("demandeur2", get("/api/requests/" + reference + "/opinions")).getStatus()).isEqualTo(404);
        for (String path : List.of("/api/requests/" + reference, "/api/requests/" + reference + "/documents",
                "/api/requests?page=1&size=500")) {
            MockHttpServletResponse answer = api.call("demandeur", get(path));
            assertThat(answer.getStatus()).as(path).isEqualTo(200);
            assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).as(path).doesNotContain(tag, "OPINION_ATTACHMENT");
        }
        assertThat(api.call("demandeur", get("/api/documents/" + attachment + "/content")).getStatus()).isEqualTo(404);
        // the portal
        MockHttpSession applicant = login(mvc, "demandeur");
        MockHttpServletResponse portal = mvc.perform(get("/portail/demandes/" + reference).session(applicant)).andReturn()
                .getResponse();
        assertThat(portal.getStatus()).isEqualTo(200);
        assertThat(portal.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(tag, "Pièce jointe à une demande d'avis",
                "Direction des finances");
        assertThat(mvc.perform(get("/portail/documents/" + attachment).session(applicant)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(portal.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(">Pièce jointe à une demande d'avis<");
        // the exports are staff's
        assertThat(api.call("demandeur", get("/api/exports/requests.xlsx")).getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/gestion/export.csv").session(applicant)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        // the e-mails: the applicant's addresses receive their request's messages, never an opinion's
        drain();
        List<Mails> received = new ArrayList<>();
        smtp.receivedBy("contact@" + domain).stream().map(Mails::read).forEach(received::add);
        assertThat(received).as("the applicant's acknowledgement at least").isNotEmpty();
        smtp.receivedBy("demandeur@demo.invalid").stream().map(Mails::read).forEach(received::add);
        for (Mails mail : received) {
            assertThat(mail.subject() + mail.text() + mail.html()).as(mail.subject()).doesNotContain(tag,
                    "Direction des finances", "avis demandé");
        }
        assertThat(jdbc.queryForList("select template_name from mail_outbox where reference = ? and recipient in (?, ?)",
                String.class, reference, "contact@" + domain, "demandeur@demo.invalid")).isNotEmpty()
                .noneMatch(template -> template.startsWith("OPINION_"));
        // while the staff concerned got theirs
        assertThat(smtp.receivedBy("finances@demo.invalid").stream().map(Mails::read).map(Mails::text))
                .anyMatch(text -> text.contains("Question au service " + tag));
        assertThat(smtp.receivedBy("instructeur@demo.invalid").stream().map(Mails::read).map(Mails::subject))
                .contains(reference + " : avis de « Direction des finances » rendu");
    }

    @Test
    void theInstructionReportSaysWhichOpinionsWereAskedGivenOrMissing() throws Exception {
        JsonNode given = ask(Map.of("group", "finances", "question", "Le budget ?", "dueOn",
                LocalDate.of(YEAR, 2, 10).toString())).get(0);
        JsonNode secret = ask(Map.of("group", "secretariat", "question", "Le calendrier ?", "dueOn",
                LocalDate.of(YEAR, 2, 10).toString(), "confidential", true)).get(0);
        ask(Map.of("user", "finances", "question", "La trésorerie ?", "dueOn", LocalDate.of(YEAR, 2, 5).toString()));
        clock.set(LocalDate.of(YEAR, 2, 4));
        api.postJson("finances", "/api/opinions/" + given.get("id").asLong(),
                Map.of("verdict", "RESERVED", "text", "Sous réserve du bilan " + tag + "."));
        api.postJson("secretariat", "/api/opinions/" + secret.get("id").asLong(),
                Map.of("verdict", "UNFAVORABLE", "text", "Texte confidentiel " + tag + "."));
        // the third is late when the officer instructs: the instruction goes on without it
        clock.set(LocalDate.of(YEAR, 2, 9));
        api.instructUnfavourably(reference);

        String report = instructionReport();
        assertThat(report).contains("Avis des services consultés",
                "3 avis demandé(s) à d'autres services : 2 donné(s), 1 manquant(s).",
                "Direction des finances – Favorable avec réserves (Inès Finances, le 4 février 2036) : Sous réserve du "
                        + "bilan " + tag + ".",
                "Secrétariat des assemblées – avis confidentiel donné par Paul Secrétariat des assemblées le 4 février"
                        + " 2036, consultable par les instructeurs sur la page du dossier.",
                "donné le 4 février 2036 par Inès Finances", "manquant : échéance dépassée", "Claire Instructrice, le 2 "
                        + "février 2036", "confidentiel")
                .doesNotContain("Texte confidentiel");
    }

    // ------------------------------------------------------------------------------------------------------------

    private JsonNode ask(Map<String, Object> body) throws Exception {
        MockHttpServletResponse answer = api.call("instructeur", post("/api/requests/" + reference + "/opinions")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(body)));
        assertThat(answer.getStatus()).as(answer.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(answer.getHeader("Location")).isEqualTo("/api/requests/" + reference + "/opinions");
        return api.read(answer);
    }

    /** A confidential question to the finance department with a file: the file's id. */
    private Long uploadWithConfidentialQuestion() {
        List<OpinionView> asked = opinions.ask(reference, new OpinionQuestion(List.of(new Asked(Recipient.user("finances"),
                "user")), "user", "Voyez la note jointe " + tag, LocalDate.of(YEAR, 2, 25), true, List.of(),
                List.of(new Upload("note-" + tag + ".pdf", Scenarios.PDF))), new Caller("instructeur", Set.of(Caller.OFFICERS)));
        return asked.get(0).documentIds().get(0);
    }

    private JsonNode listAs(String user) throws Exception {
        return api.ok(api.call(user, get("/api/requests/" + reference + "/opinions")));
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(o -> ids.add(o.get("id").asLong()));
        return ids;
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode o : list) {
            if (o.get("id").asLong() == id) {
                return o;
            }
        }
        throw new AssertionError("no opinion " + id);
    }

    private String page(String user) throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/gestion/demandes/" + reference).session(login(mvc, user)))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return page.getContentAsString(StandardCharsets.UTF_8);
    }

    private int documentStatus(String user, Long id) throws Exception {
        return mvc.perform(get("/gestion/documents/" + id + "/telechargement").session(login(mvc, user))).andReturn()
                .getResponse().getStatus();
    }

    private String instructionReport() throws Exception {
        for (JsonNode document : api.ok(api.call("instructeur", get("/api/requests/" + reference + "/documents")))) {
            if (document.get("type").asText().equals("INSTRUCTION_REPORT") && document.get("filename").asText()
                    .endsWith(".docx")) {
                byte[] docx = api.call("instructeur", get("/api/documents/" + document.get("id").asLong() + "/content"))
                        .getContentAsByteArray();
                try (XWPFDocument report = new XWPFDocument(new ByteArrayInputStream(docx));
                        XWPFWordExtractor text = new XWPFWordExtractor(report)) {
                    return text.getText();
                }
            }
        }
        throw new AssertionError("no instruction report for " + reference);
    }

    private void drain() {
        for (int run = 0; run < 100; run++) {
            OutboxSender.Run done = sender.sendDue();
            if (done.sent() + done.failed() + done.postponed() == 0) {
                return;
            }
        }
        throw new AssertionError("the outbox keeps having messages due");
    }

    private Map<String, Object> request() {
        SeedRequests.Beneficiary b = SeedRequests.Beneficiary.newAssociation();
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("name", "Association Les Avis du Lac");
        applicant.put("siret", b.siret());
        applicant.put("rna", b.rna());
        applicant.put("legalForm", "ASSOCIATION");
        applicant.put("address", "3 rue du Lac, 21000 Dijon");
        applicant.put("email", "contact@" + domain);
        applicant.put("representative", "Paul Renard");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("applicant", applicant);
        request.put("title", "Fablab de quartier");
        request.put("description", "Une action sur le territoire de Dijon Métropole.");
        request.put("theme", SeedRequests.THEME);
        request.put("fiscalYear", YEAR);
        request.put("totalBudget", new BigDecimal("25000"));
        request.put("requestedAmount", new BigDecimal("15000"));
        request.put("cofinancing", List.of(Map.of("funder", "Autofinancement", "amount", new BigDecimal("10000"))));
        return request;
    }
}
