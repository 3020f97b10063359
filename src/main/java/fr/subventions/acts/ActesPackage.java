package fr.subventions.acts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Makes the {@code .tar.gz} a tiers de télétransmission takes to the prefecture for one act: the envelope
 * ({@code EnveloppeCLMISILL}: who sends, where to answer, which message), the act's message ({@code Acte}), the signed
 * PDF and its annexes, each named as @CTES requires, the XML in ISO-8859-1 as the operators write it (a character
 * outside Latin-1, such as « – », written as a character reference). Both XML files are checked against the ACTES
 * v1.1 schema before the archive is returned.
 *
 * <p>Names, as S²LOW and the @CTES specification make them (n: the package's number in the day):
 * <pre>
 * archive   TRI-EACT--242100410--20231002-1.tar.gz
 * envelope  EACT--242100410--20231002-1.xml                       (the archive's name without the trigram)
 * message   021-242100410-20230914-B2023_0001-DE-1-1_0.xml        (département, SIREN, act's date, number, nature,
 * act       99_DE-021-242100410-20230914-B2023_0001-DE-1-1_1.pdf   message 1-1 "transmission d'acte", file number)
 * annex     99_AU-021-242100410-20230914-B2023_0001-DE-1-1_2.pdf  (the typology in front of each document)
 * </pre>
 */
@Component
public class ActesPackage {

    /** What @CTES allows in {@code actes:Objet}, in characters. */
    public static final int OBJET_MAX = 500;
    static final DateTimeFormatter BASIC_DATE = IdActe.BASIC_DATE;
    private static final String ELLIPSIS = "…";

    private final AuthorityIdentifiers authority;
    private final TransmissionSettings settings;

    public ActesPackage(AuthorityIdentifiers authority, TransmissionSettings settings) {
        this.authority = authority;
        this.settings = settings;
    }

    public ActesArchive build(ActTransmission act) {
        String envelopeStem = "EACT--" + authority.siren() + "--" + BASIC_DATE.format(act.sentOn()) + "-" + act.sequence();
        String archiveName = settings.trigram() + "-" + envelopeStem + ".tar.gz";
        String envelopeName = envelopeStem + ".xml";
        String stem = authority.departement() + "-" + authority.siren() + "-" + BASIC_DATE.format(act.decidedOn()) + "-"
                + act.number() + "-" + act.nature().abbreviation() + "-1-1";
        String messageName = stem + "_0.xml";
        String actName = act.nature().mainDocumentTypology() + "-" + stem + "_1.pdf";
        List<String> annexNames = new ArrayList<>();
        for (int i = 0; i < act.annexes().size(); i++) {
            ActTransmission.Annex annex = act.annexes().get(i);
            annexNames.add(annex.typology() + "-" + stem + "_" + (i + 2) + "." + annex.extension());
        }
        byte[] message = write(acte(act, actName, annexNames));
        ActesSchema.checkWritten(message, messageName);
        byte[] envelope = write(envelope(messageName));
        ActesSchema.checkWritten(envelope, envelopeName);

        FileTime made = FileTime.from(act.sentOn().atStartOfDay(ZoneOffset.UTC).toInstant());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(bytes);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, StandardCharsets.US_ASCII.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            add(tar, envelopeName, envelope, made);
            add(tar, messageName, message, made);
            add(tar, actName, act.signedPdf(), made);
            for (int i = 0; i < annexNames.size(); i++) {
                add(tar, annexNames.get(i), act.annexes().get(i).content(), made);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IdActe idActe = new IdActe(authority.departement(), authority.siren(), act.decidedOn(), act.number(),
                act.nature());
        return new ActesArchive(archiveName, bytes.toByteArray(), envelopeName, messageName, actName, annexNames, idActe);
    }

    /**
     * The objet as {@code actes:Objet} takes it: composed characters (NFC), line breaks and other control characters as
     * spaces, spaces collapsed; beyond {@link #OBJET_MAX} characters, cut at the last whole character (a letter and
     * its accents, an emoji: never half of one) that leaves room for « … », which ends it.
     *
     * <p>Characters are counted as UTF-16 units, an emoji for two: the JDK's schema validator counts so (an objet of
     * 500 emojis fails its maxLength), a validator counting code points finds fewer; the cut objet passes both.
     */
    static String objet(String text) {
        String clean = Normalizer.normalize(text, Normalizer.Form.NFC)
                // what XML 1.0 cannot hold at all: a lone surrogate, U+FFFE, U+FFFF
                .replaceAll("[\\x{D800}-\\x{DFFF}\\x{FFFE}\\x{FFFF}]", "")
                .replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}\\s]+", " ").strip();
        if (clean.length() <= OBJET_MAX) {
            return clean;
        }
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.FRENCH);
        characters.setText(clean);
        int cut = 0;
        for (int end = characters.next(); end != BreakIterator.DONE && end <= OBJET_MAX - ELLIPSIS.length();
                end = characters.next()) {
            cut = end;
        }
        return clean.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    private Document acte(ActTransmission act, String actName, List<String> annexNames) {
        Document document = ActesSchema.parser().newDocument();
        Element acte = root(document, "Acte");
        attribute(acte, "Date", act.decidedOn().toString());
        attribute(acte, "NumeroInterne", act.number());
        attribute(acte, "CodeNatureActe", String.valueOf(act.nature().code()));
        for (int level = 1; level <= act.matieres().size(); level++) {
            Element code = child(acte, "CodeMatiere" + level);
            attribute(code, "CodeMatiere", String.valueOf(act.matieres().get(level - 1)));
        }
        child(acte, "Objet").setTextContent(objet(act.objet()));
        child(acte, "ClassificationDateVersion").setTextContent(settings.classificationDate().toString());
        child(child(acte, "Document"), "NomFichier").setTextContent(actName);
        Element annexes = child(acte, "Annexes");
        attribute(annexes, "Nombre", String.valueOf(annexNames.size()));
        for (String annex : annexNames) {
            child(child(annexes, "Annexe"), "NomFichier").setTextContent(annex);
        }
        child(acte, "DocumentPapier").setTextContent(act.documentPapier() ? "O" : "N");
        return document;
    }

    private Document envelope(String messageName) {
        Document document = ActesSchema.parser().newDocument();
        Element envelope = root(document, "EnveloppeCLMISILL");
        envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:insee", ActesSchema.INSEE);
        Element idcl = child(child(envelope, "Emetteur"), "IDCL");
        idcl.setAttributeNS(ActesSchema.INSEE, "insee:SIREN", authority.siren());
        attribute(idcl, "Departement", authority.departement());
        attribute(idcl, "Arrondissement", authority.arrondissement());
        attribute(idcl, "Nature", authority.nature());
        child(child(envelope, "AdressesRetour"), "Email").setTextContent(settings.returnEmail());
        child(child(child(envelope, "FormulairesEnvoyes"), "Formulaire"), "NomFichier").setTextContent(messageName);
        return document;
    }

    private static Element root(Document document, String name) {
        Element root = document.createElementNS(ActesSchema.ACTES, "actes:" + name);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:actes", ActesSchema.ACTES);
        document.appendChild(root);
        return root;
    }

    private static Element child(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElementNS(ActesSchema.ACTES, "actes:" + name);
        parent.appendChild(child);
        return child;
    }

    private static void attribute(Element element, String name, String value) {
        element.setAttributeNS(ActesSchema.ACTES, "actes:" + name, value);
    }

    /** The document in ISO-8859-1, indented, its declaration on a line of its own. */
    private static byte[] write(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.ISO_8859_1.name());
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n".getBytes(StandardCharsets.US_ASCII));
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("the JDK's serializer failed on an ACTES message", e);
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content, FileTime made) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(0100644);
        entry.setLastModifiedTime(made);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
