package fr.subventions.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a .docx template written in Word or LibreOffice. Three kinds of placeholder:
 * <ul>
 * <li>{@code {{name}}} anywhere in a paragraph, a table cell, a header or a footer: replaced by a text (a line break
 * in the text becomes a line break in the document);</li>
 * <li>a paragraph holding only {@code {{*name}}}: replaced by one paragraph per entry of a list, in the paragraph's
 * style (an entry starting with "# " is written in bold, without the mark);</li>
 * <li>a table row holding {@code {{#name.field}}}: repeated once per entry of a list of records.</li>
 * </ul>
 * Values are inserted as text in one pass: what users typed can neither add a placeholder nor markup. The template is
 * read once ({@link TemplateSource}), opened by POI, filled body by body ({@link TemplateFiller}) and written back.
 */
final class DocxTemplate {

    private static final Logger LOG = LoggerFactory.getLogger(DocxTemplate.class);

    static {
        XmlFactories.install();
    }

    private DocxTemplate() {
    }

    /**
     * @param model texts ({@code String}), paragraph lists ({@code List<String>}) and table rows
     *     ({@code List<Map<String, String>>}) by placeholder name
     */
    static byte[] render(String name, byte[] template, Map<String, Object> model) {
        return render(name, TemplateSource.of(template), model);
    }

    /** The same, from a template read once ({@link TemplateStore} keeps one per file until the file changes). */
    static byte[] render(String name, TemplateSource template, Map<String, Object> model) {
        if (template.slim() != null) {
            try {
                return render(name, template, model, template.slim());
            } catch (RuntimeException e) {
                // a template the slim package does not serve (a part the filling needs, say): the whole package below
                LOG.debug("Template {} filled from its whole package: {}", name, e.toString());
            }
        }
        return render(name, template, model, template.bytes());
    }

    /** For the tests: filled from the slim package only (no fallback), or from the whole package. */
    static byte[] render(String name, TemplateSource template, Map<String, Object> model, boolean slim) {
        return render(name, template, model, slim ? Objects.requireNonNull(template.slim(), "no slim package")
                : template.bytes());
    }

    private static byte[] render(String name, TemplateSource template, Map<String, Object> model, byte[] opened) {
        XWPFDocument document;
        try {
            document = new XWPFDocument(new ByteArrayInputStream(opened));
        } catch (IOException | RuntimeException e) {
            throw new TemplateException("Le modèle « " + name + " » n'est pas un document .docx lisible : " + e.getMessage(), e);
        }
        try (document) {
            TemplateFiller filler = new TemplateFiller(name, model);
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
            if (opened != template.bytes()) {
                throw new IllegalStateException("the slim package cannot be written as the template's");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new TemplateException("Le document « " + name + " » n'a pu être écrit : " + e.getMessage(), e);
        }
    }
}
