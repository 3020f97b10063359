package fr.subventions.submission;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Refusals;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * What an uploaded file may be: its format read from its content, never its name; an Office container is inflated
 * once to refuse a decompression bomb or an entry escaping the archive, for the request's documents as for the budget
 * import; its name kept readable but harmless, and served back as an attachment that cannot inject a header.
 */
@ApplicationTest
class UploadSafetyTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    Scenarios scenarios;
    @Autowired
    Refusals refusals;

    String reference;

    @BeforeEach
    void requestOfTheApplicant() {
        reference = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request().reference();
    }

    @Test
    void poiKeepsItsZipBombProtection() {
        assertThat(ZipSecureFile.getMinInflateRatio()).as("POI's smallest compression ratio").isEqualTo(0.01d);
        assertThat(ZipSecureFile.getMaxEntrySize()).as("POI's largest entry").isLessThanOrEqualTo(0xFFFFFFFFL);
    }

    // ------------------------------------------------------------------------------------------- bombs and slips

    @Test
    void aDecompressionBombNamedDocxIsRefused() throws Exception {
        JsonNode problem = refusals.refused(upload("rapport.docx", bomb("word/document.xml")), 400, "file");
        assertThat(message(problem)).contains("bombe de décompression");
    }

    @Test
    void aDecompressionBombNamedXlsxIsRefusedAsADocumentAndAsABudgetFile() throws Exception {
        byte[] bomb = bomb("xl/workbook.xml");
        assertThat(message(refusals.refused(upload("budget.xlsx", bomb), 400, "file"))).contains("bombe de décompression");
        assertThat(message(refusals.refused(budget("budget.xlsx", bomb), 400, "file"))).contains("bombe de décompression");
    }

    @Test
    void anEntryEscapingTheArchiveIsRefused() throws Exception {
        for (String slip : new String[] {"../../../../tmp/evil.sh", "/etc/cron.d/evil", "word/..\\..\\evil.dll",
                "C:/Windows/evil.dll", "word/../../evil.xml"}) {
            Map<String, byte[]> entries = office("word/document.xml");
            entries.put(slip, "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII));
            byte[] docx = zip(entries);
            assertThat(message(refusals.refused(upload("statuts.docx", docx), 400, "file"))).as(slip)
                    .contains("sortirait du dossier de l'archive");
            assertThat(message(refusals.refused(budget("budget.xlsx", docx), 400, "file"))).as(slip)
                    .contains("sortirait du dossier de l'archive");
        }
    }

    // --------------------------------------------------------------------------------- the format from the content

    @Test
    void theFormatComesFromTheContentNotTheName() throws Exception {
        assertThat(uploaded("statuts.pdf", realDocx()).path("mediaType").asText()).isEqualTo(DocumentService.DOCX);
        assertThat(uploaded("statuts.docx", Scenarios.PDF).path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(uploaded("statuts.txt", odt()).path("mediaType").asText()).isEqualTo(DocumentService.ODT);
        assertThat(uploaded("budget.bin", zip(office("xl/workbook.xml"))).path("mediaType").asText())
                .isEqualTo(DocumentService.XLSX);
    }

    @Test
    void whatOnlyCarriesAnAcceptedNameIsRefused() throws Exception {
        Map<String, byte[]> refused = new LinkedHashMap<>();
        refused.put("page.pdf", "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));
        refused.put("image.png", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8));
        refused.put("programme.docx", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0});
        refused.put("script.odt", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII));
        refused.put("archive.docx", zip(Map.of("notes.txt", "texte".getBytes(StandardCharsets.UTF_8))));
        refused.put("sans-document.docx", zip(Map.of("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8))));
        refused.put("tronque.docx", Arrays.copyOf(realDocx(), 40));
        refused.put("faux.odt", zip(Map.of("mimetype", "application/x-shellscript".getBytes(StandardCharsets.US_ASCII))));
        for (Map.Entry<String, byte[]> file : refused.entrySet()) {
            assertThat(message(refusals.refused(upload(file.getKey(), file.getValue()), 400, "file"))).as(file.getKey())
                    .containsAnyOf("format non accepté", "archive non acceptée", "archive illisible");
        }
    }

    @Test
    void aFileAboveTheSizeLimitIsRefused() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(Scenarios.PDF, 0, big, 0, Scenarios.PDF.length);
        assertThat(message(refusals.refused(upload("gros.pdf", big), 400, "file"))).contains("taille maximale");
    }

    // -------------------------------------------------------------------------------------------------- names

    @Test
    void namesLoseTheirPathsControlsAndInvisibleCharacters() throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("../../etc/passwd", "passwd");
        names.put("..\\..\\windows\\win.ini", "win.ini");
        names.put("C:\\Users\\marie\\Documents\\rib.pdf", "rib.pdf");
        names.put("rib\u0000.pdf", "rib_.pdf");
        names.put("facture\u202Efdp.exe", "facture_fdp.exe");
        names.put("zéro\u200Blargeur.pdf", "zéro_largeur.pdf");
        names.put("rib\r\nX-Injecte: oui.pdf", "rib__X-Injecte_ oui.pdf");
        names.put("<script>alert(1)</script>.pdf", "script_.pdf");
        names.put("\"guillemets\";x=y.pdf", "_guillemets_;x=y.pdf");
        names.put("..", "document");
        names.put("   ", "document");
        names.put("relevé 🏦 2025.pdf", "relevé 🏦 2025.pdf");
        for (Map.Entry<String, String> name : names.entrySet()) {
            JsonNode document = uploaded(name.getKey(), Scenarios.PDF);
            assertThat(document.path("filename").asText()).as("%s", name.getKey()).isEqualTo(name.getValue());
            MockHttpServletResponse download = mvc.perform(get("/api/documents/{id}/content", document.path("id").asLong())
                    .with(as("demandeur"))).andReturn().getResponse();
            String disposition = download.getHeader(HttpHeaders.CONTENT_DISPOSITION);
            assertThat(disposition).as("%s", name.getKey()).startsWith("attachment;").doesNotContain("\r", "\n", "\u202E", "\u0000");
            assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(download.getHeaderNames()).doesNotContain("X-Injecte");
        }
        assertThat(uploaded("x".repeat(300) + ".pdf", Scenarios.PDF).path("filename").asText()).hasSize(200).endsWith(".pdf");
    }

    // ------------------------------------------------------------------------------------------------------------

    private JsonNode uploaded(String name, byte[] content) throws Exception {
        MockHttpServletResponse response = mvc.perform(upload(name, content)).andReturn().getResponse();
        assertThat(response.getStatus()).as("%s: %s", name, response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private RequestBuilder upload(String name, byte[] content) {
        return multipart("/api/requests/{reference}/documents", reference)
                .file(new MockMultipartFile("file", name, "application/octet-stream", content)).param("type", "AUTRE")
                .with(as("demandeur"));
    }

    private RequestBuilder budget(String name, byte[] content) {
        return multipart("/api/budget-lines/import").file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(as("finances"));
    }

    private static String message(JsonNode problem) {
        return problem.path("errors").get(0).path("message").asText();
    }

    /** An Office container whose main part inflates from a few kilobytes to 50 MB of zeros. */
    private static byte[] bomb(String mainPart) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(mainPart));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).as("the bomb is small").isLessThan(200_000);
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> office(String mainPart) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                .getBytes(StandardCharsets.UTF_8));
        entries.put(mainPart, "<document/>".getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    private static byte[] odt() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mimetype", DocumentService.ODT.getBytes(StandardCharsets.US_ASCII));
        entries.put("content.xml", "<office:document-content/>".getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] realDocx() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Statuts de l'association");
            document.write(bytes);
            return bytes.toByteArray();
        }
    }
}
