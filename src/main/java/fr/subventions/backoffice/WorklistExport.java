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
import java.util.List;
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
            "Prochaine échéance", "Échéance pour", "En retard");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int ROWS_IN_MEMORY = 100;

    private final WorklistService worklist;

    WorklistExport(WorklistService worklist) {
        this.worklist = worklist;
    }

    void csv(WorklistQuery query, Caller caller, OutputStream out) throws IOException {
        out.write(BOM);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        line(writer, HEADERS);
        try {
            worklist.export(query, caller, row -> line(writer, csvValues(row)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    void xlsx(WorklistQuery query, Caller caller, OutputStream out) throws IOException {
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
            for (int c = 0; c < HEADERS.size(); c++) {
                Cell cell = first.createCell(c);
                cell.setCellValue(HEADERS.get(c));
                cell.setCellStyle(header);
            }
            int[] next = {1};
            worklist.export(query, caller, line -> {
                Row row = sheet.createRow(next[0]++);
                text(row, 0, line.reference());
                text(row, 1, line.applicantName());
                text(row, 2, line.siret());
                text(row, 3, line.rna());
                text(row, 4, line.title());
                text(row, 5, line.theme());
                text(row, 6, line.services());
                row.createCell(7).setCellValue(line.fiscalYear());
                amount(row, 8, line.requested(), euros);
                amount(row, 9, line.proposed(), euros);
                amount(row, 10, line.granted(), euros);
                text(row, 11, line.stage().label());
                row.createCell(12).setCellValue(line.daysAtStage());
                text(row, 13, line.takenBy());
                if (line.deadline() != null) {
                    Cell due = row.createCell(14);
                    due.setCellValue(line.deadline().due());
                    due.setCellStyle(date);
                    text(row, 15, line.deadline().kind().label());
                    text(row, 16, line.deadline().overdue() ? "oui" : "non");
                }
            });
            int last = next[0] - 1;
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, last), 0, HEADERS.size() - 1));
            sheet.createFreezePane(1, 1);
            int[] widths = {16, 36, 16, 12, 48, 30, 24, 9, 15, 15, 15, 36, 9, 16, 14, 26, 9};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
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

    private static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(DocumentText.clean(value));
        }
    }

    private static void amount(Row row, int column, BigDecimal value, CellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
    }
}
