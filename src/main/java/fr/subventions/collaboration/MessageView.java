package fr.subventions.collaboration;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A message as the API answers it: its side, its author (login and name), when it was sent, whether it asks for an
 * answer, its text and its attachments.
 */
public record MessageView(Long id, Side side, String author, String authorName, Instant sentAt, boolean question,
        String text, List<Attachment> attachments) {

    /** An attached file, downloaded from {@code link} as any document of the request. */
    public record Attachment(Long id, String name, String type, long size, String link) {

        /** « 12 Ko », « 1,4 Mo »: for the pages. */
        public String sizeLabel() {
            if (size < 1024 * 1024) {
                return Math.max(1, Math.round(size / 1024.0)) + " Ko";
            }
            return String.format(Locale.FRANCE, "%.1f Mo", size / (1024.0 * 1024.0));
        }
    }
}
