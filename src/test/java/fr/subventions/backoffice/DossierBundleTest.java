package fr.subventions.backoffice;

import static fr.subventions.support.DemoUsers.as;
import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.DocumentView;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Refusals;
import fr.subventions.support.Scenarios;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The documents of a selection as one ZIP, for staff: a folder per request named after its reference holding every
 * document staff see — the internal ones included —, file names made safe and duplicates numbered, and an index
 * workbook read back with POI. Refused whole (400) for a selection that names an unknown request, and to applicants.
 */
@ApplicationTest
class DossierBundleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    SelectionFixtures fixtures;
    @Autowired
    DocumentService documents;
    @Autowired
    Refusals refusals;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void today() {
        clock.reset();
    }

    /** The ZIP's entries and their bytes, in their order. */
    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void eachRequestsDocumentsInAFolderOfItsReferenceWithAnIndex() throws Exception {
        SubsidyRequest instructed = fixtures.instructed();
        SubsidyRequest submitted = fixtures.submitted();
        // two files of the same name, and a name no file system takes as it is
        byte[] second = "%PDF-1.4\n% second statut\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        documents.upload(submitted.reference(), DocumentType.STATUTS, "statuts.pdf", Scenarios.PDF, Scenarios.APPLICANT);
        documents.upload(submitted.reference(), DocumentType.STATUTS, "Statuts.pdf", second, Scenarios.APPLICANT);
        documents.upload(submitted.reference(), DocumentType.AUTRE, "budget: 2025 <v2>?.pdf", Scenarios.PDF,
                Scenarios.APPLICANT);

        MockHttpServletResponse response = mvc.perform(post("/api/exports/bundle").with(as("instructeur"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"references\": [\"" + instructed.reference() + "\", \""
                        + submitted.reference() + "\"]}")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment").contains("dossiers-", ".zip");
        Map<String, byte[]> entries = entries(response.getContentAsByteArray());
        List<String> names = new ArrayList<>(entries.keySet());
        assertThat(names.get(0)).isEqualTo("index.xlsx");
        assertThat(names).contains(instructed.reference() + "/", submitted.reference() + "/",
                submitted.reference() + "/statuts.pdf", submitted.reference() + "/Statuts (2).pdf",
                submitted.reference() + "/budget_ 2025 _v2__.pdf");
        assertThat(entries.get(submitted.reference() + "/Statuts (2).pdf")).isEqualTo(second);
        assertThat(names).allMatch(name -> name.equals("index.xlsx") || name.startsWith(instructed.reference() + "/")
                || name.startsWith(submitted.reference() + "/"));

        // every document staff see, the internal instruction report included, each once
        List<DocumentView> staffSee = documents.views(instructed, WorklistFixtures.OFFICER);
        assertThat(staffSee).anyMatch(d -> d.type() == DocumentType.INSTRUCTION_REPORT);
        assertThat(names.stream().filter(n -> n.startsWith(instructed.reference() + "/") && !n.endsWith("/")))
                .hasSize(staffSee.size());
        Set<String> reports = new HashSet<>();
        staffSee.stream().filter(d -> d.type() == DocumentType.INSTRUCTION_REPORT)
                .forEach(d -> reports.add(instructed.reference() + "/" + DossierBundle.safeName(d.filename())));
        assertThat(names).containsAll(reports);

        try (XSSFWorkbook index = new XSSFWorkbook(new ByteArrayInputStream(entries.get("index.xlsx")))) {
            Sheet sheet = index.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).containsExactlyElementsOf(DossierBundle.HEADERS);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(instructed.reference());
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo(instructed.applicant().name());
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo(instructed.title());
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("En attente d'inscription à l'ordre du jour");
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(100.0);
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(100.0);
            assertThat(first.getCell(7).getNumericCellValue()).isEqualTo(staffSee.size());
            assertThat(first.getCell(8).getStringCellValue()).isEqualTo(instructed.reference() + "/");
            Row last = sheet.getRow(2);
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo(submitted.reference());
            assertThat(last.getCell(6)).as("no amount granted yet").isNull();
            assertThat(last.getCell(7).getNumericCellValue())
                    .isEqualTo(documents.views(submitted, WorklistFixtures.OFFICER).size());
        }
    }

    @Test
    void theWorklistsButtonDownloadsTheZipOfTheLinesTicked() throws Exception {
        SubsidyRequest submitted = fixtures.submitted();
        MockHttpServletResponse response = mvc.perform(post("/gestion/lot/pieces.zip").session(login(mvc, "secretariat"))
                .with(csrf()).param("reference", submitted.reference())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(entries(response.getContentAsByteArray()).keySet()).contains("index.xlsx", submitted.reference() + "/");

        MockHttpServletResponse none = mvc.perform(post("/gestion/lot/pieces.zip").session(login(mvc, "secretariat"))
                .with(csrf())).andReturn().getResponse();
        assertThat(none.getStatus()).isEqualTo(400);
        assertThat(none.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"err-reference\"",
                "sélectionnez au moins une demande");
    }

    @Test
    void aSelectionWithAnUnknownRequestIsRefusedWholeAndApplicantsGetNothing() throws Exception {
        SubsidyRequest submitted = fixtures.submitted();
        refusals.refused(post("/api/exports/bundle").with(as("instructeur")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"references\": [\"" + submitted.reference() + "\", \"SUB-2025-9999X\"]}"), 400,
                "references[1]");
        refusals.refused(post("/api/exports/bundle").with(as("instructeur")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"references\": []}"), 400, "references");
        // the applicant's own request included: the bundle is staff's
        refusals.refused(post("/api/exports/bundle").with(as("demandeur")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"references\": [\"" + submitted.reference() + "\"]}"), 403);
    }

    @Test
    void fileNamesAreSafeAndNumberedWhenTheyRepeat() {
        assertThat(DossierBundle.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(DossierBundle.safeName("C:\\Users\\x\\rapport.docx")).isEqualTo("rapport.docx");
        assertThat(DossierBundle.safeName("a\u0000b\u202Ec.pdf")).isEqualTo("a_b_c.pdf");
        assertThat(DossierBundle.safeName(" ..caché. ")).isEqualTo("caché");
        assertThat(DossierBundle.safeName("CON.pdf")).isEqualTo("_CON.pdf");
        assertThat(DossierBundle.safeName("")).isEqualTo("document");
        assertThat(DossierBundle.safeName("x".repeat(300) + ".pdf")).hasSize(120).endsWith(".pdf");
        Set<String> used = new HashSet<>();
        assertThat(DossierBundle.unique("statuts.pdf", used)).isEqualTo("statuts.pdf");
        assertThat(DossierBundle.unique("STATUTS.pdf", used)).isEqualTo("STATUTS (2).pdf");
        assertThat(DossierBundle.unique("statuts.pdf", used)).isEqualTo("statuts (3).pdf");
        assertThat(DossierBundle.unique("rib", used)).isEqualTo("rib");
        assertThat(DossierBundle.unique("rib", used)).isEqualTo("rib (2)");
    }
}
