package fr.subventions.budget;

import fr.subventions.shared.Archives;
import fr.subventions.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The rows of a budget file, as the user sees them: a CSV file (UTF-8, separator ;) or the first sheet of an .xlsx
 * workbook, told apart by their content. Each row keeps its number in the file (the first line is 1) so that an error
 * can name it; blank rows are skipped. The workbook is read as a stream, never loaded whole, and reading stops as soon
 * as the file holds more rows than allowed.
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
    private static final String FILE = "file";
    private static final String UNRECOGNISED = "format non reconnu : un fichier CSV (texte UTF-8, séparateur "
            + "point-virgule) ou un classeur .xlsx est attendu";
    /** Largest a workbook may grow once unzipped: far above any budget of 10 000 lines, far below a zip bomb. */
    static final long MAX_UNZIPPED = 100L * 1024 * 1024;

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
            return new Content(Format.XLSX, Xlsx.read(content, maxRows), List.of());
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
        return Csv.read(content, maxRows);
    }

    static InvalidInputException tooManyRows(int maxRows) {
        return new InvalidInputException(FILE, "le fichier compte plus de "
                + String.format(Locale.ROOT, "%,d", maxRows - 1).replace(',', '\u202f')
                + " lignes budgétaires : découpez-le en plusieurs fichiers");
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

    // ------------------------------------------------------------------------------------------------------------ CSV

    /** RFC 4180 with a semicolon: quoted fields may hold ; and line breaks, "" is a quote inside a quoted field. */
    static final class Csv {

        private Csv() {
        }

        static Content read(byte[] content, int maxRows) {
            for (byte b : content) {
                // Control characters other than tab and line ends: binary data, not text
                if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                    throw new InvalidInputException(FILE, UNRECOGNISED);
                }
            }
            String text = utf8(content);
            if (text.startsWith("\ufeff")) {
                text = text.substring(1);
            }
            List<Row> rows = new ArrayList<>();
            List<Unreadable> unreadable = new ArrayList<>();
            int line = 1;
            int i = 0;
            int length = text.length();
            while (i < length) {
                int start = line;
                List<Cell> cells = new ArrayList<>();
                StringBuilder cell = new StringBuilder();
                boolean quoted = false;
                boolean endOfRow = false;
                while (i < length && !endOfRow) {
                    char c = text.charAt(i);
                    if (quoted) {
                        if (c == '"' && i + 1 < length && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i += 2;
                            continue;
                        }
                        if (c == '"') {
                            quoted = false;
                        } else {
                            if (c == '\n' || (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
                                line++;
                            }
                            cell.append(c);
                        }
                        i++;
                    } else if (c == '"' && cell.toString().isBlank()) {
                        cell.setLength(0);
                        quoted = true;
                        i++;
                    } else if (c == SEPARATOR) {
                        cells.add(new Cell(cell.toString(), null));
                        cell.setLength(0);
                        i++;
                    } else if (c == '\r' || c == '\n') {
                        i += c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n' ? 2 : 1;
                        line++;
                        endOfRow = true;
                    } else {
                        cell.append(c);
                        i++;
                    }
                }
                if (quoted) {
                    unreadable.add(new Unreadable(start, "guillemet ouvrant sans guillemet fermant : un champ entre "
                            + "guillemets doit se terminer par un guillemet (\"), et un guillemet à l'intérieur s'écrit \"\""));
                    break;
                }
                cells.add(new Cell(cell.toString(), null));
                if (cells.stream().allMatch(Cell::isBlank)) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw tooManyRows(maxRows);
                }
                rows.add(new Row(start, cells));
            }
            return new Content(Format.CSV, rows, unreadable);
        }

        private static String utf8(byte[] content) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            } catch (CharacterCodingException e) {
                throw new InvalidInputException(FILE, "le fichier CSV n'est pas encodé en UTF-8 : dans Excel, enregistrez-le "
                        + "au format « CSV UTF-8 » ; dans LibreOffice, choisissez le jeu de caractères « Unicode (UTF-8) »");
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------------- XLSX

    /** The first sheet of a workbook, read with SAX: cached results of formulas, exact numbers, shared strings. */
    static final class Xlsx {

        private static final String NOT_A_WORKBOOK = "ce fichier ZIP n'est pas un classeur .xlsx lisible : enregistrez "
                + "le classeur au format .xlsx (Excel, LibreOffice), ou exportez-le en CSV (UTF-8, séparateur point-virgule)";

        private Xlsx() {
        }

        static List<Row> read(byte[] content, int maxRows) {
            checkUnzippedSize(content);
            try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
                XSSFReader reader = new XSSFReader(workbook);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
                StylesTable styles = reader.getStylesTable();
                XSSFReader.SheetIterator sheets = reader.getSheetIterator();
                if (!sheets.hasNext()) {
                    throw new InvalidInputException(FILE, "le classeur ne contient aucune feuille");
                }
                SheetHandler handler = new SheetHandler(strings, styles, maxRows);
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(handler);
                    parser.parse(new InputSource(sheet));
                }
                return handler.rows;
            } catch (TooManyRows e) {
                throw tooManyRows(maxRows);
            } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException
                    | OpenXML4JRuntimeException | IllegalArgumentException | IllegalStateException e) {
                throw new InvalidInputException(FILE, NOT_A_WORKBOOK);
            }
        }

        /**
         * Unzips the file once without keeping anything, counting the bytes it really inflates to, so that a zip bomb
         * is refused before the workbook is opened, and an entry escaping the archive too ({@link Archives});
         * recognises an OpenDocument spreadsheet on the way.
         */
        private static void checkUnzippedSize(byte[] content) {
            for (Archives.Entry entry : Archives.inspect(content, FILE, MAX_UNZIPPED, NOT_A_WORKBOOK)) {
                if (entry.name().equals("mimetype") && entry.headText().startsWith("application/vnd.oasis.opendocument")) {
                    throw new InvalidInputException(FILE, "les classeurs OpenDocument (.ods) ne sont pas acceptés : "
                            + "enregistrez le classeur au format .xlsx, ou exportez-le en CSV (UTF-8, séparateur point-virgule)");
                }
            }
        }
    }

    /** Thrown from inside the SAX parser to stop reading a sheet that has too many rows. */
    private static final class TooManyRows extends SAXException {
    }

    /**
     * Collects the non-blank rows of a sheet: {@code <row r="12">}, {@code <c r="B12" t="s" s="3"><v>…</v></c>},
     * inline strings {@code <is><t>…</t></is>}; formulas count by their cached value.
     */
    private static final class SheetHandler extends DefaultHandler {

        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final int maxRows;
        final List<Row> rows = new ArrayList<>();

        private int rowNumber;
        private Map<Integer, Cell> cells;
        private int column;
        private String type;
        private String style;
        private final StringBuilder value = new StringBuilder();
        private boolean inValue;
        private boolean inInlineString;
        private boolean inPhonetic;

        SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, int maxRows) {
            this.strings = strings;
            this.styles = styles;
            this.maxRows = maxRows;
        }

        private static String name(String localName, String qName) {
            if (localName != null && !localName.isEmpty()) {
                return localName;
            }
            return qName.substring(qName.indexOf(':') + 1);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (name(localName, qName)) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new TreeMap<>();
                    column = -1;
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    column = r == null ? column + 1 : columnOf(r);
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    value.setLength(0);
                }
                case "v" -> inValue = true;
                case "is" -> inInlineString = true;
                case "rPh" -> inPhonetic = true;
                case "t" -> inValue = inInlineString && !inPhonetic;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (name(localName, qName)) {
                case "v", "t" -> inValue = false;
                case "is" -> inInlineString = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> {
                    if (cells != null) {
                        cells.put(column, cell());
                    }
                }
                case "row" -> {
                    List<Cell> row = new ArrayList<>();
                    for (Map.Entry<Integer, Cell> entry : cells.entrySet()) {
                        while (row.size() < entry.getKey()) {
                            row.add(Cell.BLANK);
                        }
                        row.add(entry.getValue());
                    }
                    cells = null;
                    if (row.stream().allMatch(Cell::isBlank)) {
                        return;
                    }
                    if (rows.size() == maxRows) {
                        throw new TooManyRows();
                    }
                    rows.add(new Row(rowNumber, row));
                }
                default -> {
                }
            }
        }

        private Cell cell() {
            String raw = value.toString();
            if (type == null || type.equals("n")) {
                if (raw.isBlank()) {
                    return Cell.BLANK;
                }
                try {
                    BigDecimal number = new BigDecimal(raw.trim());
                    return new Cell(digits(number), number);
                } catch (NumberFormatException e) {
                    return new Cell(raw, null);
                }
            }
            return switch (type) {
                case "s" -> {
                    try {
                        yield new Cell(strings.getItemAt(Integer.parseInt(raw.trim())).getString(), null);
                    } catch (RuntimeException e) {
                        yield Cell.BLANK;
                    }
                }
                case "b" -> new Cell(raw.trim().equals("1") ? "VRAI" : "FAUX", null);
                // inlineStr, str (a formula's text), e (an error such as #N/A): their text as it shows
                default -> new Cell(raw, null);
            };
        }

        /**
         * A number written out without exponent or useless zeros (2031, not 2031.0), padded with leading zeros when
         * its format asks for them ("000" shows chapter 11 as 011).
         */
        private String digits(BigDecimal number) {
            String text = number.stripTrailingZeros().toPlainString();
            if (style != null && styles != null && number.signum() >= 0 && text.indexOf('.') < 0) {
                try {
                    CellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
                    String format = cellStyle == null ? null : cellStyle.getDataFormatString();
                    if (format != null && format.matches("0+") && format.length() > text.length()) {
                        text = "0".repeat(format.length() - text.length()) + text;
                    }
                } catch (RuntimeException e) {
                    // An unknown style: the number as it is
                }
            }
            return text;
        }

        /** "B12" → 1. */
        private static int columnOf(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
                column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            }
            return column - 1;
        }
    }
}
