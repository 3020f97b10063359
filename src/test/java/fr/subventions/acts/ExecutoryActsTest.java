package fr.subventions.acts;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.convention.ConventionService;
import fr.subventions.convention.ConventionSigned;
import fr.subventions.payment.PaymentService;
import fr.subventions.shared.StageConflictException;
import fr.subventions.signature.ActSigner;
import fr.subventions.signature.SignatoryRole;
import fr.subventions.signature.SignatureVerifier;
import fr.subventions.signature.VerifiedPdf;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.PdfA;
import fr.subventions.support.Pdfsig;
import fr.subventions.support.Scenarios;
import fr.subventions.support.TestPrefecture;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seed case from the vote to the payment (CGCT L2131-1): the extract signed as a PDF/A by the secretary and the
 * President, sent to the prefecture as its @CTES package, acknowledged, published on /actes; the convention's
 * signatures and the payment refused until then, accepted after; the certificate of executory character filed.
 */
@ApplicationTest
class ExecutoryActsTest {

    static final String LINE = "2026-65-65748-90-DEVECO";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
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
    TestPrefecture prefecture;
    @Autowired
    DocumentService documents;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    SignatureVerifier verifier;
    @Autowired
    PaymentService payments;
    @Autowired
    ApiJourney api;
    @Autowired
    Clock clock;
    @Autowired
    ActSigner signer;
    @Autowired
    TransmissionSettings settings;
    @Autowired
    ActRepository actRepository;
    @Autowired
    ConventionService conventions;
    @Autowired
    TransactionTemplate transactions;

    @TempDir
    Path folder;

    @Test
    void theSeedCaseFromTheVoteToThePayment() throws Exception {
        BpmnAwareTests.init(engine);
        SubsidyRequest request = scenarios.instructedRequest(2026, LINE, 20000);
        String reference = request.reference();
        AssemblySession session = scenarios.convenedSession(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 14),
                List.of(reference));
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        voting.vote(session.id(), reference, CastVote.unanimous(), "secretariat");
        scenarios.fileDocumentsOf(reference);
        scenarios.fileDocumentsOf(SessionService.businessKey(session.id()));

        // the extract, signed by the secretary then the President, a PDF/A-2b: sent with the convention annexed
        Act act = register.deliberationOf(request.id()).orElseThrow();
        assertThat(act.state()).isEqualTo(ActState.TRANSMITTED);
        assertThat(act.number()).matches("B2026_\\d{4}");
        byte[] extract = documents.withContent(act.documentId()).orElseThrow().content();
        PdfA.assertValidPdfA2b(extract);
        VerifiedPdf verified = verifier.verify(extract);
        assertThat(verified.signatures()).hasSize(2).allSatisfy(s -> assertThat(s.intact()).isTrue());
        assertThat(verified.signatures().get(0).signerName()).contains("HOAREAU");
        assertThat(verified.signatures().get(1).signerName()).contains("REBSAMEN");
        assertThat(verified.unchangedSinceLastSignature()).isTrue();
        String pdfsig = Pdfsig.report(extract, folder);
        assertThat(pdfsig.split("Signature is Valid", -1)).hasSize(3);
        assertThat(PdfA.text(extract)).contains("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS", "Le Président");

