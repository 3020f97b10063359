package fr.subventions.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Nested
    class IsPositiveAmount {

        @ParameterizedTest
        @ValueSource(strings = {"0.01", "1", "1.5", "20000", "20000.50", "72000.00"})
        void acceptsAPositiveAmountWithAtMostTwoDecimals(String amount) {
            assertThat(Money.isPositiveAmount(new BigDecimal(amount))).isTrue();
        }

        @Test
        void acceptsExactlyTheMaximum() {
            assertThat(Money.isPositiveAmount(Money.MAX)).isTrue();
            assertThat(Money.isPositiveAmount(new BigDecimal("999999999999.99"))).isTrue();
        }

        @Test
        void acceptsAnAmountWrittenWithANegativeScale() {
            assertThat(Money.isPositiveAmount(new BigDecimal("2E+4"))).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"20000.000", "0.010", "1.5000"})
        void acceptsTrailingZerosBeyondTheCent(String amount) {
            assertThat(Money.isPositiveAmount(new BigDecimal(amount))).isTrue();
        }

        @Nested
        class Refuses {

            @Test
            void nothing() {
                assertThat(Money.isPositiveAmount(null)).isFalse();
            }

            @ParameterizedTest
            @ValueSource(strings = {"0", "0.00", "0.0"})
            void zero(String amount) {
                assertThat(Money.isPositiveAmount(new BigDecimal(amount))).isFalse();
            }

            @ParameterizedTest
            @ValueSource(strings = {"-0.01", "-1", "-20000"})
            void aNegativeAmount(String amount) {
                assertThat(Money.isPositiveAmount(new BigDecimal(amount))).isFalse();
            }

            @ParameterizedTest
            @ValueSource(strings = {"0.001", "0.005", "20000.505", "1.999"})
            void threeDecimals(String amount) {
                assertThat(Money.isPositiveAmount(new BigDecimal(amount))).isFalse();
            }

            @Test
            void oneCentAboveTheMaximum() {
                assertThat(Money.isPositiveAmount(new BigDecimal("1000000000000.00"))).isFalse();
                assertThat(Money.isPositiveAmount(Money.MAX.add(new BigDecimal("0.01")))).isFalse();
            }

            @Test
            void aFractionOfACentAboveTheMaximum() {
                assertThat(Money.isPositiveAmount(new BigDecimal("999999999999.991"))).isFalse();
            }
        }
    }

    @Nested
    class FormatInFrench {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "20000     | 20 000 €",
                "20000.00  | 20 000 €",
                "20000.50  | 20 000,50 €",
                "20000.5   | 20 000,50 €",
                "72000     | 72 000 €",
                "0.01      | 0,01 €",
                "1         | 1 €",
                "999       | 999 €",
                "1000      | 1 000 €",
                "1234567.89| 1 234 567,89 €",
                "2E+4      | 20 000 €"})
        void groupsThousandsAndShowsCentsOnlyWhenThereAreSome(String amount, String expected) {
            assertThat(Money.format(new BigDecimal(amount))).isEqualTo(typographic(expected));
        }

        @Test
        void formatsTheMaximum() {
            assertThat(Money.format(Money.MAX)).isEqualTo(typographic("999 999 999 999,99 €"));
        }

        @Test
        void writesNarrowNoBreakSpacesBetweenThousandsAndANoBreakSpaceBeforeTheSign() {
            assertThat(Money.format(new BigDecimal("1234567.89"))).isEqualTo("1\u202f234\u202f567,89\u00a0€")
                    .doesNotContain(" ");
        }

        /** The expected text written with plain spaces, as French typography sets it. */
        private static String typographic(String plain) {
            return plain.replace(" €", "\u00a0€").replace(' ', '\u202f');
        }
    }

    @Nested
    class Parse {

        @Test
        void readsAmountsAsPeopleTypeThem() {
            assertThat(Money.parse("20000")).isEqualByComparingTo("20000");
            assertThat(Money.parse("20 000,50 €")).isEqualByComparingTo("20000.50");
            assertThat(Money.parse("20\u202f000\u00a0€")).isEqualByComparingTo("20000");
        }

        @Test
        void refusesWhatIsNoAmount() {
            Assertions.assertThatThrownBy(() -> Money.parse("vingt"))
                    .isInstanceOf(NumberFormatException.class);
        }
    }
}
