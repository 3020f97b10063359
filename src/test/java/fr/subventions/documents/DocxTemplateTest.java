package fr.subventions.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.subventions.submission.DocumentType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DocxTemplateTest {

    @Test
    void fillsTextsListsAndRepeatedRows() throws IOException {
        DefaultTemplates.Doc doc = new DefaultTemplates.Doc();
        doc.p("Dossier {{reference}} : {{title}}");
        doc.p("{{*items}}");
        doc.table(new String[] {"Financeur", "Montant"}, new String[] {"{{#rows.funder}}", "{{#rows.amount}}"},
                new String[] {"Total", "{{total}}"});
        byte[] filled = DocxTemplate.render("test", doc.bytes(), Map.of("reference", "SUB-2023-0001", "title", "Étude",
                "items", List.of("# Titre", "premier", "second"), "total", "30 €",
                "rows", List.of(Map.of("funder", "NUMEUM France", "amount", "10 €"), Map.of("funder", "Autofinancement", "amount", "20 €"))));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(filled))) {
            List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).containsSubsequence("Dossier SUB-2023-0001 : Étude", "Titre", "premier", "second");
            assertThat(document.getParagraphs().get(1).getRuns().get(0).isBold()).isTrue();
            XWPFTable table = document.getTables().get(0);
            assertThat(table.getRows()).hasSize(4);
            assertThat(table.getRow(1).getCell(0).getText()).isEqualTo("NUMEUM France");
            assertThat(table.getRow(2).getCell(1).getText()).isEqualTo("20 €");
            assertThat(table.getRow(3).getCell(1).getText()).isEqualTo("30 €");
        }
    }

    @Test
    void fillsAPlaceholderThatAWordProcessorSplitAcrossRuns() throws IOException {
        XWPFDocument template = new XWPFDocument();
        XWPFParagraph paragraph = template.createParagraph();
        paragraph.createRun().setText("Objet : {{ti");
        paragraph.createRun().setText("tle}} – fin");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        template.write(out);
        assertThat(text(DocxTemplate.render("split", out.toByteArray(), Map.of("title", "Étude")))).contains("Objet : Étude – fin");
    }

    @Test
    void theSlimPackageFillsEveryDefaultTemplateAsTheWholePackageDoes() throws IOException {
        for (DocumentType kind : DocumentType.values()) {
            if (!kind.generated() || kind.isWorkbook()) {
                continue;
            }
            TemplateSource source = TemplateSource.of(DefaultTemplates.build(kind, "Dijon Métropole"));
            // every placeholder of the template given a value, whatever its kind (text, list or rows)
            Map<String, Object> model = new HashMap<>();
            Matcher placeholder = Pattern.compile("\\{\\{\\s*([*#]?)([A-Za-z][A-Za-z0-9_]*)"
                    + "(?:\\.([A-Za-z][A-Za-z0-9_]*))?").matcher(text(source));
            while (placeholder.find()) {
                switch (placeholder.group(1)) {
                    case "*" -> model.put(placeholder.group(2), List.of("# Titre", "premier", "second"));
                    case "#" -> model.merge(placeholder.group(2), List.of(Map.of(placeholder.group(3), "valeur")), (a, b) -> a);
                    default -> model.put(placeholder.group(2), "valeur de " + placeholder.group(2));
                }
            }
            // rows whose placeholders name several fields
            for (Map.Entry<String, Object> entry : model.entrySet()) {
                if (entry.getValue() instanceof List<?> rows && !rows.isEmpty() && rows.get(0) instanceof Map) {
                    entry.setValue(List.of(allFields(source, entry.getKey()), allFields(source, entry.getKey())));
                }
            }

            byte[] slim = DocxTemplate.render(kind.template(), source, model, true);
            byte[] whole = DocxTemplate.render(kind.template(), source, model, false);

            assertThat(entries(slim).keySet()).as(kind.name()).containsExactlyElementsOf(entries(whole).keySet());
            for (Map.Entry<String, byte[]> entry : entries(whole).entrySet()) {
                assertThat(entries(slim).get(entry.getKey())).as(kind + " " + entry.getKey()).isEqualTo(entry.getValue());
            }
        }
    }

    private static String text(TemplateSource source) throws IOException {
        return new String(entries(source.bytes()).get("word/document.xml"), StandardCharsets.UTF_8)
                .replaceAll("<[^>]+>", "");
    }

    private static Map<String, String> allFields(TemplateSource source, String rows) throws IOException {
        Map<String, String> fields = new HashMap<>();
        Matcher m = Pattern.compile("\\{\\{\\s*#" + rows + "\\.([A-Za-z][A-Za-z0-9_]*)")
                .matcher(text(source));
        while (m.find()) {
            fields.put(m.group(1), "valeur " + m.group(1));
        }
        return fields;
    }

    @Test
    void fillsHeadersAndFootersAndKeepsTheTemplatesOtherPartsAsTheyAre() throws IOException {
        XWPFDocument template = new XWPFDocument();
        template.createParagraph().createRun().setText("Dossier {{reference}}");
        template.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("En-tête {{reference}}");
        template.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("Pied de page {{title}}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        template.write(out);

        byte[] filled = DocxTemplate.render("entête", out.toByteArray(), Map.of("reference", "SUB-2023-0001", "title", "Étude"));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(filled))) {
            assertThat(document.getParagraphs().get(0).getText()).isEqualTo("Dossier SUB-2023-0001");
            assertThat(document.getHeaderList().get(0).getText()).contains("En-tête SUB-2023-0001");
            assertThat(document.getFooterList().get(0).getText()).contains("Pied de page Étude");
        }
        Map<String, byte[]> before = entries(out.toByteArray());
        Map<String, byte[]> after = entries(filled);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        for (String name : before.keySet()) {
            if (!name.equals("word/document.xml") && !name.startsWith("word/header") && !name.startsWith("word/footer")) {
                assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
            }
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Nested
    class UserText {

        @Test
        void cannotAddAPlaceholderOrMarkup() throws IOException {
            String hostile = "{{reference}} </w:t></w:r><w:r><w:t>injected <script>alert(1)</script> ]]> & \"'";
            String text = text(render("Titre : {{title}}", Map.of("title", hostile, "reference", "SUB-1")));
            assertThat(text).contains("Titre : " + hostile);
        }

        @Test
        void losesTheCharactersXmlCannotCarryButKeepsTheRest() throws IOException {
            String text = text(render("{{title}}", Map.of("title", "a\u0000b\u0001c\u001Fd – é 🙂")));
            assertThat(text).contains("abcd – é 🙂");
        }

        @Test
        void keepsItsLineBreaks() throws IOException {
            String text = text(render("{{address}}", Map.of("address", "2 rue Leclerc\n21000 Dijon")));
            assertThat(text).contains("2 rue Leclerc\n21000 Dijon");
        }
    }

    @Nested
    class BrokenTemplates {

        @Test
        void refuseAnUnknownPlaceholder() {
            assertThatThrownBy(() -> render("{{unknown}}", Map.of())).isInstanceOf(TemplateException.class)
                    .hasMessageContaining("{{unknown}}");
        }

        @Test
        void refuseAFileThatIsNotADocx() {
            assertThatThrownBy(() -> DocxTemplate.render("cassé", "pas un docx".getBytes(), Map.of()))
                    .isInstanceOf(TemplateException.class).hasMessageContaining("cassé");
        }

        @Test
        void refuseAListPlaceholderInsideText() {
            assertThatThrownBy(() -> render("avant {{*items}} après", Map.of("items", List.of())))
                    .isInstanceOf(TemplateException.class).hasMessageContaining("seul dans son paragraphe");
        }
    }

    private static byte[] render(String line, Map<String, Object> model) {
        DefaultTemplates.Doc doc = new DefaultTemplates.Doc();
        doc.p(line);
        return DocxTemplate.render("test", doc.bytes(), model);
    }

    private static String text(byte[] docx) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }
}
