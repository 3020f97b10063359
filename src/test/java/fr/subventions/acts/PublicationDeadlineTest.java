package fr.subventions.acts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** CGCT L2121-25: the list of a séance's deliberations is published within a week of the séance. */
class PublicationDeadlineTest {

    static final LocalDate SEANCE = LocalDate.of(2023, 9, 14);

    @Test
    void theLastDayIsAWeekAfterTheSeance() {
        assertThat(PublicationDeadline.dueOn(SEANCE)).isEqualTo(LocalDate.of(2023, 9, 21));
    }

    @Test
    void notOverdueOnItsLastDay() {
        assertThat(PublicationDeadline.overdue(SEANCE, null, LocalDate.of(2023, 9, 21))).isFalse();
    }

    @Test
    void overdueTheDayAfter() {
        assertThat(PublicationDeadline.overdue(SEANCE, null, LocalDate.of(2023, 9, 22))).isTrue();
    }

    @Test
    void neverOverdueOncePublished() {
        assertThat(PublicationDeadline.overdue(SEANCE, LocalDate.of(2023, 9, 25), LocalDate.of(2023, 10, 1))).isFalse();
    }
}
