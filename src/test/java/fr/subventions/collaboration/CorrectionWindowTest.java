package fr.subventions.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The « délai de repentir » of an internal note, at its boundary: open to the last second of the day, then shut. */
class CorrectionWindowTest {

    static final Instant WRITTEN = Instant.parse("2026-03-12T16:45:30Z");

    @Test
    void aNoteMayBeCorrectedUntilTwentyFourHoursMinusOneSecondAfterItWasWritten() {
        assertThat(CorrectionWindow.isOpen(WRITTEN, WRITTEN)).isTrue();
        assertThat(CorrectionWindow.isOpen(WRITTEN, WRITTEN.plus(Duration.ofHours(12)))).isTrue();
        assertThat(CorrectionWindow.isOpen(WRITTEN, WRITTEN.plus(Duration.ofHours(24)).minusSeconds(1))).isTrue();
    }

    @Test
    void twentyFourHoursAfterItWasWrittenTheNoteIsFrozen() {
        assertThat(CorrectionWindow.closesAt(WRITTEN)).isEqualTo(Instant.parse("2026-03-13T16:45:30Z"));
        assertThat(CorrectionWindow.isOpen(WRITTEN, WRITTEN.plus(Duration.ofHours(24)))).isFalse();
        assertThat(CorrectionWindow.isOpen(WRITTEN, WRITTEN.plus(Duration.ofDays(30)))).isFalse();
    }
}
