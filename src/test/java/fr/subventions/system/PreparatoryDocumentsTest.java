package fr.subventions.system;

import static fr.subventions.support.ApiJourney.amounts;
import static fr.subventions.support.DemoUsers.as;
import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import fr.subventions.mail.MailOutbox;
import fr.subventions.mail.MailTemplate;
import fr.subventions.mail.Mails;
import fr.subventions.mail.OutboxSender;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.Visibility;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Refusals;
import fr.subventions.support.SeedRequests;
import fr.subventions.support.TestSmtpServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The instruction report is a preparatory document (code des relations entre le public et l'administration, L311-2),
 * and the engagement sheet finance's record: both stay with the authority. A request walked through the real process
 * by the API, checked at each stage from instruction to closing, as its owner — the API's list and content, the
 * portal's page and downloads, the e-mails received —, where they never show and answer 404 as someone else's
 * document does; and as each staff role, who lists and downloads them as before.
 */
@ApplicationTest
class PreparatoryDocumentsTest {

    static final int YEAR = 2037;
    static final String LINE = "2037-65-65748-90-INTERNE";
    static final String LINE_ROW = "2037;65;65748;90;Développement économique;INTERNE;Subventions (documents internes);500000";
    static final List<String> INTERNAL_TYPES = List.of("INSTRUCTION_REPORT", "ENGAGEMENT_SHEET");
    static final List<String> STAFF = List.of("instructeur", "secretariat", "finances");
    private static final AtomicInteger NEXT = new AtomicInteger(new Random().nextInt(100_000));

    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    Refusals refusals;
    @Autowired
    TestSmtpServer smtp;
    @Autowired
    OutboxSender sender;
    @Autowired
    MailOutbox outbox;
    @Autowired
    SubsidyRequestService requests;

    @Autowired
    ApiJourney api;
    String domain;
    MockHttpSession owner;

    @BeforeEach
    void in2037() throws Exception {
        clock.set(LocalDate.of(YEAR, 1, 12));
        api.importLines(LINE_ROW);
        domain = "asso-interne-" + NEXT.incrementAndGet() + ".example";
        owner = login(mvc, "demandeur");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void eachTypeSaysWhetherTheApplicantSeesIt() {
        // the séance's list of deliberations is the public's on /actes, not a document of the applicant's dossier
        assertThat(Arrays.stream(DocumentType.values()).filter(t -> t.visibility() == Visibility.INTERNAL))
                .containsExactlyInAnyOrder(DocumentType.INSTRUCTION_REPORT, DocumentType.ENGAGEMENT_SHEET,
                        DocumentType.CONVOCATION, DocumentType.MINUTES, DocumentType.DELIBERATION_LIST,
                        DocumentType.OPINION_ATTACHMENT);
        // what the applicant files is theirs to see; what staff attach to a question to other services is not
        assertThat(Arrays.stream(DocumentType.values()).filter(t -> !t.generated() && t.filedByStaff()))
                .containsExactly(DocumentType.OPINION_ATTACHMENT);
        assertThat(Arrays.stream(DocumentType.values()).filter(DocumentType::filedByApplicant))
                .allSatisfy(t -> assertThat(t.visibility()).as(t.name()).isEqualTo(Visibility.SHOWN_TO_APPLICANT));
    }

    @Test
    void aGrantedRequestsOwnerNeverReachesItsInstructionReportNorItsEngagementSheet() throws Exception {
        String reference = api.file(request("Association Les Ateliers du Lac", "Fablab de quartier", "15000"));
        checkAt(reference, RequestStatus.SUBMITTED, List.of());
        api.complete(reference);
        checkAt(reference, RequestStatus.IN_INSTRUCTION, List.of());
        api.instruct(reference, "15000", amounts(LINE, "15000"));
        checkAt(reference, RequestStatus.AWAITING_AGENDA, List.of("INSTRUCTION_REPORT"));

        clock.set(LocalDate.of(YEAR, 3, 9));
        long session = api.sittingBureau(LocalDate.of(YEAR, 3, 9), LocalDate.of(YEAR, 3, 1), reference);
        checkAt(reference, RequestStatus.ON_AGENDA, List.of("INSTRUCTION_REPORT"));
        api.adopt(session, reference);
        checkAt(reference, RequestStatus.AWAITING_SIGNATURES, List.of("INSTRUCTION_REPORT"));

        clock.set(LocalDate.of(YEAR, 3, 16));
        api.sign(reference, LocalDate.of(YEAR, 3, 16));
        checkAt(reference, RequestStatus.AWAITING_IMPUTATION, List.of("INSTRUCTION_REPORT"));
        api.impute(reference, amounts(LINE, "15000"));
        checkAt(reference, RequestStatus.AWAITING_PAYMENT, List.of("INSTRUCTION_REPORT", "ENGAGEMENT_SHEET"));

        clock.set(LocalDate.of(YEAR, 3, 20));
        api.postJson("finances", "/api/requests/" + reference + "/payments",
                Map.of("paidOn", LocalDate.of(YEAR, 3, 20).toString(), "mandateReference", "MAND-2037-0001"));
        api.settle(reference);
        checkAt(reference, RequestStatus.AWAITING_CLOSURE, List.of("INSTRUCTION_REPORT", "ENGAGEMENT_SHEET"));
        api.close(reference);
        checkAt(reference, RequestStatus.CLOSED, List.of("INSTRUCTION_REPORT", "ENGAGEMENT_SHEET"));

        // the letters addressed to the applicant did reach them, on the portal and by e-mail
        assertThat(types(ownerList(reference))).contains("ACKNOWLEDGEMENT", "DELIBERATION_EXTRACT", "CONVENTION",
                "NOTIFICATION_GRANTED");
        assertThat(received().stream().flatMap(m -> m.attachments().stream())).contains(
                "accuse-de-reception-" + reference + ".pdf", "convention-" + reference + ".pdf",
                "notification-attribution-" + reference + ".pdf");
        // the séance's documents are still the secretariat's, its convocation (internal) included
        assertThat(types(api.ok(api.call("secretariat", get("/api/sessions/" + session + "/documents")))))
                .contains("CONVOCATION", "DELIBERATION_EXTRACT");
    }

    @Test
    void anUnfavourableReportStaysInternalUntilTheRejectionIsClosed() throws Exception {
        String reference = api.file(request("Association Hors Champ", "Festival hors compétence", "9000"));
        api.complete(reference);
        api.instructUnfavourably(reference);
        checkAt(reference, RequestStatus.AWAITING_CLOSURE, List.of("INSTRUCTION_REPORT"));
        api.close(reference);
        checkAt(reference, RequestStatus.CLOSED, List.of("INSTRUCTION_REPORT"));
        assertThat(types(ownerList(reference))).contains("NOTIFICATION_REJECTED");
    }

    @Test
    void anEmailToTheApplicantNeverCarriesAnInternalDocument() throws Exception {
        String reference = api.file(request("Association Courrier Sûr", "Lettres du quartier", "6000"));
        api.complete(reference);
        api.instructUnfavourably(reference);
        api.close(reference);
        drain();
        int before = received().size();
        JsonNode documents = api.ok(api.call("secretariat", get("/api/requests/" + reference + "/documents")));
        long report = idOf(documents, "INSTRUCTION_REPORT");
        long notification = idOf(documents, "NOTIFICATION_REJECTED");
        long requestId = requests.byReference(reference).id();

        // an e-mail to the applicant with the report attached, as a mistaken step would write it: refused at sending
        enqueueClosingMail(reference, requestId, report);
        // the same e-mail with the notification, which is theirs: sent with it
        enqueueClosingMail(reference, requestId, notification);
        drain();

        List<Mails> mails = received();
        assertThat(mails).hasSize(before + 1);
        assertThat(mails.get(mails.size() - 1).attachments()).containsExactly("notification-rejet-" + reference + ".docx");
        JsonNode outbox = api.ok(api.call("secretariat", get("/api/mails").param("reference", reference)));
        JsonNode refused = null;
        for (JsonNode mail : outbox) {
            if (mail.path("documentId").asLong() == report) {
                refused = mail;
            }
        }
        assertThat(refused).as("the message carrying the report").isNotNull();
        assertThat(refused.get("status").asText()).isEqualTo("FAILED");
        assertThat(refused.get("lastError").asText()).startsWith("Pièce jointe refusée : le document n° " + report)
                .contains("document interne à la collectivité");
        assertThat(refused.get("sentAt").isNull()).isTrue();
    }

    // ------------------------------------------------------------------------------------------------------------

    /**
     * At this stage: staff list the internal documents expected by now and download them; the owner's list is staff's
     * without them; the owner's API, portal page and portal download know nothing of them; no e-mail received so far
     * carries or names them.
     */
    private void checkAt(String reference, RequestStatus stage, List<String> internalByNow) throws Exception {
        String at = reference + " at " + stage;
        assertThat(api.request(reference).get("status").asText()).as(at).isEqualTo(stage.name());

        JsonNode staffList = null;
        for (String staff : STAFF) {
            staffList = api.ok(api.call(staff, get("/api/requests/" + reference + "/documents")));
            assertThat(types(staffList)).as("%s listed to %s", at, staff).containsAll(internalByNow);
        }
        List<JsonNode> internal = new ArrayList<>();
        List<Long> shown = new ArrayList<>();
        for (JsonNode document : staffList) {
            if (INTERNAL_TYPES.contains(document.get("type").asText())) {
                assertThat(document.get("visibility").asText()).isEqualTo("INTERNAL");
                internal.add(document);
            } else {
                assertThat(document.get("visibility").asText()).isEqualTo("SHOWN_TO_APPLICANT");
                shown.add(document.get("id").asLong());
            }
        }
        // each once, in its formats: a report's .docx and its PDF/A, the engagement sheet's workbook
        assertThat(types(internal).stream().distinct()).as(at).containsExactlyInAnyOrderElementsOf(internalByNow);
        assertThat(internal).as(at).hasSize(internalByNow.contains("ENGAGEMENT_SHEET") ? 3 : internalByNow.size() * 2);
        for (JsonNode document : internal) {
            for (String staff : STAFF) {
                MockHttpServletResponse content = api.call(staff, get("/api/documents/" + document.get("id").asLong()
                        + "/content"));
                assertThat(content.getStatus()).as("%s: %s downloaded by %s", at, document.get("type"), staff).isEqualTo(200);
                assertThat(sha256(content.getContentAsByteArray())).isEqualTo(document.get("sha256").asText());
            }
        }

        // the owner, by the API: the same list without the internal documents; their content is a 404 like any other
        JsonNode ownerList = ownerList(reference);
        assertThat(ids(ownerList)).as(at).isEqualTo(shown);
        assertThat(types(ownerList)).as(at).doesNotContainAnyElementsOf(INTERNAL_TYPES);
        for (Long id : shown) {
            assertThat(api.call("demandeur", get("/api/documents/" + id + "/content")).getStatus()).as(at).isEqualTo(200);
        }
        long unknown = Long.MAX_VALUE - 1;
        JsonNode nobodys = refusals.refused(get("/api/documents/" + unknown + "/content").with(as("demandeur")), 404);
        for (JsonNode document : internal) {
            long id = document.get("id").asLong();
            JsonNode refused = refusals.refused(get("/api/documents/" + id + "/content").with(as("demandeur")), 404);
            assertThat(refused.get("title")).isEqualTo(nobodys.get("title"));
            assertThat(refused.get("detail").asText()).isEqualTo(nobodys.get("detail").asText().replace(
                    String.valueOf(unknown), String.valueOf(id)));
        }

        // the owner, on the portal: neither listed nor served
        String page = mvc.perform(get("/portail/demandes/" + reference).session(owner)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // labels as Thymeleaf writes them (the apostrophe escaped), and as typed
        assertThat(page).as(at).contains(reference).doesNotContain("Rapport d&#39;instruction", "Fiche d&#39;engagement",
                "Rapport d'instruction", "Fiche d'engagement", "rapport-instruction-", "fiche-engagement-");
        for (Long id : shown) {
            assertThat(page).as(at).contains("/portail/documents/" + id + "\"");
        }
        if (stage != RequestStatus.CLOSED) {
            // the upload form's types: an apostrophe in a label comes out so
            assertThat(page).contains("Relevé d&#39;identité bancaire");
        }
        for (JsonNode document : internal) {
            long id = document.get("id").asLong();
            assertThat(page).doesNotContain("/portail/documents/" + id + "\"");
            MockHttpServletResponse download = mvc.perform(get("/portail/documents/" + id).session(owner)).andReturn()
                    .getResponse();
            assertThat(download.getStatus()).as(at).isEqualTo(404);
            assertThat(download.getContentAsString(StandardCharsets.UTF_8)).contains("<html", "Ressource introuvable");
        }

        // the owner, by e-mail: whatever arrived so far neither carries nor names them
        drain();
        for (Mails mail : received()) {
            assertThat(mail.attachments()).as("%s: %s", at, mail.subject())
                    .noneMatch(name -> name.startsWith("rapport-instruction") || name.startsWith("fiche-engagement"));
            assertThat(mail.text().toLowerCase()).as("%s: %s", at, mail.subject())
                    .doesNotContain("rapport d'instruction", "fiche d'engagement", "/documents/");
        }
    }

    private JsonNode ownerList(String reference) throws Exception {
        return api.ok(api.call("demandeur", get("/api/requests/" + reference + "/documents")));
    }

    private void enqueueClosingMail(String reference, long requestId, long documentId) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("authority", "Dijon Métropole");
        model.put("reference", reference);
        model.put("title", "Lettres du quartier");
        model.put("outcome", "Subvention refusée");
        model.put("portalUrl", "http://localhost:8080/portail/demandes/" + reference);
        assertThat(outbox.enqueue(new MailOutbox.Message(MailTemplate.CLOSED, "contact@" + domain, null, requestId,
                reference, documentId, model, null))).isTrue();
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

    /** What the applicant's contact address (this test's own domain) received. */
    private List<Mails> received() {
        return smtp.receivedBy("contact@" + domain).stream().map(Mails::read).toList();
    }

    private Map<String, Object> request(String name, String title, String requested) {
        SeedRequests.Beneficiary b = SeedRequests.Beneficiary.newAssociation();
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("name", name);
        applicant.put("siret", b.siret());
        applicant.put("rna", b.rna());
        applicant.put("legalForm", "ASSOCIATION");
        applicant.put("address", "3 rue du Lac, 21000 Dijon");
        applicant.put("email", "contact@" + domain);
        applicant.put("representative", "Paul Renard");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("applicant", applicant);
        request.put("title", title);
        request.put("description", "Une action sur le territoire de Dijon Métropole.");
        request.put("theme", SeedRequests.THEME);
        request.put("fiscalYear", YEAR);
        BigDecimal amount = new BigDecimal(requested);
        request.put("totalBudget", amount.add(new BigDecimal("10000")));
        request.put("requestedAmount", amount);
        request.put("cofinancing", List.of(Map.of("funder", "Autofinancement", "amount", new BigDecimal("10000"))));
        return request;
    }

    private static long idOf(JsonNode documents, String type) {
        for (JsonNode document : documents) {
            if (document.get("type").asText().equals(type)) {
                return document.get("id").asLong();
            }
        }
        throw new AssertionError("no " + type + " in " + documents);
    }

    private static List<String> types(Iterable<JsonNode> documents) {
        List<String> types = new ArrayList<>();
        documents.forEach(d -> types.add(d.get("type").asText()));
        return types;
    }

    private static List<Long> ids(JsonNode documents) {
        List<Long> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(d.get("id").asLong()));
        return ids;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
