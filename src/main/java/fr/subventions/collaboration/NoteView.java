package fr.subventions.collaboration;

import java.time.Instant;

/**
 * An internal note as the API answers it to staff: who wrote it and when, its last correction, until when its author
 * may correct it, and whether the caller may now.
 */
public record NoteView(Long id, String author, String authorName, Instant writtenAt, Instant editedAt,
        Instant editableUntil, boolean editable, String text) {
}
