package fr.subventions.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The template folder (subventions.documents.template-dir, ./templates by default). The authority edits the .docx
 * files there, and the next document uses them: no rebuild, no restart. A template missing from the folder is
 * written there from the shipped defaults (Dijon Métropole's) the first time it is needed.
 */
@Component
public class TemplateStore {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateStore.class);

    private final Path folder;

    TemplateStore(@Value("${subventions.documents.template-dir:./templates}") Path folder) {
        this.folder = folder;
    }

    public byte[] template(DocumentKind kind) {
        Path file = file(kind);
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                // an empty file is what a crash in the middle of a plain write leaves: never a template anyone made
                Files.createDirectories(folder);
                Path partial = Files.createTempFile(folder, kind.template(), ".partial");
                Files.write(partial, DefaultTemplates.build(kind));
                // written whole or not at all, so that a crash never leaves a broken template behind
                Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                LOG.info("Wrote the default template {}", file.toAbsolutePath());
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Template folder " + folder.toAbsolutePath() + " cannot be used", e);
        }
    }

    public Path file(DocumentKind kind) {
        return folder.resolve(kind.template() + ".docx");
    }

    public Path folder() {
        return folder;
    }
}
