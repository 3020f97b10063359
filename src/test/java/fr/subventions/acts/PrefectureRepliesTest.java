package fr.subventions.acts;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Refusals;
import fr.subventions.support.Scenarios;
import fr.subventions.support.TestPrefecture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the prefecture sends back, through {@code POST /api/acts/acknowledgements} and through the inbox folder, on the
 * acts of a real séance: three requests voted, their deliberations signed and sent. A reply that is none — malformed,
 * an XML bomb, an external entity, over 1 Mio — or that names an unknown act is refused and changes nothing; the first
 * acknowledgement is recorded, a second is refused and the first date of receipt kept; an anomaly is shown, and the act
 * sent again, then acknowledged; the publication's date stays the first.
 *
 * <p>The séance's acts are shared by the tests, which run in order: the publication, which makes the acknowledged
 * acts executory, comes last.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrefectureRepliesTest {

    static final String LINE = "2026-65-65748-90-DEVECO";
    static final LocalDate CONVOCATION = LocalDate.of(2026, 11, 12);
    static final LocalDate SITTING = LocalDate.of(2026, 11, 19);
    static final LocalDate RECEIVED = LocalDate.of(2026, 11, 23);
    static final String UNKNOWN_ACT = "B2099_9999";
    static final String ENDPOINT = "/api/acts/acknowledgements";

    @Autowired
    ProcessEngine engine;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Scenarios scenarios;
    @Autowired
    Attendance attendance;
    @Autowired
    Voting voting;
    @Autowired
    ActRegister register;
    @Autowired
    Transmissions transmissions;
    @Autowired
    TransmissionFolders folders;
    @Autowired
    PrefectureInbox inbox;
    @Autowired
    TestPrefecture prefecture;
    @Autowired
    Refusals refusals;
    @Autowired
    MutableClock clock;

    AssemblySession session;
    /** The requests voted, and their deliberations: acknowledged (first), refused then sent again, read from the inbox. */
    final List<SubsidyRequest> voted = new ArrayList<>();
    final List<String> numbers = new ArrayList<>();
    /** A file the external entity names, whose content must never come out. */
    Path secret;
    String secretText;

    @BeforeAll
    void aSeanceVotesThreeRequests() throws IOException {
        clock.reset();
        BpmnAwareTests.init(engine);
        for (int i = 0; i < 3; i++) {
            voted.add(scenarios.instructedRequest(2026, LINE, 1000));
        }
        session = scenarios.convenedSession(CONVOCATION, SITTING, voted.stream().map(SubsidyRequest::reference).toList());
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        for (SubsidyRequest request : voted) {
            voting.vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat");
            scenarios.fileDocumentsOf(request.reference());
        }
        scenarios.fileDocumentsOf(SessionService.businessKey(session.id()));
        for (SubsidyRequest request : voted) {
            Act act = register.deliberationOf(request.id()).orElseThrow();
            assertThat(act.state()).as("%s sent to the prefecture", act.number()).isEqualTo(ActState.TRANSMITTED);
            numbers.add(act.number());
        }
        secretText = "secret-de-la-machine-" + UUID.randomUUID();
        secret = Path.of("target", "prefecture-replies", "secret.txt").toAbsolutePath();
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, secretText);
    }

    @AfterAll
    void backToTheSystemsTime() {
        clock.reset();
    }

    @Test
    @Order(1)
    void theFirstAcknowledgementIsRecordedOnceAndWhatIsNoReplyChangesNothing() throws Exception {
        String number = numbers.get(0);
        byte[] archive = packageOf(number);
        byte[] acknowledgement = prefecture.acknowledgementOf(archive, RECEIVED);

        // an act that is not ours: 404, nothing changed
        refusals.refused(reply(latin1(acknowledgement).replace(number, UNKNOWN_ACT)), 404);
        // what is no reply: 400 on the field xml, in French, nothing changed
        refusals.refused(reply(latin1(acknowledgement).substring(0, acknowledgement.length / 2)), 400, "xml");
        refusals.refused(reply(bomb(acknowledgement)), 400, "xml");
        refusals.refused(reply(oversized(acknowledgement)), 400, "xml");
        JsonNode entity = refusals.refused(reply(externalEntity(prefecture.anomalyOf(archive, RECEIVED, "Détail"))), 400,
                "xml");
        assertThat(entity.toString()).doesNotContain(secretText);
        Act untouched = register.byNumber(number);
        assertThat(untouched.state()).isEqualTo(ActState.TRANSMITTED);
        assertThat(untouched.anomalyDetail()).isNull();

        // the acknowledgement: recorded, with the IDActe the prefecture gave and its date of receipt
        JsonNode view = ok(mvc.perform(reply(acknowledgement)).andReturn().getResponse());
        assertThat(view.path("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(view.path("idActe").asText()).isEqualTo("021-242100410-20261119-" + number + "-DE");
        assertThat(view.path("acknowledgedOn").asText()).isEqualTo(RECEIVED.toString());

        // a second one, even of another date, is refused: the first date of receipt stays
        byte[] again = latin1(acknowledgement).replace("DateReception=\"" + RECEIVED + "\"",
                "DateReception=\"" + RECEIVED.plusDays(2) + "\"").getBytes(StandardCharsets.ISO_8859_1);
        JsonNode conflict = refusals.refused(reply(again), 409);
        assertThat(conflict.path("detail").asText()).contains("déjà été enregistré", RECEIVED.toString());
        refusals.refused(reply(acknowledgement), 409);
        Act acknowledged = register.byNumber(number);
        assertThat(acknowledged.state()).isEqualTo(ActState.ACKNOWLEDGED);
        assertThat(acknowledged.receivedOn()).isEqualTo(RECEIVED);
    }

    @Test
    @Order(2)
    void anAnomalyIsShownAndTheActSentAgainThenAcknowledged() throws Exception {
        SubsidyRequest request = voted.get(1);
        String number = numbers.get(1);
        String detail = "La classification matières/sous-matières n'est pas à jour (nature 003).";
        byte[] firstPackage = packageOf(number);

        JsonNode refused = ok(mvc.perform(reply(prefecture.anomalyOf(firstPackage, RECEIVED, detail))).andReturn()
                .getResponse());
        assertThat(refused.path("state").asText()).isEqualTo("ANOMALY");
        assertThat(refused.path("anomaly").asText()).isEqualTo(detail);

        // shown to the applicant who owns the request, and on the séance's page with the action to send it again
        JsonNode shown = ok(mvc.perform(get("/api/requests/" + request.reference() + "/act").with(as("demandeur")))
                .andReturn().getResponse());
        assertThat(shown.path("state").asText()).isEqualTo("ANOMALY");
        assertThat(shown.path("stateLabel").asText()).isEqualTo("Anomalie signalée par la préfecture");
        assertThat(shown.path("anomaly").asText()).isEqualTo(detail);
        String page = page("/seances/" + session.id() + "/actes");
        assertThat(page).contains(number, "Anomalie signalée par la préfecture",
                "La classification matières/sous-matières n&#39;est pas à jour (nature 003).",
                "/seances/" + session.id() + "/actes/" + number + "/transmission", "Transmettre de nouveau");

        // sent again: a new package in the outbox, the act transmitted anew
        List<Path> before = outbox();
        JsonNode sent = ok(mvc.perform(post("/api/acts/" + number + "/transmission").with(as("secretariat")))
                .andReturn().getResponse());
        assertThat(sent.path("state").asText()).isEqualTo("TRANSMITTED");
        assertThat(sent.path("anomaly").asText(null)).isNull();
        List<Path> added = new ArrayList<>(outbox());
        added.removeAll(before);
        assertThat(added).singleElement().satisfies(file -> assertThat(file.getFileName().toString()).endsWith(".tar.gz"));
        byte[] secondPackage = Files.readAllBytes(added.get(0));
        assertThat(secondPackage).isEqualTo(packageOf(number)).isNotEqualTo(firstPackage);
        List<String> files = TestPrefecture.names(secondPackage);
        assertThat(files).as("the files of the package sent again").anyMatch(name -> name.endsWith("-1-1_0.xml"))
                .anyMatch(name -> name.contains(number) && name.endsWith("_1.pdf"))
                .anyMatch(name -> name.contains(number) && name.endsWith("_2.pdf"));

        // and this time received
        JsonNode acknowledged = ok(mvc.perform(reply(prefecture.acknowledgementOf(secondPackage, RECEIVED.plusDays(1))))
                .andReturn().getResponse());
        assertThat(acknowledged.path("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.path("anomaly").asText(null)).isNull();
        assertThat(acknowledged.path("acknowledgedOn").asText()).isEqualTo(RECEIVED.plusDays(1).toString());
    }

    @Test
    @Order(3)
    void theInboxAppliesTheGoodReplyAndSetsTheBadOnesAsideWithTheirReason() throws Exception {
        byte[] first = packageOf(numbers.get(0));
        byte[] third = packageOf(numbers.get(2));
        byte[] good = prefecture.acknowledgementOf(third, RECEIVED);
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("reponses-acte-inconnu.xml", latin1(good).replace(numbers.get(2), UNKNOWN_ACT)
                .getBytes(StandardCharsets.ISO_8859_1));
        bad.put("reponses-tronquee.xml", latin1(good).substring(0, good.length / 2).getBytes(StandardCharsets.ISO_8859_1));
        bad.put("reponses-bombe.xml", bomb(good).getBytes(StandardCharsets.ISO_8859_1));
        bad.put("reponses-entite-externe.xml",
                externalEntity(prefecture.anomalyOf(third, RECEIVED, "Détail")).getBytes(StandardCharsets.ISO_8859_1));
        bad.put("reponses-trop-grande.xml", oversized(good).getBytes(StandardCharsets.ISO_8859_1));
        bad.put("reponses-second-accuse.xml", prefecture.acknowledgementOf(first, RECEIVED.plusDays(3)));
        Files.createDirectories(folders.inbox());
        Files.write(folders.inbox().resolve("reponses-accuse.xml"), good);
        for (Map.Entry<String, byte[]> file : bad.entrySet()) {
            Files.write(folders.inbox().resolve(file.getKey()), file.getValue());
        }

        assertThat(folders.waiting()).hasSize(bad.size() + 1);
        int applied = inbox.readAll();

        assertThat(applied).isEqualTo(1);
        assertThat(folders.waiting()).isEmpty();
        assertThat(folders.inbox().resolve("traites").resolve("reponses-accuse.xml")).exists().hasBinaryContent(good);
        Act acknowledged = register.byNumber(numbers.get(2));
        assertThat(acknowledged.state()).isEqualTo(ActState.ACKNOWLEDGED);
        assertThat(acknowledged.receivedOn()).isEqualTo(RECEIVED);
        assertThat(register.byNumber(numbers.get(0)).receivedOn()).as("the first date of receipt").isEqualTo(RECEIVED);
        Map<String, String> reasons = new LinkedHashMap<>();
        Path refused = folders.inbox().resolve("refuses");
        for (Map.Entry<String, byte[]> file : bad.entrySet()) {
            assertThat(refused.resolve(file.getKey())).exists().hasBinaryContent(file.getValue());
            Path reason = refused.resolve(file.getKey() + ".erreur.txt");
            assertThat(reason).exists();
            String text = Files.readString(reason, StandardCharsets.UTF_8);
            assertThat(text).contains("Fichier : " + file.getKey(), "Refusé le ", "Motif : ").doesNotContain(secretText);
            assertThat(Refusals.FRENCH.matcher(text.substring(text.indexOf("Motif : "))).find()).as(text).isTrue();
            reasons.put(file.getKey(), text);
        }
        assertThat(reasons.get("reponses-acte-inconnu.xml")).contains("Acte inconnu : " + UNKNOWN_ACT);
        assertThat(reasons.get("reponses-tronquee.xml")).contains("n'est pas un XML bien formé");
        assertThat(reasons.get("reponses-bombe.xml")).contains("DOCTYPE");
        assertThat(reasons.get("reponses-entite-externe.xml")).contains("DOCTYPE");
        assertThat(reasons.get("reponses-trop-grande.xml")).contains("dépasse 1 Mio");
        assertThat(reasons.get("reponses-second-accuse.xml")).contains("déjà été enregistré");
    }

    @Test
    @Order(4)
    void publishingTheSeanceTwiceKeepsTheFirstPublicationDate() throws Exception {
        MockHttpServletResponse first = mvc.perform(post("/api/sessions/" + session.id() + "/publication")
                .with(as("secretariat"))).andReturn().getResponse();
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(200);
        JsonNode published = json.readTree(first.getContentAsString(StandardCharsets.UTF_8));
        assertThat(published).hasSize(3);
        LocalDate publishedOn = LocalDate.parse(published.get(0).path("publishedOn").asText());
        published.forEach(act -> assertThat(act.path("publishedOn").asText()).isEqualTo(publishedOn.toString()));
        // the acknowledged acts are executory from the publication
        published.forEach(act -> assertThat(act.path("executoryOn").asText()).isEqualTo(publishedOn.toString()));

        // two days later, published again through the API and through the séance's page: nothing moves
        clock.set(publishedOn.plusDays(2));
        try {
            MockHttpServletResponse again = mvc.perform(post("/api/sessions/" + session.id() + "/publication")
                    .with(as("secretariat"))).andReturn().getResponse();
            assertThat(again.getStatus()).isEqualTo(200);
            json.readTree(again.getContentAsString(StandardCharsets.UTF_8)).forEach(act -> assertThat(
                    act.path("publishedOn").asText()).isEqualTo(publishedOn.toString()));
            MvcResult form = mvc.perform(post("/seances/" + session.id() + "/actes/publication")
                    .session(DemoUsers.login(mvc, "secretariat")).with(csrf())).andReturn();
            assertThat(form.getResponse().getRedirectedUrl()).isEqualTo("/seances/" + session.id() + "/actes");
            assertThat(form.getFlashMap().get("message")).isEqualTo("Aucun acte signé n'attendait sa publication.");

            String shown = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(publishedOn);
            for (int i = 0; i < voted.size(); i++) {
                JsonNode view = ok(mvc.perform(get("/api/requests/" + voted.get(i).reference() + "/act")
                        .with(as("demandeur"))).andReturn().getResponse());
                assertThat(view.path("publishedOn").asText()).isEqualTo(publishedOn.toString());
                String online = mvc.perform(get("/actes").param("numero", numbers.get(i))).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat(online).contains("<td>" + shown + "</td>", "<td>" + numbers.get(i) + "</td>")
                        .doesNotContain(DateTimeFormatter.ofPattern("dd/MM/yyyy").format(publishedOn.plusDays(2)));
            }
        } finally {
            clock.reset();
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The act's package as last sent, as the secretariat downloads it. */
    private byte[] packageOf(String number) throws Exception {
        MockHttpServletResponse download = mvc.perform(get("/api/acts/" + number + "/package").with(as("secretariat")))
                .andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        return download.getContentAsByteArray();
    }

    private static MockHttpServletRequestBuilder reply(byte[] xml) {
        return post(ENDPOINT).with(as("secretariat")).contentType(MediaType.APPLICATION_XML).content(xml);
    }

    private static MockHttpServletRequestBuilder reply(String xml) {
        return reply(xml.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String latin1(byte[] xml) {
        return new String(xml, StandardCharsets.ISO_8859_1);
    }

    /** The reply, with a billion laughs declared and expanded in it. */
    private static String bomb(byte[] reply) {
        StringBuilder entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = latin1(reply);
        String root = xml.substring(xml.indexOf("<actes:") + 1, xml.indexOf(' ', xml.indexOf("<actes:")));
        return withDoctype(xml, "<!DOCTYPE " + root + " [" + entities + "]>")
                .replaceFirst("<actes:Objet>[^<]*</actes:Objet>", "<actes:Objet>&lol9;</actes:Objet>");
    }

    /** The anomaly, its detail an external entity naming the secret file. */
    private String externalEntity(byte[] anomaly) {
        String xml = withDoctype(latin1(anomaly), "<!DOCTYPE actes:AnomalieActe [<!ENTITY secret SYSTEM \""
                + secret.toUri() + "\">]>");
        assertThat(xml).contains("<actes:Detail>");
        return xml.replaceFirst("<actes:Detail>[^<]*</actes:Detail>", "<actes:Detail>&secret;</actes:Detail>");
    }

    /** The reply, a comment making it weigh more than 1 Mio. */
    private static String oversized(byte[] reply) {
        String xml = latin1(reply);
        int end = xml.lastIndexOf("</");
        return xml.substring(0, end) + "<!--" + "a".repeat(PrefectureMessages.MAX_BYTES) + "-->" + xml.substring(end);
    }

    private static String withDoctype(String xml, String doctype) {
        int declaration = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        return xml.substring(0, declaration) + doctype + xml.substring(declaration);
    }

    private JsonNode ok(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).session(DemoUsers.login(mvc, "secretariat")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private List<Path> outbox() throws IOException {
        try (Stream<Path> files = Files.list(folders.outbox())) {
            return files.sorted().toList();
        }
    }
}
