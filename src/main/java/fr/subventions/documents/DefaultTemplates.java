package fr.subventions.documents;

import fr.subventions.submission.DocumentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The templates shipped with the application, written as .docx files the first time the template folder lacks them. Their
 * wording lives in {@code documents/templates/<template>.txt}, one paragraph a line: the authority then changes
 * wording, layout, logo or letterhead in Word or LibreOffice, keeping the placeholders listed in the README.
 *
 * <p>A line may start with its styles in brackets ({@code [bold]}, {@code [center]}, {@code [right]}, {@code [small]},
 * {@code [title]}, {@code [justify]}, {@code [indent]}); {@code \n} is a line break; an empty line, an empty paragraph.
 * Lines starting with {@code |} make a table: {@code |} its header row, {@code |*} the row repeated for each entry of a
 * list, {@code |=} its closing row, cells separated by {@code |}. Lines starting with {@code %} are comments.
 */
final class DefaultTemplates {

    private static final Pattern STYLED = Pattern.compile("^\\[([a-z ]+)]\\s?(.*)$");

    private DefaultTemplates() {
    }

    /** The default template of a document, its author (the PDF renditions' Author) the authority. */
    static byte[] build(DocumentType type, String author) {
        if (type.isWorkbook()) {
            throw new IllegalArgumentException("the engagement sheet is a workbook, built in code");
        }
        return layOut(wording(type), author);
    }

    /** A .docx laid out from its wording, one line per paragraph or table row, as described above. */
    static byte[] layOut(List<String> wording) {
        return layOut(wording, null);
    }

    static byte[] layOut(List<String> wording, String author) {
        Doc doc = new Doc(author);
        List<String[]> rows = new ArrayList<>();
        for (String line : wording) {
            if (line.startsWith("%")) {
                continue;
            }
            if (line.startsWith("|")) {
                rows.add(line.startsWith("|*") || line.startsWith("|=") ? new String[] {line.substring(0, 2), line.substring(2)}
                        : new String[] {"|", line.substring(1)});
                continue;
            }
            flushTable(doc, rows);
            if (line.isEmpty()) {
                doc.blank();
                continue;
            }
            Matcher styled = STYLED.matcher(line);
            int style = styled.matches() ? style(styled.group(1)) : 0;
            doc.p(text(styled.matches() ? styled.group(2) : line), style);
        }
        flushTable(doc, rows);
        return doc.bytes();
    }

    /** The table whose rows were just read, if any: a header row, an optional repeated row and an optional closing row. */
    private static void flushTable(Doc doc, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String[] headers = null;
        String[] repeated = null;
        String[] last = null;
        for (String[] row : rows) {
            String[] cells = Arrays.stream(row[1].split("\\|")).map(String::strip).map(DefaultTemplates::text)
                    .toArray(String[]::new);
            switch (row[0]) {
                case "|*" -> repeated = cells;
                case "|=" -> last = cells;
                default -> headers = cells;
            }
        }
        rows.clear();
        doc.table(Objects.requireNonNull(headers, "a table's header row"), repeated, last);
    }

    private static List<String> wording(DocumentType type) {
        String resource = "documents/templates/" + type.template() + ".txt";
        try (InputStream in = DefaultTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no default template " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::stripTrailing).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String written) {
        return written.replace("\\n", "\n");
    }

    private static int style(String names) {
        int style = 0;
        for (String name : names.split(" ")) {
            style |= switch (name) {
                case "bold" -> Doc.BOLD;
                case "center" -> Doc.CENTER;
                case "right" -> Doc.RIGHT;
                case "small" -> Doc.SMALL;
                case "title" -> Doc.TITLE;
                case "justify" -> Doc.JUSTIFY;
                case "indent" -> Doc.INDENT;
                default -> throw new IllegalArgumentException("unknown style [" + name + "]");
            };
        }
        return style;
    }

    /** A small builder over XWPF: A4, 2 cm margins, Liberation Sans (metric-compatible with Arial) 11 pt. */
    static final class Doc {

        static final int BOLD = 1;
        static final int CENTER = 2;
        static final int RIGHT = 4;
        static final int SMALL = 8;
        static final int TITLE = 16;
        static final int JUSTIFY = 32;
        static final int INDENT = 64;

        private final XWPFDocument document = new XWPFDocument();

        Doc() {
            this(null);
        }

        /**
         * A document whose author is the one given, or none: never POI's « Apache POI », which LibreOffice would
         * carry into every PDF/A rendition's Author.
         */
        Doc(String author) {
            document.getProperties().getCoreProperties().setCreator(author == null ? "" : author);
            CTSectPr section = document.getDocument().getBody().addNewSectPr();
            CTPageSz size = section.addNewPgSz();
            size.setW(BigInteger.valueOf(11906));
            size.setH(BigInteger.valueOf(16838));
            CTPageMar margins = section.addNewPgMar();
            for (BigInteger twips : new BigInteger[] {BigInteger.valueOf(1134)}) {
                margins.setTop(twips);
                margins.setBottom(twips);
                margins.setLeft(twips);
                margins.setRight(twips);
            }
        }

        void p(String text) {
            p(text, 0);
        }

        void p(String text, int style) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setSpacingAfter(60);
            if ((style & (CENTER | TITLE)) != 0) {
                paragraph.setAlignment(ParagraphAlignment.CENTER);
            } else if ((style & RIGHT) != 0) {
                paragraph.setAlignment(ParagraphAlignment.RIGHT);
            } else if ((style & JUSTIFY) != 0) {
                paragraph.setAlignment(ParagraphAlignment.BOTH);
            }
            if ((style & INDENT) != 0) {
                paragraph.setIndentationLeft(567);
            }
            XWPFRun run = paragraph.createRun();
            run.setFontFamily("Liberation Sans");
            run.setFontSize((style & SMALL) != 0 ? 9 : (style & TITLE) != 0 ? 13 : 11);
            run.setBold((style & (BOLD | TITLE)) != 0);
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    run.addBreak();
                }
                run.setText(lines[i], i);
            }
        }

        void blank() {
            document.createParagraph();
        }

        /** A table with a header row, an optional repeated row and an optional closing row. */
        void table(String[] headers, String[] repeated, String[] last) {
            XWPFTable table = document.createTable(1, headers.length);
            table.setWidth("100%");
            fill(table.getRow(0), headers, true);
            if (repeated != null) {
                fill(table.createRow(), repeated, false);
            }
            if (last != null) {
                fill(table.createRow(), last, repeated != null);
            }
        }

        private static void fill(XWPFTableRow row, String[] texts, boolean bold) {
            for (int i = 0; i < texts.length; i++) {
                XWPFParagraph paragraph = row.getCell(i).getParagraphs().get(0);
                XWPFRun run = paragraph.createRun();
                run.setFontFamily("Liberation Sans");
                run.setFontSize(10);
                run.setBold(bold);
                String[] lines = texts[i].split("\n");
                for (int l = 0; l < lines.length; l++) {
                    if (l > 0) {
                        run.addBreak();
                    }
                    run.setText(lines[l], l);
                }
            }
        }

        byte[] bytes() {
            try (document) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