        // the package, as written to the outbox and as the API gives it: envelope and Acte valid under the schema
        SentPackage sent = transmissions.last(act).orElseThrow();
        MockHttpServletResponse download = mvc.perform(get("/api/acts/" + act.number() + "/package")
                .with(as("secretariat"))).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(sent.content());
        Map<String, byte[]> files = TestPrefecture.untar(sent.content());
        assertThat(files).hasSize(4);
        var schema = SchemaFactory.newDefaultInstance().newSchema(getClass().getResource("/actes/actes-v1.1.xsd"));
        for (String name : files.keySet().stream().filter(n -> n.endsWith(".xml")).toList()) {
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(files.get(name)), name));
        }
        String message = new String(files.entrySet().stream().filter(e -> e.getKey().endsWith("-1-1_0.xml"))
                .findFirst().orElseThrow().getValue(), StandardCharsets.ISO_8859_1);
        assertThat(message).contains("actes:NumeroInterne=\"" + act.number() + "\"", "actes:CodeNatureActe=\"1\"",
                "actes:Date=\"2026-09-14\"", "actes:CodeMatiere=\"7\"", "actes:CodeMatiere=\"5\"",
                "actes:Nombre=\"1\"");
        assertThat(files.get(files.keySet().stream().filter(n -> n.endsWith("_1.pdf")).findFirst().orElseThrow()))
                .isEqualTo(extract);

        // before the act is executory: neither the convention's signature nor any payment
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(SubsidyRequestProcess.KEY).singleResult())
                .isWaitingAt(SubsidyRequestProcess.EVENT_ACT_EXECUTORY);
        MockHttpServletResponse refused = mvc.perform(post("/api/requests/" + reference + "/convention/signatures")
                .with(as("demandeur")).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(Map.of(
                        "signatory", "BENEFICIARY", "signedBy", "Marie Dupont", "signedOn", "2026-09-20"))))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("L2131-1", "exécutoire");
        assertThatThrownBy(() -> payments.pay(request.id(), LocalDate.of(2026, 9, 20), "M-2026-0001", "finances"))
                .isInstanceOf(StageConflictException.class).hasMessageContaining("L2131-1");

        // the prefecture's acknowledgement, read back from the inbox
        String idActe = prefecture.acknowledge(act.number(), LocalDate.of(2026, 9, 16));
        JsonNode view = read(mvc.perform(get("/api/requests/" + reference + "/act").with(as("demandeur")))
                .andReturn().getResponse());
        assertThat(view.path("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(view.path("idActe").asText()).isEqualTo(idActe).isEqualTo("021-242100410-20260914-" + act.number() + "-DE");
        assertThat(view.path("acknowledgedOn").asText()).isEqualTo("2026-09-16");

        // published with the séance's list: executory, the process goes on
        MockHttpServletResponse published = mvc.perform(post("/api/sessions/" + session.id() + "/publication")
                .with(as("secretariat"))).andReturn().getResponse();
        assertThat(published.getStatus()).isEqualTo(200);
        view = read(mvc.perform(get("/api/requests/" + reference + "/act").with(as("demandeur"))).andReturn().getResponse());
        assertThat(view.path("state").asText()).isEqualTo("EXECUTORY");
        assertThat(view.path("executoryOn").asText()).isEqualTo(view.path("publishedOn").asText());
        assertThat(requests.byId(request.id()).executoryOn()).isNotNull();

        // the dossier page tells the officers where the deliberation stands
        assertThat(mvc.perform(get("/gestion/demandes/" + reference).session(DemoUsers.login(mvc, "instructeur")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Caractère exécutoire de la délibération", "n° " + act.number() + " – Exécutoire", idActe);

        // online for everyone: the list, the signed PDF as it was signed, the feed
        assertThat(mvc.perform(get("/actes")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(act.number(), "Adoptée");
        assertThat(mvc.perform(get("/actes/" + act.number() + ".pdf")).andReturn().getResponse().getContentAsByteArray())
                .isEqualTo(extract);
        assertThat(mvc.perform(get("/actes/flux.atom")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", act.number());

        // the President's certificate for the accountant, filed with the request
        scenarios.fileDocumentsOf(reference);
        RequestDocument certificate = documents.list(requests.byId(request.id())).stream()
                .filter(d -> d.type() == DocumentType.EXECUTORY_CERTIFICATE && d.mediaType().equals("application/pdf"))
                .findFirst().orElseThrow();
        byte[] certificatePdf = documents.withContent(certificate.id()).orElseThrow().content();
        PdfA.assertValidPdfA2b(certificatePdf);
        assertThat(PdfA.text(certificatePdf)).contains("CERTIFICAT DU CARACTÈRE EXÉCUTOIRE", idActe, act.number());
        assertThat(verifier.verify(certificatePdf).signatures()).singleElement()
                .satisfies(s -> assertThat(s.signerName()).contains("REBSAMEN"));

        // now the convention is signed, the credits committed and the subsidy paid
        LocalDate today = LocalDate.now(clock);
        api.sign(reference, today);
        api.impute(reference, Map.of(LINE, "20000"));
        JsonNode schedule = api.postJson("finances", "/api/requests/" + reference + "/payments",
                Map.of("paidOn", today.toString(), "mandateReference", "M-2026-0001"));
        assertThat(schedule.toString()).contains("M-2026-0001");
    }

    @Test
    void theBeneficiarysElectronicSignatureIsVerifiedTheNextOnesKeepItAndTheConventionGoesToThePrefect()
            throws Exception {
        BpmnAwareTests.init(engine);
        SubsidyRequest request = scenarios.instructedRequest(2026, LINE, 15000);
        String reference = request.reference();
        AssemblySession session = scenarios.convenedSession(LocalDate.of(2026, 9, 21), LocalDate.of(2026, 9, 28),
                List.of(reference));
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        voting.vote(session.id(), reference, CastVote.unanimous(), "secretariat");
        Act deliberation = scenarios.makeExecutory(reference);
        assertThat(deliberation.state()).isEqualTo(ActState.EXECUTORY);

        // the beneficiary signs the convention electronically (any PAdES signature: here a test certificate's)
        byte[] convention = documents.latestPdf(request.id(), null, DocumentType.CONVENTION).orElseThrow().content();
        byte[] signedByBeneficiary = signer.sign(convention, SignatoryRole.SECRETARY, "Pour le bénéficiaire");
        byte[] altered = signedByBeneficiary.clone();
        altered[altered.length / 3] ^= 0x01;
        MockHttpServletResponse refused = mvc.perform(multipart("/api/requests/" + reference + "/documents")
                .file(new MockMultipartFile("file", "convention-signee.pdf", "application/pdf", altered))
                .param("type", "CONVENTION_SIGNEE").with(as("demandeur"))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("signature électronique");
        MockHttpServletResponse filed = mvc.perform(multipart("/api/requests/" + reference + "/documents")
                .file(new MockMultipartFile("file", "convention-signee.pdf", "application/pdf", signedByBeneficiary))
                .param("type", "CONVENTION_SIGNEE").with(as("demandeur"))).andReturn().getResponse();
        assertThat(filed.getStatus()).isEqualTo(201);
        assertThat(requests.view(reference, Scenarios.APPLICANT).history())
                .anySatisfy(e -> assertThat(e.result()).startsWith("Convention signée déposée, avec signature électronique"
                        + " vérifiée : signé par ").contains("HOAREAU", "signature intacte"));

        // both signatures recorded: the President signs the beneficiary's copy, whose signature stays valid
        LocalDate today = LocalDate.now(clock);
        api.sign(reference, today);
        RequestDocument sealed = documents.latestPdf(request.id(), null, DocumentType.CONVENTION_SIGNEE).orElseThrow();
        VerifiedPdf both = verifier.verify(sealed.content());
        assertThat(both.signatures()).hasSize(2).allSatisfy(s -> assertThat(s.intact()).isTrue());
        assertThat(both.signatures().get(1).signerName()).contains("REBSAMEN");
        assertThat(both.unchangedSinceLastSignature()).isTrue();

        // with the authority's setting, the convention signed by both goes to the prefect as a contract (nature 4)
        TransmissionSettings sendingConventions = new TransmissionSettings(settings.returnEmail(), settings.trigram(),
                settings.classificationDate(), settings.outbox(), settings.inbox(), true, false);
        SignedConventions sending = new SignedConventions(sendingConventions, actRepository, conventions, transmissions,
                clock);
        transactions.executeWithoutResult(status -> sending.onSigned(new ConventionSigned(request.id(), sealed.id())));
        Act contract = register.byNumber(deliberation.number() + "_C");
        assertThat(contract.kind()).isEqualTo(ActKind.CONVENTION);
        assertThat(contract.state()).isEqualTo(ActState.TRANSMITTED);
        Map<String, byte[]> files = TestPrefecture.untar(transmissions.last(contract).orElseThrow().content());
        assertThat(files.keySet()).anyMatch(name -> name.endsWith("-" + contract.number() + "-CC-1-1_0.xml"));
        String message = new String(files.entrySet().stream().filter(e -> e.getKey().endsWith("_0.xml")).findFirst()
                .orElseThrow().getValue(), StandardCharsets.ISO_8859_1);
        assertThat(message).contains("actes:CodeNatureActe=\"4\"");
        assertThat(prefecture.acknowledge(contract.number(), today)).endsWith("-" + contract.number() + "-CC");
    }

    @Test
    void aScanOfTheSignedConventionIsAcceptedAndRecordedAsAScan() throws Exception {
        SubsidyRequest request = scenarios.instructedRequest(2026, LINE, 5000);
        AssemblySession session = scenarios.convenedSession(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 5),
                List.of(request.reference()));
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        voting.vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat");
        scenarios.makeExecutory(request.reference());
        MockHttpServletResponse filed = mvc.perform(multipart("/api/requests/" + request.reference() + "/documents")
                .file(new MockMultipartFile("file", "scan.pdf", "application/pdf", Scenarios.PDF))
                .param("type", "CONVENTION_SIGNEE").with(as("demandeur"))).andReturn().getResponse();
        assertThat(filed.getStatus()).isEqualTo(201);
        assertThat(requests.view(request.reference(), Scenarios.APPLICANT).history())
                .anySatisfy(e -> assertThat(e.result())
                        .isEqualTo("Convention signée déposée : document numérisé, sans signature électronique"));
    }

    private JsonNode read(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
