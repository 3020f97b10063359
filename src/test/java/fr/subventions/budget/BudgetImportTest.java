package fr.subventions.budget;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.shared.Money;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The voted credits of budget lines imported from a budget file, through the API on the whole application (H2): good
 * CSV and .xlsx files create and update lines, a file with any bad row changes nothing and names each bad cell by its
 * row number in the file, and voted credits never go below what is reserved and committed.
 *
 * <p>Other tests share the Spring context and the demo lines of 2023 to next year: these use fiscal years 2031 and 2032
 * only, and a service code of their own in each test ({@code IMP…}), so that each starts from lines nobody else has.
 */
@ApplicationTest
class BudgetImportTest {

    static final String HEADER = "exercice;chapitre;nature;fonction;service;code_service;libelle;credits_votes";
    static final String LABEL = "Subventions de fonctionnement aux associations";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BudgetLineRepository lines;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Scenarios scenarios;
    @Autowired
    ProcessEngine engine;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void realTime() {
        clock.reset();
    }

    @Nested
    class GoodFiles {

        @Test
        void csvCreatesTheLinesThatTheApiThenLists() throws Exception {
            byte[] file = csv(HEADER,
                    "2032;65;65748;90;Développement économique;IMPCSV;" + LABEL + " — numérique;12 345,67",
                    "2032;65;6574;76;Écologie urbaine;IMPCSV;\"Transition énergétique; climat\";1000.5",
                    "2032;204;20421;71;Écologie urbaine;IMPCSV;Subventions d'équipement;500\u00a0000");

            JsonNode summary = imported("finances", "budget-2032.csv", file);

            assertThat(summary.path("format").asText()).isEqualTo("CSV");
            assertThat(summary.path("rows").asInt()).isEqualTo(3);
            assertThat(summary.path("created").asInt()).isEqualTo(3);
            assertThat(summary.path("updated").asInt()).isZero();
            assertThat(summary.path("totalVoted").decimalValue()).isEqualByComparingTo("513346.17");
            assertThat(summary.path("fiscalYears").toString()).isEqualTo("[2032]");
            Map<String, JsonNode> listed = listed("finances", 2032);
            JsonNode numerique = listed.get("2032-65-65748-90-IMPCSV");
            assertThat(numerique).as("lines of 2032: %s", listed.keySet()).isNotNull();
            assertThat(numerique.path("label").asText()).isEqualTo(LABEL + " — numérique");
            assertThat(numerique.path("service").asText()).isEqualTo("Développement économique");
            assertThat(numerique.path("chapter").asText()).isEqualTo("65");
            assertThat(numerique.path("nature").asText()).isEqualTo("65748");
            assertThat(numerique.path("function").asText()).isEqualTo("90");
            assertThat(numerique.path("voted").decimalValue()).isEqualByComparingTo("12345.67");
            assertThat(numerique.path("available").decimalValue()).isEqualByComparingTo("12345.67");
            assertThat(listed.get("2032-65-6574-76-IMPCSV").path("label").asText()).isEqualTo("Transition énergétique; climat");
            assertThat(listed.get("2032-65-6574-76-IMPCSV").path("voted").decimalValue()).isEqualByComparingTo("1000.50");
            assertThat(listed.get("2032-204-20421-71-IMPCSV").path("voted").decimalValue()).isEqualByComparingTo("500000");
            assertThat(jdbc.queryForObject("select count(*) from budget_import where sha256 = ? and imported_by = 'finances'",
                    Long.class, sha256(file))).isEqualTo(1);
        }

        @Test
        void decimalCommaWithThousandsSpacesIsExactToTheCent() throws Exception {
            imported("finances", "budget.csv", csv(HEADER,
                    "2032;65;65748;90;Développement économique;IMPCENT;" + LABEL + ";12 345,67",
                    "2032;65;65748;76;Écologie urbaine;IMPCENT;" + LABEL + ";1\u202f234\u202f567,89\u00a0€",
                    "2032;65;65748;71;Écologie urbaine;IMPCENT;" + LABEL + ";0,01"));

            assertThat(voted("2032-65-65748-90-IMPCENT")).isEqualTo(new BigDecimal("12345.67"));
            assertThat(voted("2032-65-65748-76-IMPCENT")).isEqualTo(new BigDecimal("1234567.89"));
            assertThat(voted("2032-65-65748-71-IMPCENT")).isEqualTo(new BigDecimal("0.01"));
        }

