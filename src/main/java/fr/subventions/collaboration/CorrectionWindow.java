package fr.subventions.collaboration;

import java.time.Duration;
import java.time.Instant;

/**
 * The « délai de repentir » of an internal note: its author may correct it during the day after writing it — a slip, a
 * word missing — and then it stands as written, so that what a colleague read and acted on cannot be rewritten
 * afterwards. The window closes 24 hours to the second after the note was written: a correction 24 hours minus one
 * second after it is taken, one at 24 hours is refused.
 */
public final class CorrectionWindow {

    /** How long a note stays open to its author's corrections. */
    public static final Duration LENGTH = Duration.ofHours(24);

    private CorrectionWindow() {
    }

    /** The instant the note is frozen: from then on, nobody corrects it. */
    public static Instant closesAt(Instant writtenAt) {
        return writtenAt.plus(LENGTH);
    }

    /** Whether a note written then may still be corrected now. */
    public static boolean isOpen(Instant writtenAt, Instant now) {
        return now.isBefore(closesAt(writtenAt));
    }
}
