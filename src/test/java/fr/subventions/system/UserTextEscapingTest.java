package fr.subventions.system;

import static fr.subventions.support.DemoUsers.as;
import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.SessionService;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.SubmitRequest;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What users type is shown as text, never as markup: on the portal's pages and the séance page (Thymeleaf's th:text
 * escapes it), in the documents produced (POI writes text runs, the XML escapes it) and in the workbooks (a string
 * cell, never a formula).
 */
@ApplicationTest
class UserTextEscapingTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String TITLE = SCRIPT + " & \"guillemets\" ]]> <w:p><w:r><w:t>injecté</w:t></w:r></w:p>";
    static final String NAME = "<img src=x onerror=alert(2)> Association";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"cliquez\")";
    static final String LINE = "2025-65-65748-90-DEVECO";

    @Autowired
    MockMvc mvc;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    DocumentService documents;
    @Autowired
    SessionService sessions;
    @Autowired
    Agenda agenda;
    @Autowired
    Scenarios scenarios;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void now() {
        clock.reset();
    }

    @Test
    void thePortalShowsATitleOfMarkupAsText() throws Exception {
        SubsidyRequest request = submitted(TITLE, NAME);
        MockHttpSession applicant = login(mvc, "demandeur");
        for (String page : new String[] {"/portail/demandes/" + request.reference(), "/portail"}) {
            String html = mvc.perform(get(page).session(applicant)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT)
                    .doesNotContain("<w:p>");
            assertThat(html).as(page).doesNotContain("<img src=x");
        }
    }

    @Test
    void theSeancePageShowsTitlesNamesAndPlacesOfMarkupAsText() throws Exception {
        SubsidyRequest onAgenda = scenarios.instructedRequest(hostile(TITLE, NAME), LINE, 100);
        SubsidyRequest candidate = scenarios.instructedRequest(hostile(SCRIPT + " candidate", NAME), LINE, 100);
        AssemblySession session = sessions.create(new CreateSession(AssemblyBody.BUREAU, LocalDate.of(2025, 11, 20),
                "\"><script>alert(3)</script>", scenarios.bureauMember("REBSAMEN").id(),
                scenarios.bureauMember("HOAREAU").id(), LocalDate.of(2025, 11, 10)));
        agenda.addToAgenda(session.id(), List.of(onAgenda.reference()), "secretariat");
        String html = mvc.perform(get("/seances/" + session.id()).session(login(mvc, "secretariat"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains(onAgenda.reference(), candidate.reference());
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT).doesNotContain("<w:p>")
                .doesNotContain("<img src=x").doesNotContain("<script>alert(3)</script>");
        String list = mvc.perform(get("/seances").session(login(mvc, "secretariat"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("&lt;script&gt;alert(3)&lt;/script&gt;").doesNotContain("<script>alert(3)</script>");
    }

    @Test
    void theAcknowledgementHoldsTheTitleAsTextNotAsMarkup() throws Exception {
        SubsidyRequest request = submitted(TITLE, NAME);
        scenarios.fileDocumentsOf(request.reference());
        RequestDocument acknowledgement = documents.list(request).stream()
                .filter(d -> d.type() == DocumentType.ACKNOWLEDGEMENT).findFirst().orElseThrow();
        assertThat(acknowledgement.mediaType()).isEqualTo(DocumentType.DOCX);
        byte[] docx = documents.get(acknowledgement.id(), Scenarios.APPLICANT).content();

        String xml = entry(docx, "word/document.xml");
        // well-formed, and the user's text opened no element: no script, no image, no paragraph of its own
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document dom = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(dom.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(dom.getElementsByTagNameNS("*", "img").getLength()).isZero();
        NodeList texts = dom.getElementsByTagNameNS("*", "t");
        StringBuilder runs = new StringBuilder();
        int carrying = 0;
        for (int i = 0; i < texts.getLength(); i++) {
            Node run = texts.item(i);
            runs.append(run.getTextContent());
            assertThat(run.getTextContent()).as("a run of its own for the injected text").isNotEqualTo("injecté");
            if (run.getTextContent().contains(SCRIPT)) {
                carrying++;
                // character data only (escaped text or CDATA), never an element
                for (Node child = run.getFirstChild(); child != null; child = child.getNextSibling()) {
                    assertThat(child.getNodeType()).isIn(Node.TEXT_NODE, Node.CDATA_SECTION_NODE);
                }
            }
        }
        assertThat(carrying).as("runs carrying the title").isPositive();
        assertThat(runs.toString()).as("the text runs hold the title as typed").contains(TITLE, NAME);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("« " + TITLE + " »", NAME);
            assertThat(document.getParagraphs()).noneMatch(p -> p.getText().equals("injecté"));
            assertThat(dom.getElementsByTagNameNS("*", "p").getLength()).as("paragraphs: the template's only")
                    .isEqualTo(document.getParagraphs().size() + tableParagraphs(document));
        }
    }

    @Test
    void theRequestsWorkbookHoldsAFormulaLikeTitleAsAString() throws Exception {
        SubsidyRequest request = submitted(FORMULA, "@SUM(1+1) Association");
        byte[] xlsx = mvc.perform(get("/api/exports/requests.xlsx").with(as("instructeur")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row row = null;
            for (Row r : workbook.getSheetAt(0)) {
                for (Cell c : r) {
                    if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(request.reference())) {
                        row = r;
                    }
                }
            }
            assertThat(row).as("the request's row").isNotNull();
            boolean found = false;
            for (Cell c : row) {
                assertThat(c.getCellType()).as("cell %s", c.getAddress()).isNotEqualTo(CellType.FORMULA);
                found |= c.getCellType() == CellType.STRING && c.getStringCellValue().equals(FORMULA);
            }
            assertThat(found).as("the title, as typed, in a string cell").isTrue();
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private SubsidyRequest submitted(String title, String name) {
        return requests.submit(hostile(title, name), Scenarios.APPLICANT, null).request();
    }

    private static SubmitRequest hostile(String title, String name) {
        SubmitRequest seed = SeedRequests.ofNumerique(2025, new BigDecimal("20000"));
        SubmitRequest.ApplicantData a = seed.applicant();
        return new SubmitRequest(new SubmitRequest.ApplicantData(name, a.siret(), a.rna(), a.legalForm(), a.address(),
                a.email(), a.representative()), title, seed.description(), seed.theme(), seed.fiscalYear(),
                seed.totalBudget(), seed.requestedAmount(), seed.cofinancing());
    }

    private static int tableParagraphs(XWPFDocument document) {
        return document.getTables().stream().flatMap(t -> t.getRows().stream()).flatMap(r -> r.getTableCells().stream())
                .mapToInt(c -> c.getParagraphs().size()).sum();
    }

    private static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in the document");
    }
}
