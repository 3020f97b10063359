package fr.subventions.convention;

/** Both parties signed the convention: the copy signed by both is filed as {@code documentId} (a PDF). */
public record ConventionSigned(Long requestId, Long documentId) {
}
