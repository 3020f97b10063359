package fr.subventions.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocument1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;

/**
 * Fills a .docx template written in Word or LibreOffice. Three kinds of placeholder:
 * <ul>
 * <li>{@code {{name}}} anywhere in a paragraph, a table cell, a header or a footer: replaced by a text (a line break
 * in the text becomes a line break in the document);</li>
 * <li>a paragraph holding only {@code {{*name}}}: replaced by one paragraph per entry of a list, in the paragraph's
 * style (an entry starting with "# " is written in bold, without the mark);</li>
 * <li>a table row holding {@code {{#name.field}}}: repeated once per entry of a list of records.</li>
 * </ul>
 * Values are inserted as text in one pass: what users typed can neither add a placeholder nor markup.
 */
public final class DocxTemplate {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DocxTemplate.class);

    static {
        XmlFactories.install();
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([#*]?)([A-Za-z][A-Za-z0-9_.]*)\\s*}}");
    private static final Pattern LIST_PARAGRAPH = Pattern.compile("^\\s*\\{\\{\\s*\\*([A-Za-z][A-Za-z0-9_]*)\\s*}}\\s*$");
    /** Characters XML 1.0 cannot carry: a user pasting them must not corrupt the file. */
    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private final String name;
    private final Map<String, Object> model;

    private DocxTemplate(String name, Map<String, Object> model) {
        this.name = name;
        this.model = model;
    }

    /**
     * @param model texts ({@code String}), paragraph lists ({@code List<String>}) and table rows
     *     ({@code List<Map<String, String>>}) by placeholder name
     */
    public static byte[] render(String name, byte[] template, Map<String, Object> model) {
        return render(name, Source.of(template), model);
    }

    /** The same, from a template read once ({@link TemplateStore} keeps one per file until the file changes). */
    public static byte[] render(String name, Source template, Map<String, Object> model) {
        if (template.slim != null) {
            try {
                return render(name, template, model, template.slim);
            } catch (RuntimeException e) {
                // a template the slim package does not serve (a part the filling needs, say): the whole package below
                LOG.debug("Template {} filled from its whole package: {}", name, e.toString());
            }
        }
        return render(name, template, model, template.bytes);
    }

    /** For the tests: filled from the slim package only (no fallback), or from the whole package. */
    static byte[] render(String name, Source template, Map<String, Object> model, boolean slim) {
        return render(name, template, model, slim ? java.util.Objects.requireNonNull(template.slim, "no slim package")
                : template.bytes);
    }

    private static byte[] render(String name, Source template, Map<String, Object> model, byte[] opened) {
        XWPFDocument document;
        try {
            document = new XWPFDocument(new ByteArrayInputStream(opened));
        } catch (IOException | RuntimeException e) {
            throw new TemplateException("Le modèle « " + name + " » n'est pas un document .docx lisible : " + e.getMessage(), e);
        }
        try (document) {
            DocxTemplate filler = new DocxTemplate(name, model);
            filler.fill(document);
            for (XWPFHeader header : document.getHeaderList()) {
                filler.fill(header);
            }
            for (XWPFFooter footer : document.getFooterList()) {
                filler.fill(footer);
            }
            byte[] written = template.write(document);
            if (written != null) {
                return written;
            }
            if (opened != template.bytes) {
                throw new IllegalStateException("the slim package cannot be written as the template's");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new TemplateException("Le document « " + name + " » n'a pu être écrit : " + e.getMessage(), e);
        }
    }

    /**
     * A template's bytes and its zip entries as stored (compressed), read once.
     *
     * <p>Filling a template changes only the main document part and its headers and footers. Saving the whole
     * package with POI ({@code XWPFDocument.write}) re-serialises every part, content types and relationships included,
     * and compresses them again: a third or more of the time spent filling a template. {@link #write} instead copies every other entry
     * of the template's zip as it is (raw, still compressed) and writes only those parts, serialised as POI does. When
     * the package holds a part the template did not (nothing the filling does adds one), it returns null and the
     * document is saved by POI.
     */
    public static final class Source {

        private final byte[] bytes;
        /** The template's zip entries in their order, or null when the bytes are not a zip commons-compress reads. */
        private final List<RawEntry> entries;
        /**
         * The package POI opens to fill the template: the main document part, its headers and footers and the package's
         * properties, without the parts nothing is filled in (styles, numbering, settings, fonts, theme, images…), whose
         * parsing by XWPFDocument was most of the time spent on a document. They reach the output all the same: {@link
         * #write} copies them from the template. Null when it cannot be made (the whole package is opened then).
         */
        private final byte[] slim;

        private Source(byte[] bytes, List<RawEntry> entries) {
            this.bytes = bytes;
            this.entries = entries;
            this.slim = entries == null ? null : slim(entries);
        }

        /** See {@link #slim}; relationships to parts left out are dropped, external ones (hyperlinks) kept. */
        private static byte[] slim(List<RawEntry> entries) {
            try {
                Map<String, RawEntry> byName = new HashMap<>();
                for (RawEntry entry : entries) {
                    byName.put(entry.entry.getName(), entry);
                }
                String main = "word/document.xml";
                String mainRels = "word/_rels/document.xml.rels";
                if (!byName.containsKey(main) || !byName.containsKey("[Content_Types].xml")
                        || !byName.containsKey("_rels/.rels")) {
                    return null;
                }
                Map<String, byte[]> kept = new java.util.LinkedHashMap<>();
                List<String> headersAndFooters = new ArrayList<>();
                if (byName.containsKey(mainRels)) {
                    kept.put(mainRels, relationships(inflate(byName.get(mainRels)), "word/", headersAndFooters));
                }
                for (String part : headersAndFooters) {
                    String rels = part.substring(0, part.lastIndexOf('/') + 1) + "_rels/"
                            + part.substring(part.lastIndexOf('/') + 1) + ".rels";
                    if (!byName.containsKey(part)) {
                        return null;
                    }
                    if (byName.containsKey(rels)) {
                        kept.put(rels, relationships(inflate(byName.get(rels)), "word/", new ArrayList<>()));
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
                    for (RawEntry entry : entries) {
                        String name = entry.entry.getName();
                        byte[] rewritten = kept.get(name);
                        if (rewritten != null) {
                            ZipArchiveEntry written = new ZipArchiveEntry(name);
                            zip.putArchiveEntry(written);
                            zip.write(rewritten);
                            zip.closeArchiveEntry();
                        } else if (name.equals("[Content_Types].xml") || name.equals("_rels/.rels") || name.equals(main)
                                || name.startsWith("docProps/") || headersAndFooters.contains(name)) {
                            zip.addRawArchiveEntry(new ZipArchiveEntry(entry.entry), new ByteArrayInputStream(entry.raw));
                        }
                    }
                }
                return out.toByteArray();
            } catch (IOException | RuntimeException | javax.xml.parsers.ParserConfigurationException
                    | org.xml.sax.SAXException | javax.xml.transform.TransformerException e) {
                return null;
            }
        }

        /**
         * A relationships part keeping only the headers and footers (whose part names are added to {@code kept}) and
         * the external targets.
         */
        private static byte[] relationships(byte[] xml, String base, List<String> kept) throws IOException,
                javax.xml.parsers.ParserConfigurationException, org.xml.sax.SAXException,
                javax.xml.transform.TransformerException {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.Document rels = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            org.w3c.dom.NodeList list = rels.getDocumentElement().getChildNodes();
            for (int i = list.getLength() - 1; i >= 0; i--) {
                if (!(list.item(i) instanceof org.w3c.dom.Element relationship)) {
                    continue;
                }
                String type = relationship.getAttribute("Type");
                boolean external = "External".equals(relationship.getAttribute("TargetMode"));
                boolean headerOrFooter = type.endsWith("/header") || type.endsWith("/footer");
                String target = relationship.getAttribute("Target");
                if (headerOrFooter && !external && !target.startsWith("/") && !target.contains("..")) {
                    kept.add(base + target);
                } else if (!external) {
                    relationship.getParentNode().removeChild(relationship);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.xml.transform.TransformerFactory.newInstance().newTransformer().transform(
                    new javax.xml.transform.dom.DOMSource(rels), new javax.xml.transform.stream.StreamResult(out));
            return out.toByteArray();
        }

        private static byte[] inflate(RawEntry entry) throws IOException {
            if (entry.entry.getMethod() == ZipArchiveEntry.STORED) {
                return entry.raw;
            }
            try (InputStream in = new java.util.zip.InflaterInputStream(new ByteArrayInputStream(entry.raw),
                    new java.util.zip.Inflater(true))) {
                return in.readAllBytes();
            }
        }

        /** The template's content; not to be changed. */
        byte[] bytes() {
            return bytes;
        }

        public static Source of(byte[] bytes) {
            return new Source(bytes, entries(bytes));
        }

        private static List<RawEntry> entries(byte[] bytes) {
            List<RawEntry> entries = new ArrayList<>();
            try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
                for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                    if (entry.isDirectory() || entry.getSize() < 0 || entry.getCrc() < 0
                            || entry.getCompressedSize() < 0) {
                        return null;
                    }
                    try (InputStream raw = zip.getRawInputStream(entry)) {
                        if (raw == null) {
                            return null;
                        }
                        entries.add(new RawEntry(entry, raw.readAllBytes()));
                    }
                }
                return List.copyOf(entries);
            } catch (IOException | RuntimeException e) {
                // not a readable zip: POI says so, in French, when the template is opened
                return null;
            }
        }

        /** The filled document, its parts with placeholders written and every other entry copied; null if it cannot. */
        private byte[] write(XWPFDocument document) throws IOException {
            if (entries == null) {
                return null;
            }
            Map<String, XmlObject> filled = new HashMap<>();
            filled.put(entryName(document.getPackagePart()), document.getDocument());
            for (XWPFHeader header : document.getHeaderList()) {
                filled.put(entryName(header.getPackagePart()), header._getHdrFtr());
            }
            for (XWPFFooter footer : document.getFooterList()) {
                filled.put(entryName(footer.getPackagePart()), footer._getHdrFtr());
            }
            Set<String> names = new HashSet<>();
            for (RawEntry entry : entries) {
                names.add(entry.entry.getName());
            }
            if (!names.containsAll(filled.keySet())) {
                return null;
            }
            try {
                for (PackagePart part : document.getPackage().getParts()) {
                    if (!names.contains(entryName(part))) {
                        return null;
                    }
                }
            } catch (InvalidFormatException e) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 4096);
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
                for (RawEntry entry : entries) {
                    XmlObject xml = filled.get(entry.entry.getName());
                    if (xml == null) {
                        zip.addRawArchiveEntry(new ZipArchiveEntry(entry.entry), new ByteArrayInputStream(entry.raw));
                        continue;
                    }
                    ZipArchiveEntry written = new ZipArchiveEntry(entry.entry.getName());
                    written.setMethod(ZipArchiveEntry.DEFLATED);
                    zip.putArchiveEntry(written);
                    XmlOptions options = new XmlOptions(POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
                    // the part's root element, as XWPFDocument and XWPFHeaderFooter write it
                    options.setSaveSyntheticDocumentElement(new QName(CTDocument1.type.getName().getNamespaceURI(),
                            xml instanceof CTDocument1 ? "document" : rootOf(document, entry.entry.getName())));
                    xml.save(new NonClosing(zip), options);
                    zip.closeArchiveEntry();
                }
            }
            return out.toByteArray();
        }

        private static String rootOf(XWPFDocument document, String name) {
            for (XWPFHeader header : document.getHeaderList()) {
                if (entryName(header.getPackagePart()).equals(name)) {
                    return "hdr";
                }
            }
            return "ftr";
        }

        private static String entryName(PackagePart part) {
            return part.getPartName().getName().substring(1);
        }
    }

    private record RawEntry(ZipArchiveEntry entry, byte[] raw) {
    }

    /** XmlBeans closes the stream it saves to; the zip must stay open for the next entry. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    public static String clean(String text) {
        return text == null ? "" : NOT_XML.matcher(text).replaceAll("");
    }

    private void fill(IBody body) {
        for (XWPFParagraph paragraph : new ArrayList<>(body.getParagraphs())) {
            Matcher list = LIST_PARAGRAPH.matcher(paragraph.getText());
            if (list.matches()) {
                expand(body, paragraph, list(list.group(1)));
            } else {
                replace(paragraph, null);
            }
        }
        for (XWPFTable table : new ArrayList<>(body.getTables())) {
            fill(table);
        }
    }

    private void fill(XWPFTable table) {
        for (XWPFTableRow row : new ArrayList<>(table.getRows())) {
            String key = repeatedKey(row);
            if (key == null) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    fill(cell);
                }
                continue;
            }
            int position = table.getRows().indexOf(row);
            List<Map<String, String>> records = records(key);
            for (int i = 0; i < records.size(); i++) {
                XWPFTableRow copy = new XWPFTableRow((CTRow) row.getCtRow().copy(), table);
                for (XWPFTableCell cell : copy.getTableCells()) {
                    for (XWPFParagraph paragraph : cell.getParagraphs()) {
                        replace(paragraph, records.get(i));
                    }
                }
                table.addRow(copy, position + i);
            }
            table.removeRow(position + records.size());
        }
    }

    private String repeatedKey(XWPFTableRow row) {
        for (XWPFTableCell cell : row.getTableCells()) {
            Matcher matcher = PLACEHOLDER.matcher(cell.getText());
            while (matcher.find()) {
                if (matcher.group(1).equals("#")) {
                    String path = matcher.group(2);
                    int dot = path.indexOf('.');
                    if (dot < 0) {
                        throw new TemplateException("Dans le modèle « " + name + " », {{#" + path + "}} doit nommer un champ : {{#liste.champ}}");
                    }
                    return path.substring(0, dot);
                }
            }
        }
        return null;
    }

    /** One paragraph per entry, in the style of the placeholder's paragraph, which then goes. */
    private void expand(IBody body, XWPFParagraph template, List<String> entries) {
        CTRPr style = template.getRuns().isEmpty() ? null : template.getRuns().get(0).getCTR().getRPr();
        for (String entry : entries) {
            XmlCursor cursor = template.getCTP().newCursor();
            XWPFParagraph paragraph = body.insertNewParagraph(cursor);
            cursor.dispose();
            if (template.getCTP().getPPr() != null) {
                paragraph.getCTP().setPPr(template.getCTP().getPPr());
            }
            boolean heading = entry.startsWith("# ");
            XWPFRun run = paragraph.createRun();
            if (style != null) {
                run.getCTR().setRPr((CTRPr) style.copy());
            }
            if (heading) {
                run.setBold(true);
            }
            write(run, heading ? entry.substring(2) : entry);
        }
        if (body instanceof XWPFDocument document) {
            document.removeBodyElement(document.getPosOfParagraph(template));
        } else if (body instanceof XWPFTableCell cell) {
            cell.removeParagraph(cell.getParagraphs().indexOf(template));
        } else if (body instanceof XWPFHeader header) {
            header.removeParagraph(template);
        } else if (body instanceof XWPFFooter footer) {
            footer.removeParagraph(template);
        }
    }

    /** Replaces the paragraph's placeholders in one pass; its runs merge into the first one's style. */
    private void replace(XWPFParagraph paragraph, Map<String, String> record) {
        String text = paragraph.getText();
        if (!text.contains("{{")) {
            return;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value;
            if (matcher.group(1).equals("#")) {
                if (record == null) {
                    throw new TemplateException("Dans le modèle « " + name + " », {{#" + matcher.group(2)
                            + "}} n'est permis que dans une ligne de tableau");
                }
                String field = matcher.group(2).substring(matcher.group(2).indexOf('.') + 1);
                if (!record.containsKey(field)) {
                    throw new TemplateException("Champ inconnu {{#" + matcher.group(2) + "}} dans le modèle « " + name + " »");
                }
                value = record.get(field);
            } else if (matcher.group(1).equals("*")) {
                throw new TemplateException("Dans le modèle « " + name + " », {{*" + matcher.group(2)
                        + "}} doit être seul dans son paragraphe");
            } else {
                value = text(matcher.group(2));
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(clean(value)));
        }
        matcher.appendTail(filled);
        List<XWPFRun> runs = paragraph.getRuns();
        CTRPr style = runs.isEmpty() || runs.get(0).getCTR().getRPr() == null ? null
                : (CTRPr) runs.get(0).getCTR().getRPr().copy();
        for (int i = runs.size() - 1; i >= 0; i--) {
            paragraph.removeRun(i);
        }
        XWPFRun run = paragraph.createRun();
        if (style != null) {
            run.getCTR().setRPr(style);
        }
        write(run, filled.toString());
    }

    private static void write(XWPFRun run, String text) {
        String[] lines = clean(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }

    private String text(String key) {
        Object value = model.get(key);
        if (!model.containsKey(key)) {
            throw new TemplateException("Champ inconnu {{" + key + "}} dans le modèle « " + name + " »");
        }
        if (value != null && !(value instanceof String)) {
            throw new TemplateException("{{" + key + "}} est une liste : écrivez {{*" + key + "}} seul dans un paragraphe");
        }
        return value == null ? "" : (String) value;
    }

    @SuppressWarnings("unchecked")
    private List<String> list(String key) {
        Object value = model.get(key);
        if (!(value instanceof List<?>)) {
            throw new TemplateException("Liste inconnue {{*" + key + "}} dans le modèle « " + name + " »");
        }
        return (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> records(String key) {
        Object value = model.get(key);
        if (!(value instanceof List<?>)) {
            throw new TemplateException("Tableau inconnu {{#" + key + ".…}} dans le modèle « " + name + " »");
        }
        return (List<Map<String, String>>) value;
    }
}