        @Test
        void xlsxWithNumberAndTextCellsInItsFirstSheet() throws Exception {
            byte[] file = xlsx(List.of(
                    List.of("Exercice", "Chapitre", "Nature", "Fonction", "Service", "Code service", "Libellé", "Crédits votés"),
                    List.of(2032, "65", 65748, 90, "Développement économique", "IMPXLSX", LABEL, 2500.75),
                    List.of(),
                    List.of("2032", 65, "6574", "311", "Culture", "IMPXLSX", "Subventions aux associations culturelles",
                            "3 000,10"),
                    List.of(2032, 11, 6068, 20, "Administration générale", "IMPXLSX", "Fournitures", 0)),
                    // chapter 011 typed as the number 11 in a cell formatted 000
                    Map.of(4, 1));

            JsonNode summary = imported("finances", "budget.xlsx", file);

            assertThat(summary.path("format").asText()).isEqualTo("XLSX");
            assertThat(summary.path("created").asInt()).isEqualTo(3);
            assertThat(voted("2032-65-65748-90-IMPXLSX")).isEqualTo(new BigDecimal("2500.75"));
            assertThat(voted("2032-65-6574-311-IMPXLSX")).isEqualTo(new BigDecimal("3000.10"));
            assertThat(voted("2032-011-6068-20-IMPXLSX")).isEqualTo(new BigDecimal("0.00"));
            assertThat(listed("instructeur", 2032)).containsKeys("2032-65-65748-90-IMPXLSX", "2032-65-6574-311-IMPXLSX",
                    "2032-011-6068-20-IMPXLSX");
        }

        @Test
        void formatIsToldByTheContentNotByTheName() throws Exception {
            JsonNode fromCsv = imported("finances", "budget.xlsx",
                    csv(HEADER, "2032;65;65748;90;Développement économique;IMPNAME;" + LABEL + ";100"));
            JsonNode fromXlsx = imported("finances", "budget.csv", xlsx(List.of(List.of((Object[]) HEADER.split(";")),
                    List.of(2032, "65", "65748", "76", "Écologie urbaine", "IMPNAME", LABEL, 200)), Map.of()));

            assertThat(fromCsv.path("format").asText()).isEqualTo("CSV");
            assertThat(fromXlsx.path("format").asText()).isEqualTo("XLSX");
            assertThat(voted("2032-65-65748-90-IMPNAME")).isEqualTo(new BigDecimal("100.00"));
            assertThat(voted("2032-65-65748-76-IMPNAME")).isEqualTo(new BigDecimal("200.00"));
        }

        @Test
        void knownLineGetsTheNewVotedCreditsOfADecisionModificative() throws Exception {
            imported("finances", "bp-2032.csv", csv(HEADER,
                    "2032;65;65748;90;Développement économique;IMPDM;" + LABEL + ";10000",
                    "2032;65;65748;76;Écologie urbaine;IMPDM;" + LABEL + ";5000"));

            JsonNode summary = imported("finances", "dm1-2032.csv", csv(HEADER,
                    "2032;65;65748;90;Développement économique;IMPDM;" + LABEL + ";12 500,50",
                    "2032;65;65748;76;Écologie urbaine;IMPDM;" + LABEL + ";5000,00",
                    "2032;65;65748;71;Écologie urbaine;IMPDM;" + LABEL + ";750"));

            assertThat(summary.path("created").asInt()).isEqualTo(1);
            assertThat(summary.path("updated").asInt()).isEqualTo(1);
            assertThat(summary.path("unchanged").asInt()).isEqualTo(1);
            assertThat(summary.path("totalVoted").decimalValue()).isEqualByComparingTo("18250.50");
            assertThat(voted("2032-65-65748-90-IMPDM")).isEqualTo(new BigDecimal("12500.50"));
            assertThat(voted("2032-65-65748-76-IMPDM")).isEqualTo(new BigDecimal("5000.00"));
            assertThat(voted("2032-65-65748-71-IMPDM")).isEqualTo(new BigDecimal("750.00"));
        }
    }

