package fr.subventions.documents;

import fr.subventions.budget.BudgetLine;
import fr.subventions.budget.Commitment;
import fr.subventions.submission.SubsidyRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The workbooks finance works with: amounts as numbers in euros, totals as formulas. */
public final class Workbooks {

    static {
        XmlFactories.install();
    }

    static final String EUROS = "#,##0.00\\ \"€\"";

    private Workbooks() {
    }

    /** Fiche d'engagement: the lines a granted subsidy is committed on, with their engagement numbers. */
    static byte[] engagementSheet(SubsidyRequest request, List<Commitment> commitments) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet("Engagement");
            text(sheet, 0, 0, "Fiche d'engagement – dossier " + request.reference(), styles.title);
            text(sheet, 1, 0, "Bénéficiaire : " + DocumentText.clean(request.applicant().name()) + " (SIRET "
                    + request.applicant().siret() + ")", null);
            text(sheet, 2, 0, "Objet : " + DocumentText.clean(request.title()), null);
            text(sheet, 3, 0, "Exercice : " + request.fiscalYear(), null);
            String[] headers = {"Ligne budgétaire", "Libellé", "Service", "Montant engagé", "N° d'engagement"};
            header(sheet, 5, headers, styles);
            int r = 6;
            for (Commitment c : commitments) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(c.line().code());
                row.createCell(1).setCellValue(c.line().label());
                row.createCell(2).setCellValue(c.line().service());
                amount(row, 3, c.amount(), styles.euros);
                row.createCell(4).setCellValue(c.engagementNumber());
            }
            Row total = sheet.createRow(r);
            text(total, 2, "Total", styles.bold);
            Cell sum = total.createCell(3);
            sum.setCellFormula(commitments.isEmpty() ? "0" : "SUM(D7:D" + r + ")");
            sum.setCellStyle(styles.totalEuros);
            widths(sheet, 26, 48, 24, 16, 18);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The budget of a fiscal year: voted, reserved, committed and available per line; available and totals are formulas. */
    public static byte[] budgetWorkbook(int fiscalYear, List<BudgetLine> lines) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet("Budget " + fiscalYear);
            text(sheet, 0, 0, "Subventions – budget de l'exercice " + fiscalYear, styles.title);
            String[] headers = {"Ligne budgétaire", "Libellé", "Chapitre", "Nature", "Fonction", "Service", "Crédits votés",
                    "Réservé", "Engagé", "Disponible"};
            header(sheet, 2, headers, styles);
            int r = 3;
            for (BudgetLine line : lines) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(line.code());
                row.createCell(1).setCellValue(line.label());
                row.createCell(2).setCellValue(line.chapter());
                row.createCell(3).setCellValue(line.nature());
                row.createCell(4).setCellValue(line.function());
                row.createCell(5).setCellValue(line.service());
                amount(row, 6, line.voted(), styles.euros);
                amount(row, 7, line.reserved(), styles.euros);
                amount(row, 8, line.committed(), styles.euros);
                Cell available = row.createCell(9);
                int excel = r + 1;
                available.setCellFormula("G" + excel + "-H" + excel + "-I" + excel);
                available.setCellStyle(styles.euros);
                r++;
            }
            Row total = sheet.createRow(r);
            text(total, 5, "Total", styles.bold);
            for (int c = 6; c <= 9; c++) {
                String column = String.valueOf((char) ('A' + c));
                Cell sum = total.createCell(c);
                sum.setCellFormula(lines.isEmpty() ? "0" : "SUM(" + column + "4:" + column + r + ")");
                sum.setCellStyle(styles.totalEuros);
            }
            sheet.setAutoFilter(new CellRangeAddress(2, Math.max(2, r - 1), 0, headers.length - 1));
            sheet.createFreezePane(0, 3);
            widths(sheet, 26, 48, 10, 10, 10, 24, 16, 16, 16, 16);
            workbook.setForceFormulaRecalculation(true);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void header(Sheet sheet, int rowIndex, String[] headers, Styles styles) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < headers.length; i++) {
            text(row, i, headers[i], styles.header);
        }
    }

    static void amount(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    static void text(Sheet sheet, int rowIndex, int column, String value, CellStyle style) {
        Row row = sheet.getRow(rowIndex) == null ? sheet.createRow(rowIndex) : sheet.getRow(rowIndex);
        text(row, column, value, style);
    }

    static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }

    static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    /** The few styles every workbook shares. */
    static final class Styles {

        final CellStyle title;
        final CellStyle header;
        final CellStyle bold;
        final CellStyle euros;
        final CellStyle totalEuros;
        final CellStyle date;

        Styles(Workbook workbook) {
            DataFormat format = workbook.createDataFormat();
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 13);
            title = workbook.createCellStyle();
            title.setFont(titleFont);
            header = workbook.createCellStyle();
            header.setFont(boldFont);
            header.setBorderBottom(BorderStyle.THIN);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            euros = workbook.createCellStyle();
            euros.setDataFormat(format.getFormat(EUROS));
            totalEuros = workbook.createCellStyle();
            totalEuros.setDataFormat(format.getFormat(EUROS));
            totalEuros.setFont(boldFont);
            totalEuros.setBorderTop(BorderStyle.THIN);
            date = workbook.createCellStyle();
            date.setDataFormat(format.getFormat("dd/mm/yyyy"));
        }
    }
}
