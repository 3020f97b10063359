package fr.subventions.backoffice;

import fr.subventions.documents.DocumentText;
import fr.subventions.shared.Caller;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The filtered worklist as a spreadsheet, every column, streamed: lines come one at a time from the database's cursor
 * ({@link WorklistService#export}) and go out at once — as CSV the way French spreadsheets read it (UTF-8 with a byte
 * order mark, semicolons, decimal commas, dates as 31/12/2026), or as .xlsx through POI's streaming workbook, which
 * keeps a hundred rows in memory and the rest in a temporary file until the workbook is written out.
 */
@Component
class WorklistExport {

    static final List<String> HEADERS = List.of("Référence", "Demandeur", "SIRET", "RNA", "Objet", "Thématique", "Service",
            "Exercice", "Montant demandé", "Montant proposé", "Montant accordé", "Étape", "Jours à l'étape", "Prise par",
            "Prochaine échéance", "Échéance pour", "En retard", "En attente de réponse depuis");
    /** Each column's key, in the order of {@link #HEADERS}: what an export template names its columns by. */
    static final List<String> KEYS = List.of("reference", "demandeur", "siret", "rna", "objet", "thematique", "service",
            "exercice", "montant-demande", "montant-propose", "montant-accorde", "etape", "jours", "prise-par",
            "echeance", "echeance-pour", "en-retard", "en-attente-de-reponse");
    /** Every column, in its order: the worklist's own exports. */
    static final List<Integer> ALL = IntStream.range(0, HEADERS.size()).boxed().toList();
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int ROWS_IN_MEMORY = 100;

    private final WorklistService worklist;

    WorklistExport(WorklistService worklist) {
        this.worklist = worklist;
    }

    void csv(WorklistQuery query, Caller caller, OutputStream out) throws IOException {
        csv(query, ALL, caller, out);
    }

    /** The columns chosen ({@link #HEADERS}' indexes), in their order: an export template's. */
    void csv(WorklistQuery query, List<Integer> columns, Caller caller, OutputStream out) throws IOException {
        out.write(BOM);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        line(writer, pick(HEADERS, columns));
        try {
            worklist.export(query, caller, row -> line(writer, pick(csvValues(row), columns)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    void xlsx(WorklistQuery query, Caller caller, OutputStream out) throws IOException {
        xlsx(query, ALL, caller, out);
    }

    /** The columns chosen ({@link #HEADERS}' indexes), in their order: an export template's. */
    void xlsx(WorklistQuery query, List<Integer> columns, Caller caller, OutputStream out) throws IOException {
        // where each column goes in the sheet, or -1 when it is left out
        int[] at = new int[HEADERS.size()];
        Arrays.fill(at, -1);
        for (int c = 0; c < columns.size(); c++) {
            at[columns.get(c)] = c;
        }
        // rows beyond the window go to a temporary file, not compressed: some 40 MB for 100 000 lines, a fifth faster
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        workbook.setCompressTempFiles(false);
        try {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle euros = workbook.createCellStyle();
            euros.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00\\ \"€\""));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            SXSSFSheet sheet = workbook.createSheet("Demandes");
            Row first = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = first.createCell(c);
                cell.setCellValue(HEADERS.get(columns.get(c)));
                cell.setCellStyle(header);
            }
            int[] next = {1};
            worklist.export(query, caller, line -> {
                Row row = sheet.createRow(next[0]++);
                text(row, at[0], line.reference());
                text(row, at[1], line.applicantName());
                text(row, at[2], line.siret());
                text(row, at[3], line.rna());
                text(row, at[4], line.title());
                text(row, at[5], line.theme());
                text(row, at[6], line.services());
                number(row, at[7], line.fiscalYear());
                amount(row, at[8], line.requested(), euros);
                amount(row, at[9], line.proposed(), euros);
                amount(row, at[10], line.granted(), euros);
                text(row, at[11], line.stage().label());
                number(row, at[12], line.daysAtStage());
                text(row, at[13], line.takenBy());
                if (line.deadline() != null) {
                    if (at[14] >= 0) {
                        Cell due = row.createCell(at[14]);
                        due.setCellValue(line.deadline().due());
                        due.setCellStyle(date);
                    }
                    text(row, at[15], line.deadline().kind().label());
                    text(row, at[16], line.deadline().overdue() ? "oui" : "non");
                }
                if (line.awaitingReplySince() != null && at[17] >= 0) {
                    Cell awaiting = row.createCell(at[17]);
                    awaiting.setCellValue(line.awaitingReplySince());
                    awaiting.setCellStyle(date);
                }
            });
            int last = next[0] - 1;
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, last), 0, columns.size() - 1));
            sheet.createFreezePane(1, 1);
            int[] widths = {16, 36, 16, 12, 48, 30, 24, 9, 15, 15, 15, 36, 9, 16, 14, 26, 9, 14};
            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, widths[columns.get(c)] * 256);
            }
            workbook.write(out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** A line's values as French spreadsheets read them. */
    static List<String> csvValues(WorklistRow row) {
        List<String> values = new ArrayList<>(HEADERS.size());
        values.add(row.reference());
        values.add(row.applicantName());
        values.add(row.siret());
        values.add(row.rna());
        values.add(row.title());
        values.add(row.theme());
        values.add(row.services());
        values.add(String.valueOf(row.fiscalYear()));
        values.add(number(row.requested()));
        values.add(number(row.proposed()));
        values.add(number(row.granted()));
        values.add(row.stage().label());
        values.add(String.valueOf(row.daysAtStage()));
        values.add(row.takenBy());
        values.add(row.deadline() == null ? null : row.deadline().due().format(FRENCH_DATE));
        values.add(row.deadline() == null ? null : row.deadline().kind().label());
        values.add(row.deadline() == null ? null : row.deadline().overdue() ? "oui" : "non");
        values.add(row.awaitingReplySince() == null ? null : row.awaitingReplySince().format(FRENCH_DATE));
        return values;
    }

    /** 20000,00: a decimal comma and no grouping, which a French spreadsheet reads as a number. */
    static String number(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    private static void line(Writer writer, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(';');
            }
            writer.write(field(values.get(i)));
        }
        writer.write("\r\n");
    }

    /**
     * Quoted when it holds a semicolon, a quote or a line break; a text a spreadsheet would take for a formula (=, +,
     * -, @ first) starts with an apostrophe, so that opening the file runs nothing.
     */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(,\\d+)?")) {
            text = "'" + text;
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static List<String> pick(List<String> values, List<Integer> columns) {
        return columns.stream().map(values::get).toList();
    }

    private static void number(Row row, int column, long value) {
        if (column >= 0) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null && column >= 0) {
            row.createCell(column).setCellValue(DocumentText.clean(value));
        }
    }

    private static void amount(Row row, int column, BigDecimal value, CellStyle style) {
        if (value != null && column >= 0) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
    }
}