    @Nested
    class BadFiles {

        @Test
        void oneBadRowAmongGoodOnesImportsNothingAndNamesItsLineInTheFile() throws Exception {
            JsonNode problem = refused("finances", "budget.csv", csv(HEADER,
                    "2032;65;65748;90;Développement économique;IMPBAD;" + LABEL + ";1000",
                    "2032;65;65748;76;Écologie urbaine;IMPBAD;" + LABEL + ";2000",
                    "",
                    "2032;65;65748;71;Écologie urbaine;IMPBAD;" + LABEL + ";trois mille",
                    "2032;65;6574;90;Développement économique;IMPBAD;" + LABEL + ";4000"));

            assertThat(problem.path("title").asText()).isEqualTo("Données invalides");
            assertThat(errors(problem)).containsOnlyKeys("lignes[5].credits_votes");
            assertThat(errors(problem).get("lignes[5].credits_votes")).contains("« trois mille »", "12 345,67");
            assertThat(codesOf(2032)).noneMatch(code -> code.endsWith("-IMPBAD"));
        }

        @Test
        void everyBadCellIsNamedWithWhatIsExpected() throws Exception {
            JsonNode problem = refused("finances", "budget.csv", csv(HEADER,
                    "32;6;65748A;90000;;impbad;;-5",
                    "2032;204;6574;90;Développement économique;IMPCELL;" + LABEL + ";10,555",
                    "1999;65;65748;90;Développement économique;IMPCELL;" + LABEL + ";1.234,56"));

            Map<String, String> errors = errors(problem);
            assertThat(errors).containsOnlyKeys("lignes[2].exercice", "lignes[2].chapitre", "lignes[2].nature",
                    "lignes[2].fonction", "lignes[2].service", "lignes[2].code_service", "lignes[2].libelle",
                    "lignes[2].credits_votes", "lignes[3].nature", "lignes[3].credits_votes", "lignes[4].exercice",
                    "lignes[4].credits_votes");
            assertThat(errors.get("lignes[2].exercice")).contains("« 32 »", "4 chiffres");
            assertThat(errors.get("lignes[2].chapitre")).contains("M57", "65 ou 204");
            assertThat(errors.get("lignes[2].nature")).contains("6574 ou 65748");
            assertThat(errors.get("lignes[2].code_service")).contains("« impbad »", "majuscules");
            assertThat(errors.get("lignes[2].libelle")).contains("obligatoire");
            assertThat(errors.get("lignes[2].credits_votes")).contains("négatifs");
            assertThat(errors.get("lignes[3].nature")).contains("ne relève pas du chapitre 204");
            assertThat(errors.get("lignes[3].credits_votes")).contains("deux décimales");
            assertThat(errors.get("lignes[4].exercice")).contains("entre 2000 et 2100");
            assertThat(errors.get("lignes[4].credits_votes")).contains("illisible");
            assertThat(codesOf(2032)).noneMatch(code -> code.endsWith("-IMPCELL"));
        }

        @Test
        void badRowOfAWorkbookIsNamedByItsRowNumberInTheSheet() throws Exception {
            JsonNode problem = refused("finances", "budget.xlsx", xlsx(List.of(List.of((Object[]) HEADER.split(";")),
                    List.of(2032, 65, 65748, 90, "Développement économique", "IMPXBAD", LABEL, 1000),
                    List.of(),
                    List.of(),
                    List.of(2032, 65, 65748, 76, "Écologie urbaine", "IMPXBAD", LABEL, 1000.123)), Map.of()));

            assertThat(errors(problem)).containsOnlyKeys("lignes[5].credits_votes");
            assertThat(codesOf(2032)).noneMatch(code -> code.endsWith("-IMPXBAD"));
        }

