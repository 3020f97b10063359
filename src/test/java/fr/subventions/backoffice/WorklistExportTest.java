package fr.subventions.backoffice;

import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.subventions.submission.LegalForm;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.SeedRequests.Beneficiary;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The filtered worklist exported, every column: CSV as French spreadsheets read it, and .xlsx with amounts and dates as
 * numbers and dates.
 */
@ApplicationTest
class WorklistExportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    WorklistFixtures fixtures;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    MockHttpServletResponse export(String format, String query) throws Exception {
        MockHttpSession officer = login(mvc, "instructeur");
        return mvc.perform(get("/gestion/export." + format + "?" + query).session(officer)).andReturn().getResponse();
    }

    @Test
    void theCsvIsUtf8WithItsMarkSemicolonsDecimalCommasAndFrenchDates() throws Exception {
        Beneficiary beneficiary = Beneficiary.newAssociation();
        clock.set(LocalDate.of(2026, 5, 4));
        SubsidyRequest late = fixtures.incomplete(beneficiary, 2026, 12345);
        clock.set(LocalDate.of(2026, 6, 10));
        SubsidyRequest instructed = fixtures.instructed(beneficiary, 2026, 20000, true);

        MockHttpServletResponse response = export("csv", "onglet=tous&tri=demande&ordre=asc&recherche="
                + beneficiary.siret());
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeader("Content-Disposition")).isEqualTo(
                "attachment; filename=\"demandes-tous-2026-06-10.csv\"");
        byte[] bytes = response.getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("Référence;Demandeur;SIRET;RNA;Objet;Thématique;Service;Exercice;"
                + "Montant demandé;Montant proposé;Montant accordé;Étape;Jours à l'étape;Prise par;Prochaine échéance;"
                + "Échéance pour;En retard;En attente de réponse depuis");
        assertThat(lines.get(1)).isEqualTo(String.join(";", late.reference(), beneficiary.name(), beneficiary.siret(),
                beneficiary.rna(), late.title(), late.theme(), "", "2026", "12345,00", "", "", "Incomplète", "37", "",
                "03/06/2026", "pièces manquantes", "oui", ""));
        assertThat(lines.get(2)).isEqualTo(String.join(";", instructed.reference(), beneficiary.name(),
                beneficiary.siret(), beneficiary.rna(), instructed.title(), instructed.theme(),
                "Développement économique, Écologie urbaine", "2026", "20000,00", "20000,00", "",
                "En attente d'inscription à l'ordre du jour", "0", "", "", "", "", ""));
    }

    @Test
    void aCsvFieldIsQuotedWhenItMustAndNeverReadAsAFormula() {
        assertThat(WorklistExport.field("Association « Les Amis ; du Vélo »")).isEqualTo("\"Association « Les Amis ; du Vélo »\"");
        assertThat(WorklistExport.field("Le \"Club\"")).isEqualTo("\"Le \"\"Club\"\"\"");
        assertThat(WorklistExport.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(WorklistExport.field("+33 3 80 00 00 00")).isEqualTo("'+33 3 80 00 00 00");
        assertThat(WorklistExport.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(WorklistExport.field("Ligne 1\nLigne 2")).isEqualTo("\"Ligne 1\nLigne 2\"");
        assertThat(WorklistExport.number(new BigDecimal("1234567.5"))).isEqualTo("1234567,50");
    }

    @Test
    void theWorkbookHoldsAmountsAsEurosAndDatesAsDates() throws Exception {
        Beneficiary company = Beneficiary.fresh(LegalForm.COMPANY);
        clock.set(LocalDate.of(2026, 5, 4));
        SubsidyRequest late = fixtures.incomplete(company, 2026, 12345);
        clock.set(LocalDate.of(2026, 6, 10));

        MockHttpServletResponse response = export("xlsx", "onglet=pieces-demandees&recherche=" + company.siret());
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo(WorklistExport.XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheet("Demandes");
            assertThat(sheet.getLastRowNum()).isOne();
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Référence");
            assertThat(header.getCell(16).getStringCellValue()).isEqualTo("En retard");
            assertThat(header.getCell(17).getStringCellValue()).isEqualTo("En attente de réponse depuis");
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(late.reference());
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(company.name());
            assertThat(row.getCell(3)).isNull();
            assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(2026);
            Cell requested = row.getCell(8);
            assertThat(requested.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(requested.getNumericCellValue()).isEqualTo(12345.0);
            assertThat(requested.getCellStyle().getDataFormatString()).contains("€");
            assertThat(row.getCell(9)).isNull();
            assertThat(row.getCell(12).getNumericCellValue()).isEqualTo(37);
            Cell due = row.getCell(14);
            assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
            assertThat(due.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 3));
            assertThat(row.getCell(15).getStringCellValue()).isEqualTo("pièces manquantes");
            assertThat(row.getCell(16).getStringCellValue()).isEqualTo("oui");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        }
    }

    @Test
    void theWholeListGoesOutWhateverItsLength() throws Exception {
        MockHttpServletResponse response = export("csv", "onglet=tous");
        long lines = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8).split("\r\n").length;
        long requests = jdbc.queryForObject("select count(*) from subsidy_request", Long.class);
        assertThat(lines).isEqualTo(requests + 1);
    }
}
