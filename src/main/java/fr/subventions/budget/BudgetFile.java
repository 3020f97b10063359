package fr.subventions.budget;

import fr.subventions.shared.InvalidInputException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rows of a budget file, as the user sees them: a CSV file (UTF-8, separator ;) or the first sheet of an .xlsx
 * workbook, told apart by their content. Each row keeps its number in the file (the first line is 1) so that an error
 * can name it; blank rows are skipped. The workbook is read as a stream, never loaded whole, and reading stops as soon
 * as the file holds more rows than allowed. The reading itself is {@link BudgetCsv}'s and {@link BudgetWorkbook}'s.
 */
final class BudgetFile {

    enum Format {
        CSV, XLSX
    }

    /**
     * One cell: its text as typed (or, for a number of a workbook, the number written out), and the exact number of a
     * numeric cell of a workbook.
     */
    record Cell(String text, BigDecimal number) {

        static final Cell BLANK = new Cell("", null);

        boolean isBlank() {
            return number == null && text.isBlank();
        }
    }

    /** A row that is not blank, with its number in the file (header = 1 when it opens the file). */
    record Row(int number, List<Cell> cells) {

        Cell cell(int column) {
            return column < cells.size() ? cells.get(column) : Cell.BLANK;
        }

        /** The number of cells up to the last one that is not blank. */
        int width() {
            int width = cells.size();
            while (width > 0 && cell(width - 1).isBlank()) {
                width--;
            }
            return width;
        }
    }

    /**
     * A row of the file that could not be read at all (a quote never closed): reported with its number, with the
     * other errors.
     */
    record Unreadable(int number, String message) {
    }

    record Content(Format format, List<Row> rows, List<Unreadable> unreadable) {
    }

    static final char SEPARATOR = ';';
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    /** PDF, PNG, JPEG, GIF: what people attach by mistake. */
    private static final List<byte[]> OTHER_FORMATS = List.of("%PDF".getBytes(StandardCharsets.US_ASCII),
            new byte[] {(byte) 0x89, 'P', 'N', 'G'}, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "GIF8".getBytes(StandardCharsets.US_ASCII));
    static final String FILE = "file";
    static final String UNRECOGNISED = "format non reconnu : un fichier CSV (texte UTF-8, séparateur "
            + "point-virgule) ou un classeur .xlsx est attendu";
    private static final Pattern EDGE_SPACES = Pattern.compile("^[\\s\u00a0\u202f]+|[\\s\u00a0\u202f]+$");

    private BudgetFile() {
    }

    /**
     * Reads the header and at most {@code maxDataRows} non-blank rows after it, and refuses the file beyond them.
     *
     * @throws InvalidInputException on field {@code file} when the file is no readable CSV or .xlsx, or too long
     */
    static Content read(byte[] content, int maxDataRows) {
        int maxRows = maxDataRows + 1;
        if (startsWith(content, ZIP)) {
            return new Content(Format.XLSX, BudgetWorkbook.read(content, maxRows), List.of());
        }
        for (byte[] signature : OTHER_FORMATS) {
            if (startsWith(content, signature)) {
                throw new InvalidInputException(FILE, UNRECOGNISED);
            }
        }
        if (startsWith(content, OLE2)) {
            throw new InvalidInputException(FILE, "les classeurs Excel 97-2003 (.xls) ne sont pas acceptés : enregistrez "
                    + "le classeur au format .xlsx, ou exportez-le en CSV (UTF-8, séparateur point-virgule)");
        }
        return BudgetCsv.read(content, maxRows);
    }

    static InvalidInputException tooManyRows(int maxRows) {
        return new InvalidInputException(FILE, "le fichier compte plus de "
                + String.format(Locale.ROOT, "%,d", maxRows - 1).replace(',', '\u202f')
                + " lignes budgétaires : découpez-le en plusieurs fichiers");
    }

    /** Without the spaces around, no-break spaces included (French spreadsheets put one before €). */
    static String trim(String text) {
        return EDGE_SPACES.matcher(text).replaceAll("");
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