        @Test
        void sameLineTwiceInTheFileNamesBothRows() throws Exception {
            JsonNode problem = refused("finances", "budget.csv", csv(HEADER,
                    "2032;65;65748;90;Développement économique;IMPDUP;" + LABEL + ";1000",
                    "2032;65;65748;76;Écologie urbaine;IMPDUP;" + LABEL + ";2000",
                    "2032;65;65748;90;Développement économique;IMPDUP;Autre libellé;3000"));

            assertThat(errors(problem)).containsOnlyKeys("lignes[4]");
            assertThat(errors(problem).get("lignes[4]")).contains("2032-65-65748-90-IMPDUP", "lignes 2 et 4");
            assertThat(codesOf(2032)).noneMatch(code -> code.endsWith("-IMPDUP"));
        }

        @Test
        void unknownAndMissingColumnsOfTheHeader() throws Exception {
            JsonNode problem = refused("finances", "budget.csv", csv(
                    "exercice;chapitre;nature;fonction;service;code_service;intitule;montant",
                    "2032;65;65748;90;Développement économique;IMPHEAD;" + LABEL + ";1000"));

            assertThat(problem.path("errors")).hasSize(3);
            assertThat(errors(problem)).containsOnlyKeys("lignes[1]");
            assertThat(problem.path("errors").toString()).contains("colonne inconnue « intitule »",
                    "colonne inconnue « montant »", "colonnes manquantes : libelle, credits_votes");
        }

        @Test
        void commaSeparatedFileIsToldToUseSemicolons() throws Exception {
            JsonNode problem = refused("finances", "budget.csv", csv(HEADER.replace(';', ','),
                    "2032,65,65748,90,Développement économique,IMPCOMMA,Libellé,1000"));

            assertThat(errors(problem).get("lignes[1]")).contains("points-virgules");
        }

        @Test
        void csvThatIsNotUtf8() throws Exception {
            JsonNode problem = refused("finances", "budget.csv", (HEADER + "\r\n2032;65;65748;90;Développement économique;"
                    + "IMPANSI;" + LABEL + ";1000\r\n").getBytes(Charset.forName("windows-1252")));

            assertThat(errors(problem).get("file")).contains("UTF-8");
        }

        @Test
        void oldExcelWorkbook() throws Exception {
            byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
            assertThat(errors(refused("finances", "budget.xls", xls)).get("file")).contains(".xls", ".xlsx");
        }

        @Test
        void documentThatIsNoBudgetFile() throws Exception {
            byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            assertThat(errors(refused("finances", "budget.csv", pdf)).get("file")).contains("format non reconnu");
        }

        @Test
        void zipThatIsNoWorkbook() throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (var zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("budget.txt"));
                zip.write(HEADER.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            assertThat(errors(refused("finances", "budget.xlsx", bytes.toByteArray())).get("file")).contains(".xlsx");
        }

        @Test
        void headerAlone() throws Exception {
            assertThat(errors(refused("finances", "budget.csv", csv(HEADER))).get("file")).contains("aucune ligne");
        }

        @Test
        void emptyFile() throws Exception {
            assertThat(errors(refused("finances", "budget.csv", new byte[0]))).containsKey("file");
        }

        @Test
        void fileOverTheSizeLimit() throws Exception {
            byte[] big = new byte[5 * 1024 * 1024 + 1];
            Arrays.fill(big, (byte) ' ');
            assertThat(errors(refused("finances", "budget.csv", big)).get("file")).contains("5 Mo");
        }

        @Test
        void fileOverTheRowLimit() throws Exception {
            StringBuilder text = new StringBuilder(HEADER).append("\n");
            for (int i = 0; i < 10_001; i++) {
                text.append("2032;65;65748;").append(i % 10_000).append(";Développement économique;IMPMANY;")
                        .append(LABEL).append(";1\n");
            }
            JsonNode problem = refused("finances", "budget.csv", text.toString().getBytes(StandardCharsets.UTF_8));

            assertThat(errors(problem).get("file")).contains("plus de 10\u202f000 lignes");
            assertThat(codesOf(2032)).noneMatch(code -> code.endsWith("-IMPMANY"));
        }

        @Test
        void fileMissingFromTheUpload() throws Exception {
            MockHttpServletResponse response = mvc.perform(multipart("/api/budget-lines/import")
                    .param("other", "x").with(as("finances"))).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(errors(json.readTree(response.getContentAsString(StandardCharsets.UTF_8)))).containsKey("file");
        }
    }

