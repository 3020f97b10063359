package fr.subventions.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sentences the models write from data: shipped in documents/phrases.properties, replaced key by key by the
 * authority's phrases.properties in its template folder.
 */
class PhrasesTest {

    @TempDir
    Path folder;

    @Test
    void aShippedSentenceIsFilledFromItsValuesAndKeepsItsLeadingSpace() {
        assertThat(Phrases.shipped().get("minutes.urgency", "reason", "vote du budget")).isEqualTo(" (urgence : vote du budget)");
        assertThat(Phrases.shipped().get("extract.credits", "fiscalYear", 2023))
                .isEqualTo("- de dire que les crédits seront prélevés sur le budget de l’exercice 2023.");
    }

    @Test
    void theTemplateFoldersFileReplacesTheSentencesItNamesAndIsReadAgainWhenItChanges() throws IOException {
        Path file = folder.resolve("phrases.properties");
        Phrases phrases = new Phrases(file);
        assertThat(phrases.get("minutes.adjourned")).isEqualTo("Ajourné.");

        Files.writeString(file, "minutes.adjourned=Ajourné à une séance ultérieure.\n", StandardCharsets.UTF_8);
        assertThat(phrases.get("minutes.adjourned")).isEqualTo("Ajourné à une séance ultérieure.");
        assertThat(phrases.get("minutes.withdrawn")).isEqualTo("Retiré par le demandeur avant le vote.");

        Files.writeString(file, "minutes.adjourned=Renvoyé.\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(phrases.get("minutes.adjourned")).isEqualTo("Renvoyé.");
    }

    @Test
    void aSentenceNamingAValueItsModelDoesNotGiveFailsWithAFrenchMessage() throws IOException {
        Path file = folder.resolve("phrases.properties");
        Files.writeString(file, "minutes.adjourned=Ajourné au {{dateInconnue}}.\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new Phrases(file).get("minutes.adjourned")).isInstanceOf(TemplateException.class)
                .hasMessage("Champ inconnu {{dateInconnue}} dans la phrase « minutes.adjourned »");
        assertThatThrownBy(() -> Phrases.shipped().get("minutes.nothing")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("Phrase inconnue « minutes.nothing »");
    }

    @Test
    void noJavaSourceNamesTheAuthorityItsDocumentsSpeakFor() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            assertThat(sources.filter(p -> p.toString().endsWith(".java")).filter(p -> read(p).contains("Dijon")))
                    .isEmpty();
        }
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/documents"))) {
            assertThat(templates.filter(Files::isRegularFile).filter(p -> read(p).contains("Dijon"))).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
