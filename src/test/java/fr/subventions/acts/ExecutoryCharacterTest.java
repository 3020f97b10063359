package fr.subventions.acts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** CGCT L2131-1: executory once published and, for the acts sent to the prefect, once received by them. */
class ExecutoryCharacterTest {

    static final LocalDate SEANCE = LocalDate.of(2023, 9, 14);

    @Test
    void neitherPublishedNorReceivedIsNotExecutory() {
        assertThat(ExecutoryCharacter.since(null, null, true)).isEmpty();
    }

    @Test
    void receivedButNotPublishedIsNotExecutory() {
        assertThat(ExecutoryCharacter.since(null, SEANCE.plusDays(2), true)).isEmpty();
    }

    @Test
    void publishedButNotReceivedIsNotExecutoryWhenItGoesToThePrefect() {
        assertThat(ExecutoryCharacter.since(SEANCE.plusDays(1), null, true)).isEmpty();
    }

    @Test
    void publishedFirstThenReceivedIsExecutoryOnTheDayOfReceipt() {
        assertThat(ExecutoryCharacter.since(SEANCE.plusDays(1), SEANCE.plusDays(4), true)).contains(SEANCE.plusDays(4));
    }

    @Test
    void receivedFirstThenPublishedIsExecutoryOnTheDayOfPublication() {
        assertThat(ExecutoryCharacter.since(SEANCE.plusDays(5), SEANCE.plusDays(4), true)).contains(SEANCE.plusDays(5));
    }

    @Test
    void bothOnTheSameDayIsExecutoryThatDay() {
        assertThat(ExecutoryCharacter.since(SEANCE.plusDays(3), SEANCE.plusDays(3), true)).contains(SEANCE.plusDays(3));
    }

    @Test
    void anActNotSentToThePrefectIsExecutoryOncePublished() {
        assertThat(ExecutoryCharacter.since(SEANCE.plusDays(2), null, false)).contains(SEANCE.plusDays(2));
        assertThat(ExecutoryCharacter.since(null, null, false)).isEmpty();
    }
}