    @Nested
    class ReservedAndCommittedCredits {

        static final String CODE = "2031-65-65748-90-IMPHELD";

        @Test
        void votedCreditsNeverGoBelowWhatIsReservedAndCommitted() throws Exception {
            BpmnAwareTests.init(engine);
            imported("finances", "bp-2031.csv", csv(HEADER,
                    "2031;65;65748;90;Développement économique;IMPHELD;" + LABEL + ";10 000"));
            // 4 000 € reserved by a favourable instruction through the process, 2 500 € committed on the line
            scenarios.instructedRequest(2031, CODE, 4000);
            Long id = lines.findByCode(CODE).orElseThrow().id();
            Integer committed = new TransactionTemplate(transactions).execute(tx -> lines.commit(id, BigDecimal.ZERO,
                    new BigDecimal("2500")));
            assertThat(committed).isEqualTo(1);

            JsonNode problem = refused("finances", "dm-2031.csv", csv(HEADER,
                    "2031;65;65748;76;Écologie urbaine;IMPHELD;" + LABEL + ";3000",
                    "2031;65;65748;90;Développement économique;IMPHELD;" + LABEL + ";6 499,99"));

            assertThat(errors(problem)).containsOnlyKeys("lignes[3].credits_votes");
            assertThat(errors(problem).get("lignes[3].credits_votes")).contains(Money.format(new BigDecimal("6499.99")),
                    "réservé (" + Money.format(new BigDecimal("4000")) + ")",
                    "engagé (" + Money.format(new BigDecimal("2500")) + ")", CODE,
                    "soit " + Money.format(new BigDecimal("6500")));
            assertThat(voted(CODE)).isEqualTo(new BigDecimal("10000.00"));
            assertThat(lines.findByCode("2031-65-65748-76-IMPHELD")).isEmpty();

            JsonNode summary = imported("finances", "dm-2031.csv", csv(HEADER,
                    "2031;65;65748;90;Développement économique;IMPHELD;" + LABEL + ";6 500"));
            assertThat(summary.path("updated").asInt()).isEqualTo(1);
            JsonNode line = listed("finances", 2031).get(CODE);
            assertThat(line.path("voted").decimalValue()).isEqualByComparingTo("6500");
            assertThat(line.path("reserved").decimalValue()).isEqualByComparingTo("4000");
            assertThat(line.path("committed").decimalValue()).isEqualByComparingTo("2500");
            assertThat(line.path("available").decimalValue()).isEqualByComparingTo("0");
        }

        /**
         * The import reads the line, a reservation commits in between, then the import lowers the voted credits: the
         * conditional update sees the reservation and changes nothing.
         */
        @Test
        void reservationLandingBetweenTheCheckAndTheUpdateStopsTheUpdate() throws Exception {
            imported("finances", "bp-2031.csv", csv(HEADER,
                    "2031;65;65748;90;Développement économique;IMPRACE;" + LABEL + ";1000"));
            TransactionTemplate importing = new TransactionTemplate(transactions);
            TransactionTemplate reserving = new TransactionTemplate(transactions);
            reserving.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

            int changed = importing.execute(tx -> {
                BudgetLine read = lines.findByFiscalYearIn(List.of(2031)).stream()
                        .filter(l -> l.code().equals("2031-65-65748-90-IMPRACE")).findFirst().orElseThrow();
                assertThat(read.reserved().add(read.committed())).isEqualByComparingTo("0");
                Integer reserved = reserving.execute(other -> lines.reserve(read.id(), new BigDecimal("800")));
                assertThat(reserved).isEqualTo(1);
                int rows = lines.changeVoted(read.id(), new BigDecimal("500.00"));
                // What the import then reports: the figures as they are now, not as the line was read
                assertThat(read.reserved()).isEqualByComparingTo("0");
                Object[] held = lines.heldNow(read.id()).get(0);
                assertThat((BigDecimal) held[0]).isEqualByComparingTo("800");
                assertThat((BigDecimal) held[1]).isEqualByComparingTo("0");
                return rows;
            });

            assertThat(changed).isZero();
            assertThat(voted("2031-65-65748-90-IMPRACE")).isEqualTo(new BigDecimal("1000.00"));
            assertThat(jdbc.queryForObject("select reserved from budget_line where code = ?", BigDecimal.class,
                    "2031-65-65748-90-IMPRACE")).isEqualTo(new BigDecimal("800.00"));
        }
    }

