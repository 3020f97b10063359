package fr.subventions.acts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The @CTES v1.1 schema of {@code actes/actes-v1.1.xsd} (and {@code actes/insee.xsd} it imports), read once from the
 * classpath, and the JDK's XML parser set so that nothing outside the bytes given is ever read: no DTD (a DOCTYPE is
 * an error), no external entity or schema, no XInclude, JAXP's secure processing limits on.
 *
 * <p>The JDK's own factories are asked for ({@code newDefaultInstance}), never one a jar of the classpath would
 * provide: the properties set here are the JDK's.
 */
final class ActesSchema {

    static final String ACTES = "http://www.interieur.gouv.fr/ACTES#v1.1-20040216";
    static final String INSEE = "http://xml.insee.fr/schema";
    static final String RESOURCE = "actes/actes-v1.1.xsd";
    static final String INSEE_RESOURCE = "actes/insee.xsd";

    /** The JDK parser's property for the language of its messages. */
    private static final String LOCALE = "http://apache.org/xml/properties/locale";
    /** No ACTES message is deeper than a few levels: a deeper document is no message, and stops early. */
    static final int MAX_DEPTH = 64;
    private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

    /** Fatal errors (not well-formed) thrown as they are, errors (the schema's) as {@link SchemaViolation}. */
    private static final ErrorHandler THROWING = new ErrorHandler() {

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw new SchemaViolation(e);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static final Schema SCHEMA = load();

    private ActesSchema() {
    }

    /**
     * A parser that validates against the ACTES schema as it reads, refuses any DOCTYPE and reads nothing but its
     * input. A document that is not well-formed fails with a {@link SAXParseException}; one that breaks the schema with
     * a {@link SchemaViolation}, its line and column known, the validator's message in French where the JDK has it.
     */
    static DocumentBuilder reader() {
        return builder(true);
    }

    /** A parser as {@link #reader()} that does not validate, to make documents. */
    static DocumentBuilder parser() {
        return builder(false);
    }

    /** Parses and validates a document this application wrote; a failure is this code's fault. */
    static void checkWritten(byte[] xml, String name) {
        try {
            reader().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException(name + " does not follow the ACTES v1.1 schema: " + e.getMessage(), e);
        }
    }

    /** A document breaking the schema, where and how. */
    static final class SchemaViolation extends SAXException {

        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        SchemaViolation(SAXParseException e) {
            super(e.getMessage(), e);
            this.line = e.getLineNumber();
            this.column = e.getColumnNumber();
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    private static DocumentBuilder builder(boolean validating) {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        if (validating) {
            factory.setSchema(SCHEMA);
        }
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute(MAX_ELEMENT_DEPTH, String.valueOf(MAX_DEPTH));
            try {
                factory.setAttribute(LOCALE, Locale.FRENCH);
            } catch (IllegalArgumentException e) {
                // another JDK: its messages in its own language
            }
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's parser refuses its own security features", e);
        }
    }

    private static Schema load() {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // the one import, insee.xsd, served from the classpath: the schema never reaches a file or the network
            factory.setResourceResolver(new ClasspathSchemas());
            try (InputStream actes = resource(RESOURCE)) {
                return factory.newSchema(new StreamSource(actes, RESOURCE));
            }
        } catch (SAXException e) {
            throw new IllegalStateException(RESOURCE + " is no valid schema", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream resource(String name) {
        InputStream stream = ActesSchema.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("no " + name + " on the classpath");
        }
        return stream;
    }


    /** Resolves the import of the INSEE namespace to insee.xsd on the classpath, and nothing else. */
    private static final class ClasspathSchemas implements LSResourceResolver {

        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            if (!INSEE.equals(namespace)) {
                throw new IllegalStateException("the ACTES schema imports nothing but the INSEE namespace: " + systemId);
            }
            DOMImplementationLS ls = (DOMImplementationLS) parser().getDOMImplementation();
            LSInput input = ls.createLSInput();
            input.setByteStream(resource(INSEE_RESOURCE));
            input.setSystemId(INSEE_RESOURCE);
            input.setPublicId(publicId);
            return input;
        }
    }
}
