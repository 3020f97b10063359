package fr.subventions.acts;

import fr.subventions.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads what the prefecture sends back through the tiers de télétransmission: an acknowledgement ({@code ARActe}), an
 * act's anomaly ({@code AnomalieActe}) or an envelope's ({@code AnomalieEnveloppe}).
 *
 * <p>The bytes come from outside (a folder the connector fills, an upload): nothing in them is trusted. At most
 * {@link #MAX_BYTES}; a DOCTYPE refused before anything in it is read, so no entity is declared, expanded or fetched
 * (no billion laughs, no external entity, no external DTD); no XInclude; JAXP's secure processing on; then the ACTES
 * v1.1 schema. Anything else is an {@link InvalidInputException} on the field {@code xml}, in French, and nothing was
 * read but the bytes given.
 */
public final class PrefectureMessages {

    /** 1 Mio: an acknowledgement is a few kilobytes. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** The longest anomaly detail kept, in characters. */
    public static final int DETAIL_MAX = 2000;
    static final String FIELD = "xml";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final Set<String> ANSWERS = Set.of("ARActe", "AnomalieActe", "AnomalieEnveloppe");

    private PrefectureMessages() {
    }

    /**
     * @throws InvalidInputException on {@code xml}: empty, over 1 Mio, with a DOCTYPE, malformed, not ACTES, not one
     *                               of the three answers read (a courrier simple, a lettre d'observations… are left
     *                               to the tiers de télétransmission's own pages), not valid against the schema, or
     *                               incoherent
     */
    public static PrefectureMessage read(byte[] xml) {
        if (xml == null || xml.length == 0) {
            throw refused("le message de la préfecture est vide");
        }
        if (xml.length > MAX_BYTES) {
            throw refused("le fichier dépasse 1 Mio (" + xml.length + " octets ou plus) : ce n'est pas un message "
                    + "de la préfecture");
        }
        QName root = root(xml);
        if (!ActesSchema.ACTES.equals(root.getNamespaceURI())) {
            throw refused("ce document n'est pas un message @CTES : son élément « " + root.getLocalPart()
                    + " » n'est pas de l'espace de noms ACTES v1.1 (" + ActesSchema.ACTES + ")");
        }
        if (!ANSWERS.contains(root.getLocalPart())) {
            throw refused("le message @CTES « " + root.getLocalPart() + " » n'est pas l'une des réponses de la "
                    + "préfecture que l'application lit : accusé de réception (ARActe), anomalie d'un acte (AnomalieActe) "
                    + "ou d'une enveloppe (AnomalieEnveloppe)");
        }
        Document document;
        try {
            document = ActesSchema.reader().parse(new ByteArrayInputStream(xml));
        } catch (ActesSchema.SchemaViolation e) {
            throw refused("le message « " + root.getLocalPart() + " » ne respecte pas le schéma @CTES v1.1, ligne "
                    + e.line() + ", colonne " + e.column() + " (détail du validateur : " + e.getMessage() + ")");
        } catch (SAXParseException e) {
            // well-formed for the streaming parser: a limit of JAXP's secure processing, reached
            throw refused("le message n'a pas pu être lu dans les limites fixées (ligne " + e.getLineNumber()
                    + ", colonne " + e.getColumnNumber() + ")");
        } catch (SAXException | IOException e) {
            throw refused("le message n'a pas pu être lu");
        }
        Element message = document.getDocumentElement();
        return switch (message.getLocalName()) {
            case "ARActe" -> acknowledgement(message);
            case "AnomalieActe" -> actAnomaly(message);
            default -> envelopeAnomaly(message);
        };
    }

    /**
     * The root element's name, the whole document read first with the JDK's streaming parser: a DOCTYPE ends the
     * reading there, its declarations unread; a document not well-formed, or nested deeper than any ACTES message, is
     * refused saying where.
     */
    private static QName root(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            QName root = null;
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw refused("le message contient une déclaration DOCTYPE : refusé, un message @CTES n'a ni DTD "
                            + "ni entité");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    root = root == null ? reader.getName() : root;
                    if (++depth > ActesSchema.MAX_DEPTH) {
                        throw refused("le message imbrique plus de " + ActesSchema.MAX_DEPTH + " niveaux d'éléments "
                                + "(ligne " + reader.getLocation().getLineNumber() + ") : ce n'est pas un message @CTES");
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (root == null) {
                throw refused("le message ne contient aucun élément XML");
            }
            return root;
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            throw at == null ? refused("le message n'est pas un XML bien formé")
                    : malformed(at.getLineNumber(), at.getColumnNumber());
        } finally {
            close(reader);
        }
    }

    private static PrefectureMessage.Acknowledgement acknowledgement(Element message) {
        String id = attribute(message, "IDActe");
        IdActe idActe;
        try {
            idActe = IdActe.parse(id);
        } catch (IllegalArgumentException e) {
            throw refused("accusé de réception illisible : " + e.getMessage());
        }
        Element received = only(message, "ActeRecu");
        String number = attribute(received, "NumeroInterne");
        LocalDate actDate = date(attribute(received, "Date"), "Date de l'acte reçu");
        ActNature nature = nature(received);
        if (!idActe.number().equals(number) || !idActe.actDate().equals(actDate) || idActe.nature() != nature) {
            throw refused("accusé de réception incohérent : l'identifiant " + id + " ne désigne pas l'acte reçu (numéro "
                    + number + " du " + FRENCH_DATE.format(actDate) + ", nature " + nature.abbreviation() + ")");
        }
        return new PrefectureMessage.Acknowledgement(idActe,
                date(attribute(message, "DateReception"), "DateReception"), number, actDate, nature);
    }

    private static PrefectureMessage.ActAnomaly actAnomaly(Element message) {
        Element received = only(message, "ActeRecu");
        return new PrefectureMessage.ActAnomaly(attribute(received, "NumeroInterne"),
                date(attribute(received, "Date"), "Date de l'acte reçu"), nature(received), detail(message),
                only(message, "Nature").getTextContent().strip(), date(only(message, "Date").getTextContent(), "Date"));
    }

    private static PrefectureMessage.EnvelopeAnomaly envelopeAnomaly(Element message) {
        Element envelope = only(message, "EnveloppeRecue");
        Element idcl = only(only(envelope, "Emetteur"), "IDCL");
        List<String> files = new ArrayList<>();
        NodeList forms = envelope.getElementsByTagNameNS(ActesSchema.ACTES, "Formulaire");
        for (int i = 0; i < forms.getLength(); i++) {
            files.add(only((Element) forms.item(i), "NomFichier").getTextContent().strip());
        }
        return new PrefectureMessage.EnvelopeAnomaly(detail(message), only(message, "Nature").getTextContent().strip(),
                date(only(message, "Date").getTextContent(), "Date"), idcl.getAttributeNS(ActesSchema.INSEE, "SIREN"),
                files);
    }

    private static ActNature nature(Element act) {
        String code = attribute(act, "CodeNatureActe");
        try {
            return ActNature.ofCode(Integer.parseInt(code.strip()));
        } catch (IllegalArgumentException e) {
            throw refused("nature d'acte @CTES inconnue : « " + code + " »");
        }
    }

    /** The anomaly's free text, spaces collapsed, at most {@link #DETAIL_MAX} characters. */
    private static String detail(Element message) {
        Element detail = child(message, "Detail");
        if (detail == null) {
            return "";
        }
        String text = detail.getTextContent().replaceAll("\\s+", " ").strip();
        return text.codePointCount(0, text.length()) <= DETAIL_MAX ? text
                : text.substring(0, text.offsetByCodePoints(0, DETAIL_MAX - 1)) + "…";
    }

    /** The direct child of that name: the schema guarantees there is one. */
    private static Element only(Element parent, String name) {
        Element child = child(parent, name);
        if (child == null) {
            throw refused("élément « " + name + " » absent du message");
        }
        return child;
    }

    /** The first direct child of that name in the ACTES namespace, or null. */
    private static Element child(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && ActesSchema.ACTES.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static String attribute(Element element, String name) {
        return element.getAttributeNS(ActesSchema.ACTES, name);
    }

    /** An xs:date, its time zone (which a day of the prefecture does not need) left aside. */
    private static LocalDate date(String text, String what) {
        String day = text.strip().replaceFirst("(Z|[+-][0-9]{2}:[0-9]{2})$", "");
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw refused("date illisible (" + what + ") : « " + text.strip() + " »");
        }
    }

    private static InvalidInputException malformed(int line, int column) {
        return refused("le message n'est pas un XML bien formé (ligne " + line + ", colonne " + column + ")");
    }

    private static InvalidInputException refused(String message) {
        return new InvalidInputException(FIELD, message);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing held but bytes in memory
            }
        }
    }
}