    @Nested
    class Access {

        byte[] file = csv(HEADER, "2032;65;65748;90;Développement économique;IMPACCESS;" + LABEL + ";1000");

        @Test
        void withoutCredentials() throws Exception {
            MockHttpServletResponse response = mvc.perform(multipart("/api/budget-lines/import")
                    .file(new MockMultipartFile("file", "budget.csv", "text/csv", file))).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as("Content-Type %s", response.getContentType()).isTrue();
            assertThat(codesOf(2032)).noneMatch(code -> code.endsWith("-IMPACCESS"));
        }

        @Test
        void onlyFinanceImports() throws Exception {
            for (String user : List.of("instructeur", "secretariat", "demandeur")) {
                MockHttpServletResponse response = upload(user, "budget.csv", file);
                assertThat(response.getStatus()).as(user).isEqualTo(403);
                assertThat(json.readTree(response.getContentAsString(StandardCharsets.UTF_8)).path("detail").asText())
                        .isEqualTo("Votre rôle ne permet pas cette action.");
            }
            assertThat(codesOf(2032)).noneMatch(code -> code.endsWith("-IMPACCESS"));
        }
    }

    // ================================================================================================== helpers

    static byte[] csv(String... rows) {
        // As Excel saves « CSV UTF-8 »: a byte order mark, CRLF line ends
        return ("\ufeff" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A workbook whose first sheet holds these rows (a number is a numeric cell, a text a text cell, an empty row a
     * blank row), and a second sheet that must be ignored; {@code zeroPadded} maps a row index to a column formatted
     * "000".
     */
    static byte[] xlsx(List<List<Object>> rows, Map<Integer, Integer> zeroPadded) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Budget");
            CellStyle padded = workbook.createCellStyle();
            padded.setDataFormat(workbook.createDataFormat().getFormat("000"));
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r).isEmpty()) {
                    continue;
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    var cell = row.createCell(c);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        cell.setCellValue(value.toString());
                    }
                    if (Integer.valueOf(c).equals(zeroPadded.get(r))) {
                        cell.setCellStyle(padded);
                    }
                }
            }
            workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("pas un budget");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    MockHttpServletResponse upload(String user, String filename, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/budget-lines/import")
                .file(new MockMultipartFile("file", filename, "application/octet-stream", content))
                .with(as(user))).andReturn().getResponse();
    }

    JsonNode imported(String user, String filename, byte[] content) throws Exception {
        MockHttpServletResponse response = upload(user, filename, content);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("import of %s: %s", filename, body).isEqualTo(200);
        return json.readTree(body);
    }

    JsonNode refused(String user, String filename, byte[] content) throws Exception {
        MockHttpServletResponse response = upload(user, filename, content);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("import of %s: %s", filename, body).isEqualTo(400);
        assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("Content-Type %s", response.getContentType()).isTrue();
        return json.readTree(body);
    }

    /** errors[] as field → message (the messages of one field joined). */
    static Map<String, String> errors(JsonNode problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.path("errors").forEach(error -> errors.merge(error.path("field").asText(), error.path("message").asText(),
                (a, b) -> a + " | " + b));
        return errors;
    }

    Map<String, JsonNode> listed(String user, int year) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/budget-lines").param("year", String.valueOf(year))
                .with(as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        json.readTree(response.getContentAsString(StandardCharsets.UTF_8)).forEach(line -> byCode.put(line.path("code").asText(), line));
        return byCode;
    }

    List<String> codesOf(int year) {
        return new ArrayList<>(jdbc.queryForList("select code from budget_line where fiscal_year = ?", String.class, year));
    }

    /** The voted credits as the DECIMAL column holds them, scale included. */
    BigDecimal voted(String code) {
        return jdbc.queryForObject("select voted from budget_line where code = ?", BigDecimal.class, code);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
