package fr.subventions.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.subventions.budget.BudgetService;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.Choice;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.shared.Caller;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.PdfA;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every document type, produced by real lifecycles: re-opened with POI, converted to PDF by LibreOffice headless,
 * and its first page rendered to PNG under target/documents/png for a reviewer to look at. Every .docx has its PDF/A-2b
 * rendition filed beside it, which veraPDF finds compliant and whose text holds the document's key line (copies under
 * target/documents/pdfa).
 */
@ApplicationTest
class DocumentsRenderTest {

    static final Path OUT = Path.of("target", "documents");
    static final String LINE = "2024-65-65748-71-ECOURB";
    /** The application's dates are Paris's: around midnight UTC, the JVM's date is another day. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    ProcessEngine engine;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    SessionService sessions;
    @Autowired
    Agenda agenda;
    @Autowired
    Attendance attendance;
    @Autowired
    Voting voting;
    @Autowired
    DocumentService documents;
    @Autowired
    BudgetService budget;
    @Autowired
    TaskService tasks;
    @Autowired
    Scenarios scenarios;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DocumentGenerator generator;

    @Test
    void everyDocumentTypeOpensAndConvertsToPdf() throws Exception {
        BpmnAwareTests.init(engine);
        Map<String, byte[]> files = new LinkedHashMap<>();

        // Granted: acknowledgement, instruction report, convocation, extract, convention, engagement sheet, notification
        SubsidyRequest granted = scenarios.instructedRequest(2024, LINE);
        SubsidyRequest rejected = scenarios.instructedRequest(2024, LINE);
        AssemblySession session = sessions.create(new CreateSession(AssemblyBody.BUREAU, LocalDate.of(2024, 9, 19),
                "Salle du Conseil, 40 avenue du Drapeau, Dijon", scenarios.bureauMember("REBSAMEN").id(),
                scenarios.bureauMember("HOAREAU").id(), LocalDate.of(2024, 9, 9)));
        agenda.addToAgenda(session.id(), List.of(granted.reference(), rejected.reference()), "secretariat");
        sessions.convene(session.id(), "secretariat");
        scenarios.fileDocumentsOf(SessionService.businessKey(session.id()));
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        voting.vote(session.id(), granted.reference(), CastVote.unanimous(), "secretariat");
        List<Long> members = scenarios.bureau().stream().map(m -> m.id()).toList();
        voting.vote(session.id(), rejected.reference(), CastVote.marking(Map.of(Choice.AGAINST, members.subList(0, 25))),
                "secretariat");
        scenarios.fileDocumentsOf(SessionService.businessKey(session.id()));
        String seance = scenarios.processOf(SessionService.businessKey(session.id()));
        sessions.requestClosing(session.id(), "secretariat");
        scenarios.fileDocuments(seance);
        scenarios.makeExecutory(granted.reference());
        scenarios.fileDocumentsOf(granted.reference());
        complete(taskOf(granted), withVariables("signedBy", "Marie Dupont", "signedOn", LocalDate.now(PARIS).toString()));
        complete(taskOf(granted), withVariables("signedBy", "François Rebsamen", "signedOn", LocalDate.now(PARIS).toString()));
        complete(taskOf(granted), withVariables("lines", LINE + " = 20000"));
        scenarios.fileDocumentsOf(granted.reference());
        // the payment process: the 20 000 € paid in one go
        complete(taskOf(granted), withVariables("paidOn", LocalDate.now(PARIS).toString(), "mandateReference", "M-2024-0042"));
        complete(taskOf(granted));
        scenarios.fileDocumentsOf(granted.reference());
        complete(taskOf(rejected));
        scenarios.fileDocumentsOf(rejected.reference());

        // Incomplete: the request for missing documents
        SubsidyRequest incomplete = requests.submit(SeedRequests.ofNumerique(2024), Scenarios.APPLICANT, null).request();
        scenarios.fileDocumentsOf(incomplete.reference());
        complete(taskOf(incomplete), withVariables("isComplete", false, "missing", "RIB\nComptes N-1", "comment", "RIB illisible"));
        scenarios.fileDocumentsOf(incomplete.reference());

        // A reminder letter, as the signature's or the financial report's stage files one
        generator.reminder(granted.id(), "Relance : compte rendu financier attendu", List.of("Nous n'avons pas reçu "
                + "le compte rendu financier de l'action subventionnée."));

        Caller staff = scenarios.staff();
        collect(files, documents.list(requests.byId(granted.id())), staff);
        collect(files, documents.list(requests.byId(rejected.id())), staff);
        collect(files, documents.list(requests.byId(incomplete.id())), staff);
        collect(files, documents.listForSession(session.id()), staff);
        Set<DocumentType> types = EnumSet.noneOf(DocumentType.class);
        for (RequestDocument d : documents.list(requests.byId(granted.id()))) {
            types.add(d.type());
        }
        for (RequestDocument d : documents.list(requests.byId(rejected.id()))) {
            types.add(d.type());
        }
        for (RequestDocument d : documents.list(requests.byId(incomplete.id()))) {
            types.add(d.type());
        }
        for (RequestDocument d : documents.listForSession(session.id())) {
            types.add(d.type());
        }
        assertThat(types).containsAll(EnumSet.of(DocumentType.ACKNOWLEDGEMENT, DocumentType.MISSING_ITEMS_REQUEST,
                DocumentType.INSTRUCTION_REPORT, DocumentType.CONVOCATION, DocumentType.DELIBERATION_EXTRACT,
                DocumentType.CONVENTION, DocumentType.NOTIFICATION_GRANTED, DocumentType.NOTIFICATION_REJECTED,
                DocumentType.ENGAGEMENT_SHEET, DocumentType.MINUTES, DocumentType.DELIBERATION_LIST,
                DocumentType.EXECUTORY_CERTIFICATE));
        checkPdfRenditions(List.of(granted, rejected, incomplete), session);
        files.put("budget-2024.xlsx", Workbooks.budgetWorkbook(2024, budget.lines(2024)));
        files.put("export-demandes.xlsx", transaction.execute(tx ->
                RequestsExport.workbook(requests.list(null, staff), ZoneId.of("Europe/Paris"))));

        Path docs = Files.createDirectories(OUT);
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            reopen(file.getKey(), file.getValue());
            Path path = docs.resolve(file.getKey());
            Files.write(path, file.getValue());
            paths.add(path.toString());
        }
        Path pdf = Files.createDirectories(OUT.resolve("pdf"));
        Path png = Files.createDirectories(OUT.resolve("png"));
        Path profile = Files.createTempDirectory("libreoffice-profile");
        List<String> convert = new ArrayList<>(List.of(office(), "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--convert-to", "pdf", "--outdir", pdf.toString()));
        convert.addAll(paths);
        run(convert);
        for (String name : files.keySet()) {
            Path converted = pdf.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
            assertThat(converted).as(name).exists();
            assertThat(new String(Files.readAllBytes(converted), 0, 5)).isEqualTo("%PDF-");
            Path page = png.resolve(name.substring(0, name.lastIndexOf('.')));
            run(List.of("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", converted.toString(), page.toString()));
            assertThat(Path.of(page + ".png")).as(name).exists();
        }
    }

    /**
     * Beside every .docx produced, its PDF/A-2b: the same type and version, the same name in .pdf, valid for veraPDF,
     * and holding the document's key line; the engagement sheet, a workbook, has none.
     */
    private void checkPdfRenditions(List<SubsidyRequest> cases, AssemblySession session) throws IOException {
        Map<RequestDocument, String> produced = new LinkedHashMap<>();
        for (SubsidyRequest request : cases) {
            documents.list(requests.byId(request.id())).forEach(d -> produced.put(d, request.reference()));
        }
        documents.listForSession(session.id()).stream().filter(d -> d.requestId() == null)
                .forEach(d -> produced.put(d, null));
        Path out = Files.createDirectories(OUT.resolve("pdfa"));
        Set<DocumentType> checked = EnumSet.noneOf(DocumentType.class);
        for (Map.Entry<RequestDocument, String> entry : produced.entrySet()) {
            RequestDocument docx = entry.getKey();
            if (docx.type().generated() && DocumentType.PDF.equals(docx.mediaType())) {
                continue;
            }
            if (!docx.type().generated() || !DocumentType.DOCX.equals(docx.mediaType())) {
                assertThat(documents.pdfOf(docx.id())).as(docx.filename()).isEmpty();
                continue;
            }
            RequestDocument pdf = documents.pdfOf(docx.id()).orElseThrow(() -> new AssertionError("no PDF beside "
                    + docx.filename()));
            assertThat(pdf.filename()).isEqualTo(docx.filename().replace(".docx", ".pdf"));
            assertThat(pdf.mediaType()).isEqualTo("application/pdf");
            assertThat(pdf.type()).isEqualTo(docx.type());
            assertThat(pdf.version()).isEqualTo(docx.version());
            assertThat(pdf.requestId()).isEqualTo(docx.requestId());
            assertThat(pdf.sessionId()).isEqualTo(docx.sessionId());
            PdfA.assertValidPdfA2b(pdf.content());
            assertThat(PdfA.text(pdf.content()).replaceAll("[\\s\u00a0\u202f]+", " ")).as(pdf.filename())
                    .contains(keyLine(docx.type(), entry.getValue()));
            Files.write(out.resolve(pdf.filename()), pdf.content());
            checked.add(docx.type());
        }
        assertThat(checked).containsExactlyInAnyOrder(DocumentType.ACKNOWLEDGEMENT, DocumentType.MISSING_ITEMS_REQUEST,
                DocumentType.INSTRUCTION_REPORT, DocumentType.CONVOCATION, DocumentType.DELIBERATION_EXTRACT,
                DocumentType.CONVENTION, DocumentType.NOTIFICATION_GRANTED, DocumentType.NOTIFICATION_REJECTED,
                DocumentType.MINUTES, DocumentType.REMINDER, DocumentType.DELIBERATION_LIST,
                DocumentType.EXECUTORY_CERTIFICATE);
    }

