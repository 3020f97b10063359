package fr.subventions.submission;

import java.time.Instant;

/**
 * A document as the API and the pages list it, without its content; {@code visibility} tells staff whether the
 * applicant sees it too.
 */
public record DocumentView(Long id, DocumentType type, String label, boolean generated, Visibility visibility,
        String filename, String mediaType, long size, String sha256, String stage, int version, Instant uploadedAt) {

    /** A document as a query reads it, without its content ({@link DocumentService#views}). */
    public DocumentView(Long id, DocumentType type, String filename, String mediaType, long size, String sha256,
            String stage, int version, Instant uploadedAt) {
        this(id, type, type.label(), type.generated(), type.visibility(), filename, mediaType, size, sha256, stage, version,
                uploadedAt);
    }

    public static DocumentView of(RequestDocument d) {
        return new DocumentView(d.id(), d.type(), d.type().label(), d.type().generated(), d.type().visibility(),
                d.filename(), d.mediaType(), d.size(), d.sha256(), d.stage(), d.version(), d.uploadedAt());
    }
}
