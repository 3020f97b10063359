package fr.subventions.documents;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.submission.DocumentType;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The workbooks served on demand: the year's budget with its formulas, and the filterable export of requests. */
@ApplicationTest
class ExportsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenarios scenarios;
    @Autowired
    ProcessEngine engine;

    @Test
    void budgetWorkbookTotalsEachColumnWithFormulas() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/budget-lines/workbook.xlsx?year=2025").with(as("finances")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", DocumentType.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).startsWith("2025-65-65748");
            assertThat(sheet.getRow(3).getCell(9).getCellFormula()).isEqualTo("G4-H4-I4");
            int total = sheet.getLastRowNum();
            assertThat(sheet.getRow(total).getCell(6).getCellFormula()).startsWith("SUM(G4:G");
        }
    }

    /** The "done when": the budget workbook shows, line by line and in total, the figures of the API. */
    @Test
    void budgetWorkbookShowsTheSameFiguresAsTheApi() throws Exception {
        BpmnAwareTests.init(engine);
        scenarios.instructedRequest(2024, "2024-65-65748-76-ECOURB", 1234);
        JsonNode api = new ObjectMapper().readTree(
                mvc.perform(get("/api/budget-lines?year=2024").with(as("finances")))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        byte[] xlsx = mvc.perform(get("/api/budget-lines/workbook.xlsx?year=2024").with(as("finances")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            Map<String, BigDecimal[]> rows = new HashMap<>();
            for (int r = 3; r < sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                BigDecimal[] figures = new BigDecimal[4];
                for (int c = 6; c <= 9; c++) {
                    figures[c - 6] = cents(evaluator.evaluate(row.getCell(c)).getNumberValue());
                }
                rows.put(row.getCell(0).getStringCellValue(), figures);
            }
            assertThat(rows).hasSize(api.size());
            BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO};
            String[] fields = {"voted", "reserved", "committed", "available"};
            for (JsonNode line : api) {
                BigDecimal[] figures = rows.get(line.path("code").asText());
                assertThat(figures).as(line.path("code").asText()).isNotNull();
                for (int i = 0; i < 4; i++) {
                    assertThat(figures[i]).as(line.path("code").asText() + " " + fields[i])
                            .isEqualByComparingTo(line.path(fields[i]).decimalValue());
                    totals[i] = totals[i].add(line.path(fields[i]).decimalValue());
                }
            }
            var total = sheet.getRow(sheet.getLastRowNum());
            for (int i = 0; i < 4; i++) {
                // a spreadsheet computes in binary floating point and shows cents: compare what it shows
                assertThat(cents(evaluator.evaluate(total.getCell(6 + i)).getNumberValue()))
                        .as("total " + fields[i]).isEqualByComparingTo(totals[i]);
            }
        }
    }

    private static BigDecimal cents(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void requestsExportListsEveryRequestWithAFilter() throws Exception {
        BpmnAwareTests.init(engine);
        String reference = scenarios.instructedRequest(2025, "2025-65-65748-90-DEVECO").reference();
        byte[] xlsx = mvc.perform(get("/api/exports/requests.xlsx").with(as("secretariat")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Référence");
            assertThat(workbook.getSheetAt(0).getCTWorksheet().isSetAutoFilter()).isTrue();
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(0).getStringCellValue().equals(reference)) {
                    found = true;
                    assertThat(sheet.getRow(r).getCell(6).getStringCellValue()).isEqualTo("AWAITING_AGENDA");
                    assertThat(sheet.getRow(r).getCell(11).getNumericCellValue()).isEqualTo(20000.0);
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void applicantsGetNeitherWorkbook() throws Exception {
        mvc.perform(get("/api/exports/requests.xlsx").with(as("demandeur"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/budget-lines/workbook.xlsx?year=2025").with(as("demandeur")))
                .andExpect(status().isForbidden());
    }
}