    /** The line that says what the document is, and for a request's which request. */
    private static String keyLine(DocumentType type, String reference) {
        return switch (type) {
            case ACKNOWLEDGEMENT -> "Objet : accusé de réception de votre demande de subvention n° " + reference;
            case MISSING_ITEMS_REQUEST -> "Objet : demande de pièces complémentaires – dossier n° " + reference;
            case INSTRUCTION_REPORT -> "Dossier n° " + reference + " – exercice 2024";
            case CONVENTION -> "CONVENTION D'ATTRIBUTION D'UNE SUBVENTION Dossier n° " + reference + " – exercice 2024";
            case NOTIFICATION_GRANTED -> "Objet : notification de l'attribution d'une subvention – dossier n° " + reference;
            case NOTIFICATION_REJECTED -> "Objet : suite donnée à votre demande de subvention – dossier n° " + reference;
            case REMINDER -> "Objet : Relance : compte rendu financier attendu – dossier n° " + reference;
            case DELIBERATION_EXTRACT -> "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS";
            case CONVOCATION -> "ORDRE DU JOUR";
            case MINUTES -> "PROCÈS-VERBAL";
            case DELIBERATION_LIST -> "LISTE DES DÉLIBÉRATIONS";
            case EXECUTORY_CERTIFICATE -> "CERTIFICAT DU CARACTÈRE EXÉCUTOIRE";
            default -> throw new IllegalArgumentException(type + " has no PDF");
        };
    }

    private void collect(Map<String, byte[]> files, List<RequestDocument> list, Caller staff) {
        for (RequestDocument document : list) {
            // the PDF/A renditions are checked apart (checkPdfRenditions); these are the files as produced
            if (document.type().generated() && !DocumentType.PDF.equals(document.mediaType())) {
                files.put(document.filename(), documents.get(document.id(), staff).content());
            }
        }
    }

    private static void reopen(String name, byte[] content) throws IOException {
        if (name.endsWith(".xlsx")) {
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
                assertThat(workbook.getNumberOfSheets()).as(name).isPositive();
            }
        } else {
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
                assertThat(document.getParagraphs()).as(name).isNotEmpty();
                assertThat(document.getParagraphs().stream().map(p -> p.getText()).toList())
                        .as(name + " has a placeholder left").noneMatch(text -> text.contains("{{"));
            }
        }
    }

    private Task taskOf(SubsidyRequest request) {
        return tasks.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult();
    }

    private static String office() {
        for (String candidate : new String[] {"/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new AssertionError("LibreOffice is required to convert the documents to PDF: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui (.ci/run does)");
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(OUT.resolve("conversion.log").toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + " (see target/documents/conversion.log)").isZero();
    }
}
