package fr.subventions.documents;

import fr.subventions.documents.TemplateSource.RawEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The package POI opens to fill a template: the main document part, its headers and footers and the package's
 * properties, without the parts nothing is filled in (styles, numbering, settings, fonts, theme, images…), whose
 * parsing by XWPFDocument was most of the time spent on a document. They reach the output all the same:
 * {@link TemplateSource#write} copies them from the template. Relationships to the parts left out are dropped,
 * external ones (hyperlinks) kept.
 */
final class SlimPackage {

    private SlimPackage() {
    }

    /** The slim package of a template's entries, or null when it cannot be made. */
    static byte[] of(List<RawEntry> entries) {
        try {
            Map<String, RawEntry> byName = new HashMap<>();
            for (RawEntry entry : entries) {
                byName.put(entry.entry().getName(), entry);
            }
            String main = "word/document.xml";
            String mainRels = "word/_rels/document.xml.rels";
            if (!byName.containsKey(main) || !byName.containsKey("[Content_Types].xml")
                    || !byName.containsKey("_rels/.rels")) {
                return null;
            }
            Map<String, byte[]> kept = new LinkedHashMap<>();
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
                    String name = entry.entry().getName();
                    byte[] rewritten = kept.get(name);
                    if (rewritten != null) {
                        ZipArchiveEntry written = new ZipArchiveEntry(name);
                        zip.putArchiveEntry(written);
                        zip.write(rewritten);
                        zip.closeArchiveEntry();
                    } else if (name.equals("[Content_Types].xml") || name.equals("_rels/.rels") || name.equals(main)
                            || name.startsWith("docProps/") || headersAndFooters.contains(name)) {
                        zip.addRawArchiveEntry(new ZipArchiveEntry(entry.entry()), new ByteArrayInputStream(entry.raw()));
                    }
                }
            }
            return out.toByteArray();
        } catch (IOException | RuntimeException | ParserConfigurationException
                | SAXException | TransformerException e) {
            return null;
        }
    }

    /**
     * A relationships part keeping only the headers and footers (whose part names are added to {@code kept}) and
     * the external targets.
     */
    private static byte[] relationships(byte[] xml, String base, List<String> kept) throws IOException,
            ParserConfigurationException, SAXException,
            TransformerException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document rels = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        NodeList list = rels.getDocumentElement().getChildNodes();
        for (int i = list.getLength() - 1; i >= 0; i--) {
            if (!(list.item(i) instanceof Element relationship)) {
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
        TransformerFactory.newInstance().newTransformer().transform(
                new DOMSource(rels), new StreamResult(out));
        return out.toByteArray();
    }

    private static byte[] inflate(RawEntry entry) throws IOException {
        if (entry.entry().getMethod() == ZipArchiveEntry.STORED) {
            return entry.raw();
        }
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(entry.raw()),
                new Inflater(true))) {
            return in.readAllBytes();
        }
    }
}
