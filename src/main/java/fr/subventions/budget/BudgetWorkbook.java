package fr.subventions.budget;

import static fr.subventions.budget.BudgetFile.FILE;
import static fr.subventions.budget.BudgetFile.tooManyRows;

import fr.subventions.budget.BudgetFile.Cell;
import fr.subventions.budget.BudgetFile.Row;
import fr.subventions.shared.Archives;
import fr.subventions.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
 * The rows of a budget file in .xlsx: the first sheet of the workbook, read with SAX (POI's event API), never loaded
 * whole: cached results of formulas, exact numbers, shared strings. A row keeps its number in the sheet.
 */
final class BudgetWorkbook {

    /** Largest a workbook may grow once unzipped: far above any budget of 10 000 lines, far below a zip bomb. */
    static final long MAX_UNZIPPED = 100L * 1024 * 1024;
    private static final String NOT_A_WORKBOOK = "ce fichier ZIP n'est pas un classeur .xlsx lisible : enregistrez "
            + "le classeur au format .xlsx (Excel, LibreOffice), ou exportez-le en CSV (UTF-8, séparateur point-virgule)";

    private BudgetWorkbook() {
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
