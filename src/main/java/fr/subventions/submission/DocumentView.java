package fr.subventions.submission;

import java.time.Instant;

public record DocumentView(Long id, DocumentType type, String filename, String mediaType, long size, String sha256,
        Instant uploadedAt) {

    static DocumentView of(RequestDocument d) {
        return new DocumentView(d.id(), d.type(), d.filename(), d.mediaType(), d.size(), d.sha256(), d.uploadedAt());
    }
}
