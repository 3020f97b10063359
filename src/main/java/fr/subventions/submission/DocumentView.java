package fr.subventions.submission;

import java.time.Instant;

public record DocumentView(Long id, DocumentType type, String label, boolean generated, String filename,
        String mediaType, long size, String sha256, String stage, int version, Instant uploadedAt) {

    public static DocumentView of(RequestDocument d) {
        return new DocumentView(d.id(), d.type(), d.type().label(), d.type().generated(), d.filename(), d.mediaType(),
                d.size(), d.sha256(), d.stage(), d.version(), d.uploadedAt());
    }
}
