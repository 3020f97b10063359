package fr.subventions.bureau;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConvocationTest {

    private static final LocalDate SEANCE = LocalDate.of(2023, 9, 14); // Thursday 14 September 2023

    @Test
    void leavesExactlyFiveClearDaysWhenSentOnFriday8SeptemberForThursday14September() {
        // 9, 10, 11, 12 and 13 September: neither the day of sending nor the day of the séance counts
        assertThat(Convocation.clearDays(LocalDate.of(2023, 9, 8), SEANCE)).isEqualTo(5);
        assertThat(Convocation.isTimely(LocalDate.of(2023, 9, 8), SEANCE)).isTrue();
    }

    @Test
    void isTimelyWhenSentEarlier() {
        assertThat(Convocation.clearDays(LocalDate.of(2023, 9, 7), SEANCE)).isEqualTo(6);
        assertThat(Convocation.isTimely(LocalDate.of(2023, 9, 7), SEANCE)).isTrue();
        assertThat(Convocation.isTimely(LocalDate.of(2023, 8, 1), SEANCE)).isTrue();
    }

    @Test
    void countsAcrossTheEndOfAMonth() {
        // 1 to 5 September
        assertThat(Convocation.clearDays(LocalDate.of(2023, 8, 31), LocalDate.of(2023, 9, 6))).isEqualTo(5);
    }

    @Test
    void countsTheTwentyNinthOfFebruaryOfALeapYear() {
        // 25, 26, 27, 28 and 29 February 2024
        assertThat(Convocation.clearDays(LocalDate.of(2024, 2, 24), LocalDate.of(2024, 3, 1))).isEqualTo(5);
        assertThat(Convocation.isTimely(LocalDate.of(2024, 2, 24), LocalDate.of(2024, 3, 1))).isTrue();
    }

    @Test
    void asksForFiveDaysOfOrdinaryNotice() {
        assertThat(Convocation.ORDINARY_NOTICE_DAYS).isEqualTo(5);
    }

    @Nested
    class TooLate {

        @Test
        void sentSaturday9SeptemberLeavesOnlyFourClearDays() {
            assertThat(Convocation.clearDays(LocalDate.of(2023, 9, 9), SEANCE)).isEqualTo(4);
            assertThat(Convocation.isTimely(LocalDate.of(2023, 9, 9), SEANCE)).isFalse();
        }

        @Test
        void sentTheDayBeforeLeavesNoClearDay() {
            assertThat(Convocation.clearDays(LocalDate.of(2023, 9, 13), SEANCE)).isZero();
            assertThat(Convocation.isTimely(LocalDate.of(2023, 9, 13), SEANCE)).isFalse();
        }

        @Test
        void sentTheSameDayLeavesNoClearDay() {
            assertThat(Convocation.clearDays(SEANCE, SEANCE)).isZero();
            assertThat(Convocation.isTimely(SEANCE, SEANCE)).isFalse();
        }

        @Test
        void sentAfterTheSeanceLeavesNoClearDay() {
            assertThat(Convocation.clearDays(LocalDate.of(2023, 9, 20), SEANCE)).isZero();
            assertThat(Convocation.isTimely(LocalDate.of(2023, 9, 20), SEANCE)).isFalse();
        }
    }

    @Nested
    class InUrgency {

        @Test
        void oneClearDayIsEnough() {
            // sent Tuesday for Thursday: Wednesday is the one jour franc
            assertThat(Convocation.isTimely(LocalDate.of(2023, 9, 12), LocalDate.of(2023, 9, 14), true)).isTrue();
        }

        @Test
        void theDayBeforeIsNotEnough() {
            assertThat(Convocation.isTimely(LocalDate.of(2023, 9, 13), LocalDate.of(2023, 9, 14), true)).isFalse();
        }

        @Test
        void withoutUrgencyOneClearDayIsNotEnough() {
            assertThat(Convocation.isTimely(LocalDate.of(2023, 9, 12), LocalDate.of(2023, 9, 14), false)).isFalse();
        }
    }

    /** L2121-17: without quorum, convened again "à trois jours au moins d'intervalle". */
    @Nested
    class Reconvening {

        @Test
        void threeDaysAfterTheSeanceWithoutQuorumIsTimely() {
            assertThat(Convocation.isReconveningTimely(LocalDate.of(2023, 9, 14), LocalDate.of(2023, 9, 17))).isTrue();
        }

        @Test
        void twoDaysAfterIsTooSoon() {
            assertThat(Convocation.isReconveningTimely(LocalDate.of(2023, 9, 14), LocalDate.of(2023, 9, 16))).isFalse();
        }

        @Test
        void theEarliestDateCountsAcrossTheEndOfAMonth() {
            assertThat(Convocation.earliestReconvening(LocalDate.of(2023, 9, 29))).isEqualTo(LocalDate.of(2023, 10, 2));
        }
    }
}
