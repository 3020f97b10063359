package fr.subventions.documents;

import fr.subventions.submission.SubsidyRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The dashboard export: every request with its status, stage, amounts and dates, filterable in a spreadsheet. */
final class RequestsExport {

    static {
        XmlFactories.install();
    }

    private RequestsExport() {
    }

    static byte[] workbook(List<SubsidyRequest> requests, ZoneId zone) {
        // Streaming: thousands of requests a year, a bounded window of rows in memory
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Workbooks.Styles styles = new Workbooks.Styles(workbook);
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            SXSSFSheet sheet = workbook.createSheet("Demandes");
            String[] headers = {"Référence", "Demandeur", "SIRET", "Objet", "Thématique", "Exercice", "Statut", "Étape",
                    "Décision", "Budget total", "Montant demandé", "Montant proposé", "Montant attribué", "Déposée le",
                    "Dernière étape le"};
            Workbooks.header(sheet, 0, headers, styles);
            int r = 1;
            for (SubsidyRequest request : requests) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(request.reference());
                row.createCell(1).setCellValue(DocumentText.clean(request.applicant().name()));
                row.createCell(2).setCellValue(request.applicant().siret());
                row.createCell(3).setCellValue(DocumentText.clean(request.title()));
                row.createCell(4).setCellValue(DocumentText.clean(request.theme()));
                row.createCell(5).setCellValue(request.fiscalYear());
                row.createCell(6).setCellValue(request.status().name());
                row.createCell(7).setCellValue(request.status().label());
                row.createCell(8).setCellValue(request.outcome() == null ? "" : request.outcome().name());
                Workbooks.amount(row, 9, request.totalBudget(), styles.euros);
                Workbooks.amount(row, 10, request.requestedAmount(), styles.euros);
                Workbooks.amount(row, 11, request.proposedAmount(), styles.euros);
                Workbooks.amount(row, 12, request.grantedAmount(), styles.euros);
                date(row, 13, LocalDateTime.ofInstant(request.submittedAt(), zone), dateTime);
                var history = request.history();
                if (!history.isEmpty()) {
                    date(row, 14, LocalDateTime.ofInstant(history.get(history.size() - 1).at(), zone), dateTime);
                }
            }
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, headers.length - 1));
            sheet.createFreezePane(1, 1);
            Workbooks.widths(sheet, 16, 36, 16, 48, 30, 9, 20, 36, 14, 14, 14, 14, 14, 17, 17);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private static void date(Row row, int column, LocalDateTime value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
