package fr.subventions.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** The shipped templates' wording is laid out from text: one paragraph a line, its styles in brackets, tables as rows. */
class DefaultTemplatesTest {

    @Test
    void aLineIsAParagraphInItsStylesAndAnEmptyLineAnEmptyParagraph() throws IOException {
        try (XWPFDocument document = open(List.of("% a comment, left out", "[bold] {{authorityLetterhead}}", "",
                "[right] Le Président,\\n{{president}}", "[title] CONVENTION", "Texte simple"))) {
            List<XWPFParagraph> paragraphs = document.getParagraphs();
            assertThat(paragraphs).extracting(XWPFParagraph::getText)
                    .containsExactly("{{authorityLetterhead}}", "", "Le Président,\n{{president}}", "CONVENTION", "Texte simple");
            assertThat(paragraphs.get(0).getRuns().get(0).isBold()).isTrue();
            assertThat(paragraphs.get(2).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(paragraphs.get(3).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(paragraphs.get(3).getRuns().get(0).getFontSizeAsDouble()).isEqualTo(13.0);
            assertThat(paragraphs.get(4).getRuns().get(0).isBold()).isFalse();
        }
    }

    @Test
    void rowsMakeATableWithItsHeaderItsRepeatedRowAndItsClosingRow() throws IOException {
        try (XWPFDocument document = open(List.of("[bold] Plan de financement", "| Financeur | Montant",
                "|* {{#financing.funder}} | {{#financing.amount}}", "|= Budget total | {{totalBudget}}", "Après"))) {
            XWPFTable table = document.getTables().get(0);
            assertThat(table.getRows()).hasSize(3);
            assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("Financeur");
            assertThat(table.getRow(1).getCell(1).getText()).isEqualTo("{{#financing.amount}}");
            assertThat(table.getRow(2).getCell(0).getText()).isEqualTo("Budget total");
            assertThat(table.getRow(2).getCell(0).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
            assertThat(document.getParagraphs()).extracting(XWPFParagraph::getText)
                    .containsExactly("Plan de financement", "Après");
        }
    }

    private static XWPFDocument open(List<String> wording) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(DefaultTemplates.layOut(wording)));
    }
}
