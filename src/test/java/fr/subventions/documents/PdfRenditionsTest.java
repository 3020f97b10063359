package fr.subventions.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.subventions.submission.DocumentType;
import fr.subventions.support.PdfA;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The PDF/A-2b rendition of a .docx by LibreOffice, through JODConverter, checked by veraPDF: the text kept, several
 * conversions at once, a process restarted after its quota; and, without LibreOffice, a start that says so once and a
 * conversion that fails with a French message.
 */
@ExtendWith(OutputCaptureExtension.class)
class PdfRenditionsTest {

    /** The bean and its settings alone, as the application declares them. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PdfSettings.class)
    @Import(PdfRenditions.class)
    static class PdfOnly {
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(PdfOnly.class);

    static byte[] letter(String line) {
        DefaultTemplates.Doc doc = new DefaultTemplates.Doc();
        doc.p("DIJON MÉTROPOLE");
        doc.p("Objet : {{subject}}");
        doc.p("Madame, Monsieur, nous accusons réception de votre demande « {{title}} » — 12 500,00 €.");
        return DocxTemplate.render("test", doc.bytes(), Map.of("subject", line, "title", "Fête de l'été"));
    }

    @Test
    void aDocxBecomesAValidPdfA2bThatKeepsItsText() {
        contexts.run(context -> {
            PdfRenditions renditions = context.getBean(PdfRenditions.class);
            assertThat(renditions.available()).isTrue();
            assertThat(renditions.started()).as("no LibreOffice before the first conversion").isFalse();

            byte[] pdf = renditions.toPdfA(letter("Accusé de réception n° SUB-2024-0001"));

            assertThat(renditions.started()).isTrue();
            PdfA.assertValidPdfA2b(pdf);
            assertThat(PdfA.text(pdf)).contains("Accusé de réception n° SUB-2024-0001", "Fête de l'été", "12 500,00 €");
        });
    }

    @Test
    void aDefaultTemplatesRenditionNamesTheAuthorityAsItsAuthorNeverApachePoi() {
        contexts.run(context -> {
            PdfRenditions renditions = context.getBean(PdfRenditions.class);

            byte[] authored = renditions.toPdfA(DefaultTemplates.build(DocumentType.ACKNOWLEDGEMENT, "Dijon Métropole"));
            byte[] anonymous = renditions.toPdfA(letter("Accusé de réception n° SUB-2024-0001"));

            PdfA.assertValidPdfA2b(authored);
            try (PDDocument pdf = Loader.loadPDF(authored)) {
                assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo("Dijon Métropole");
            }
            try (PDDocument pdf = Loader.loadPDF(anonymous)) {
                assertThat(pdf.getDocumentInformation().getAuthor()).isNullOrEmpty();
            }
        });
    }

    @Test
    void conversionsAtOnceShareThePoolAndAProcessIsRestartedAfterItsQuota() {
        contexts.withPropertyValues("subventions.pdf.pool-size=2", "subventions.pdf.max-tasks-per-process=2")
                .run(context -> {
                    PdfRenditions renditions = context.getBean(PdfRenditions.class);
                    ExecutorService threads = Executors.newFixedThreadPool(3);
                    try {
                        List<Future<byte[]>> pdfs = new ArrayList<>();
                        for (int i = 0; i < 7; i++) {
                            String line = "Lettre n° " + i;
                            pdfs.add(threads.submit(() -> renditions.toPdfA(letter(line))));
                        }
                        for (int i = 0; i < pdfs.size(); i++) {
                            byte[] pdf = pdfs.get(i).get();
                            PdfA.assertValidPdfA2b(pdf);
                            assertThat(PdfA.text(pdf)).contains("Lettre n° " + i);
                        }
                    } finally {
                        threads.shutdownNow();
                    }
                });
    }

    @Test
    void withoutLibreOfficeTheContextStartsSaysSoOnceAndAConversionFailsInFrench(@TempDir Path empty,
            CapturedOutput output) {
        contexts.withPropertyValues("subventions.pdf.office-home=" + empty).run(context -> {
            assertThat(context).hasNotFailed();
            PdfRenditions renditions = context.getBean(PdfRenditions.class);
            assertThat(renditions.available()).isFalse();
            assertThat(output.getOut().lines().filter(l -> l.contains("WARN") && l.contains("LibreOffice not found")))
                    .singleElement().asString()
                    .contains("PDF/A renditions", "signed acts", "libreoffice-writer-nogui", "subventions.pdf.office-home",
                            empty.toString());

            assertThatThrownBy(() -> renditions.toPdfA(letter("Objet")))
                    .isInstanceOf(PdfRenditionException.class)
                    .hasMessageStartingWith("LibreOffice est introuvable : le PDF/A ne peut pas être produit");
            assertThat(renditions.started()).isFalse();
            assertThat(Files.list(empty)).isEmpty();
        });
    }

    @Test
    void settingsOutOfRangeStopTheStart() {
        contexts.withPropertyValues("subventions.pdf.pool-size=0").run(context -> assertThat(context).hasFailed());
        contexts.withPropertyValues("subventions.pdf.task-timeout=PT0S").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theDefaultsAreThoseDocumented() {
        contexts.run(context -> {
            PdfSettings settings = context.getBean(PdfSettings.class);
            assertThat(settings.officeHome()).isNull();
            assertThat(settings.poolSize()).isEqualTo(1);
            assertThat(settings.taskTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(settings.maxTasksPerProcess()).isEqualTo(200);
        });
    }
}
