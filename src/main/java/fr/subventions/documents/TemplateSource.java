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
import javax.xml.namespace.QName;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocument1;

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
final class TemplateSource {

    private final byte[] bytes;
    /** The template's zip entries in their order, or null when the bytes are not a zip commons-compress reads. */
    private final List<RawEntry> entries;
    /** The package POI opens ({@link SlimPackage}), or null when it cannot be made (the whole package is opened then). */
    private final byte[] slim;

    private TemplateSource(byte[] bytes, List<RawEntry> entries) {
        this.bytes = bytes;
        this.entries = entries;
        this.slim = entries == null ? null : SlimPackage.of(entries);
    }

    /** The template's content; not to be changed. */
    byte[] bytes() {
        return bytes;
    }

    /** The slim package's content, or null; not to be changed. */
    byte[] slim() {
        return slim;
    }

    static TemplateSource of(byte[] bytes) {
        return new TemplateSource(bytes, entries(bytes));
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
    byte[] write(XWPFDocument document) throws IOException {
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

    /** A zip entry and its bytes as stored (compressed or not). */
    record RawEntry(ZipArchiveEntry entry, byte[] raw) {
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
}
