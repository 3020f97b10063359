package fr.subventions.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The e-mail templates' folder ({@code subventions.mail.template-dir}, by default {@code courriels} in the document
 * templates' folder). The authority edits the .txt files there and the next e-mail uses them; a template missing from
 * the folder is written there from the shipped default (classpath {@code mail-templates/}) the first time it is needed.
 */
@Component
class MailTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(MailTemplates.class);

    private final Path folder;

    MailTemplates(MailSettings settings,
            @Value("${subventions.documents.template-dir:./templates}") Path documentTemplates) {
        this.folder = settings.getTemplateDir() != null ? settings.getTemplateDir() : documentTemplates.resolve("courriels");
    }

    /** The template's text, UTF-8. */
    public String template(MailTemplate template) {
        Path file = file(template);
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                Files.createDirectories(folder);
                Path partial = Files.createTempFile(folder, template.name(), ".partial");
                Files.write(partial, shipped(template));
                // written whole or not at all: a crash never leaves half a template behind
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                LOG.info("Wrote the default e-mail template {}", file.toAbsolutePath());
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("E-mail template folder " + folder.toAbsolutePath() + " cannot be used", e);
        }
    }

    /** The shipped default of a template. */
    static byte[] shipped(MailTemplate template) throws IOException {
        try (InputStream in = MailTemplates.class.getResourceAsStream("/mail-templates/" + template.file())) {
            if (in == null) {
                throw new IOException("no shipped e-mail template " + template.file());
            }
            return in.readAllBytes();
        }
    }

    public Path file(MailTemplate template) {
        return folder.resolve(template.file());
    }

    public Path folder() {
        return folder;
    }
}
