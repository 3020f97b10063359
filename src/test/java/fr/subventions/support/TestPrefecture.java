package fr.subventions.support;

import fr.subventions.acts.AuthorityIdentifiers;
import fr.subventions.acts.PrefectureInbox;
import fr.subventions.acts.TransmissionSettings;
import jakarta.annotation.PostConstruct;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The prefecture and the authority's tiers de télétransmission, on the other side of the folders: takes an act's
 * @CTES package from the outbox, reads its {@code Acte} message, and leaves in the inbox the reply the prefecture
 * would send — its acknowledgement ({@code ARActe}, with the IDActe it gives) or an anomaly —, which the application
 * then reads ({@link PrefectureInbox}). A protocol peer, as GreenMail is the SMTP server's.
 */
@Component
public class TestPrefecture {

    public static final String NS = "http://www.interieur.gouv.fr/ACTES#v1.1-20040216";

    private final TransmissionSettings settings;
    private final AuthorityIdentifiers authority;
    private final PrefectureInbox inbox;

    TestPrefecture(TransmissionSettings settings, AuthorityIdentifiers authority, PrefectureInbox inbox) {
        this.settings = settings;
        this.authority = authority;
        this.inbox = inbox;
    }

    /**
     * A new context has a new in-memory database, whose numbering of the packages starts again at 1: the folders an
     * earlier run of the build left under {@code target/} are emptied, so that no package of the same name is found in
     * the outbox (which never replaces one) and no old reply waits in the inbox. Folders elsewhere — a developer's
     * {@code ./data} — are never touched.
     */
    @PostConstruct
    void emptyTheBuildsFolders() throws IOException {
        Path build = Path.of("target").toAbsolutePath().normalize();
        for (Path folder : List.of(settings.outbox(), settings.inbox(), settings.outbox().resolveSibling("pris"))) {
            Path absolute = folder.toAbsolutePath().normalize();
            if (absolute.startsWith(build) && Files.isDirectory(absolute)) {
                try (Stream<Path> files = Files.walk(absolute)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        if (!file.equals(absolute)) {
                            Files.delete(file);
                        }
                    }
                }
            }
        }
    }

    /** The package of this act waiting in the outbox, its files by name; taken away from the outbox. */
    public Map<String, byte[]> take(String number) {
        try (Stream<Path> files = Files.list(settings.outbox())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tar.gz")).sorted().toList()) {
                Map<String, byte[]> entries = untar(Files.readAllBytes(file));
                if (entries.keySet().stream().anyMatch(name -> name.contains("-" + number + "-") && name.endsWith("_0.xml"))) {
                    Path taken = settings.outbox().resolveSibling("pris");
                    Files.createDirectories(taken);
                    Files.move(file, taken.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    return entries;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no package in " + settings.outbox() + " for act " + number);
    }

    /** The prefecture received the act on that day: its ARActe left in the inbox and read. */
    public String acknowledge(String number, LocalDate receivedOn) {
        Document reply = acknowledgement(message(take(number)), receivedOn);
        deliver(reply, "ARActe-" + number + ".xml");
        return reply.getDocumentElement().getAttributeNS(NS, "IDActe");
    }

    /** The prefecture refused the act: its AnomalieActe left in the inbox and read. */
    public void refuse(String number, LocalDate on, String detail) {
        deliver(anomaly(message(take(number)), on, detail), "AnomalieActe-" + number + ".xml");
    }

    /**
     * The ARActe the prefecture sends back for this package (an act's {@code .tar.gz}, as the API gives it), as the
     * tiers de télétransmission hands it over, left nowhere: for a test that gives it to the application itself.
     */
    public byte[] acknowledgementOf(byte[] archive, LocalDate receivedOn) {
        return bytes(acknowledgement(message(untar(archive)), receivedOn));
    }

    /** The AnomalieActe the prefecture sends back for this package, as its bytes, left nowhere. */
    public byte[] anomalyOf(byte[] archive, LocalDate on, String detail) {
        return bytes(anomaly(message(untar(archive)), on, detail));
    }

    /** The ARActe of the act received, with the IDActe the prefecture gives it. */
    private Document acknowledgement(Element acte, LocalDate receivedOn) {
        String date = acte.getAttributeNS(NS, "Date");
        String nature = acte.getAttributeNS(NS, "CodeNatureActe");
        String number = acte.getAttributeNS(NS, "NumeroInterne");
        String idActe = authority.departement() + "-" + authority.siren() + "-" + date.replace("-", "") + "-" + number
                + "-" + ("4".equals(nature) ? "CC" : "DE");
        Document reply = reply("ARActe", acte);
        reply.getDocumentElement().setAttributeNS(NS, "actes:IDActe", idActe);
        reply.getDocumentElement().setAttributeNS(NS, "actes:DateReception", receivedOn.toString());
        return reply;
    }

    private Document anomaly(Element acte, LocalDate on, String detail) {
        Document reply = reply("AnomalieActe", acte);
        Element root = reply.getDocumentElement();
        Node first = root.getFirstChild();
        root.insertBefore(text(reply, "Date", on.toString()), first);
        root.insertBefore(text(reply, "Nature", "003"), first);
        root.insertBefore(text(reply, "Detail", detail), first);
        return reply;
    }

    private static Element text(Document document, String name, String value) {
        Element element = document.createElementNS(NS, "actes:" + name);
        element.setTextContent(value);
        return element;
    }

    /** The reply's root, holding the act as received ({@code ActeRecu}) and the classification in force. */
    private Document reply(String root, Element acte) {
        try {
            Document reply = builder().newDocumentBuilder().newDocument();
            Element element = reply.createElementNS(NS, "actes:" + root);
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:insee", "http://xml.insee.fr/schema");
            reply.appendChild(element);
            Element received = (Element) reply.importNode(acte, true);
            reply.renameNode(received, NS, "actes:ActeRecu");
            element.appendChild(received);
            element.appendChild(text(reply, "ClassificationDateVersionEnCours", settings.classificationDate().toString()));
            return reply;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void deliver(Document reply, String name) {
        try {
            Files.createDirectories(settings.inbox());
            Path temporary = settings.inbox().resolve(name + ".part");
            Files.write(temporary, bytes(reply));
            Files.move(temporary, settings.inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inbox.readAll();
    }

    /** The reply as the tiers de télétransmission hands it over: ISO-8859-1, as @CTES writes. */
    private static byte[] bytes(Document reply) {
        try {
            Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "ISO-8859-1");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(reply), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element message(Map<String, byte[]> entries) {
        byte[] message = entries.entrySet().stream().filter(e -> e.getKey().endsWith("-1-1_0.xml")).findFirst()
                .orElseThrow(() -> new AssertionError("no Acte message in " + entries.keySet())).getValue();
        try {
            return builder().newDocumentBuilder().parse(new ByteArrayInputStream(message)).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory builder() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        return factory;
    }

    /** The files of a .tar.gz, by name, in order. */
    public static Map<String, byte[]> untar(byte[] tarGz) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(tarGz)))) {
            TarArchiveInputStream tar = (TarArchiveInputStream) in;
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.put(entry.getName(), tar.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Names only, for assertions. */
    public static List<String> names(byte[] tarGz) {
        return List.copyOf(untar(tarGz).keySet());
    }
}
