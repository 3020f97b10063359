package fr.subventions.documents;

import fr.subventions.submission.DocumentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The template folder (subventions.documents.template-dir, ./templates by default). The authority edits the .docx
 * files there, and the next document uses them: no rebuild, no restart. A template missing from the folder is
 * written there from the shipped defaults the first time it is needed.
 */
@Component
public class TemplateStore {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateStore.class);

    private final Path folder;
    /** The default templates' author, and so their PDF renditions'. */
    private final String authority;
    /**
     * Each template as last read, with the file's modification time, size and identity then: a document reads the
     * file's attributes (one system call) and reads and parses the file again only when one of them changed, so an
     * edited template is used by the next document, as before.
     */
    private final ConcurrentMap<Path, Read> read = new ConcurrentHashMap<>();

    private record Read(FileTime modified, long size, Object fileKey, TemplateSource source) {

        boolean isOf(BasicFileAttributes attributes) {
            return modified.equals(attributes.lastModifiedTime()) && size == attributes.size()
                    && Objects.equals(fileKey, attributes.fileKey());
        }
    }

    TemplateStore(@Value("${subventions.documents.template-dir:./templates}") Path folder,
            @Value("${subventions.authority.name}") String authority) {
        this.folder = folder;
        this.authority = authority;
    }

    /** The template's content, written from the defaults first if the folder lacks it. */
    public byte[] template(DocumentType kind) {
        return source(kind).bytes().clone();
    }

    /** The template read and taken apart once, until its file changes. */
    TemplateSource source(DocumentType kind) {
        Path file = file(kind);
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                // an empty file is what a crash in the middle of a plain write leaves: never a template anyone made
                Files.createDirectories(folder);
                Path partial = Files.createTempFile(folder, kind.template(), ".partial");
                Files.write(partial, DefaultTemplates.build(kind, authority));
                // written whole or not at all, so that a crash never leaves a broken template behind
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                LOG.info("Wrote the default template {}", file.toAbsolutePath());
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Read last = read.get(file);
            if (last != null && last.isOf(attributes)) {
                return last.source();
            }
            byte[] bytes = Files.readAllBytes(file);
            // attributes read before the content: a change while reading is seen by the next document
            Read fresh = new Read(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey(),
                    TemplateSource.of(bytes));
            read.put(file, fresh);
            return fresh.source();
        } catch (IOException e) {
            throw new UncheckedIOException("Template folder " + folder.toAbsolutePath() + " cannot be used", e);
        }
    }

    public Path file(DocumentType kind) {
        return folder.resolve(kind.template() + ".docx");
    }

    public Path folder() {
        return folder;
    }
}
