package fr.subventions.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SiretTest {

    @Test
    void acceptsTheSeedApplicantsSiretWhoseLuhnChecksumHolds() {
        assertThat(Siret.isValid("73282932000074")).isTrue();
    }

    @Test
    void acceptsAnotherFourteenDigitNumberWhoseLuhnChecksumHolds() {
        assertThat(Siret.isValid("44306184100047")).isTrue();
    }

    @Test
    void acceptsANumberThatStartsLikeLaPosteButNotWithItsSirenThroughLuhn() {
        // 356000010… is not La Poste's SIREN 356000000: Luhn holds, digit sum 18 is no multiple of 5.
        assertThat(Siret.isValid("35600001000013")).isTrue();
    }

    @Nested
    class LaPosteException {

        @Test
        void acceptsAnEstablishmentWhoseDigitSumIsAMultipleOfFiveThoughLuhnFails() {
            // digit sum 45, Luhn fails
            assertThat(Siret.luhn("35600000049837")).isFalse();
            assertThat(Siret.isValid("35600000049837")).isTrue();
        }

        @Test
        void acceptsTheSmallestDigitSumMultipleOfFive() {
            // digit sum 25, Luhn fails
            assertThat(Siret.isValid("35600000000047")).isTrue();
        }

        @Test
        void refusesAnEstablishmentWhoseDigitSumIsOneAboveAMultipleOfFive() {
            // digit sum 46
            assertThat(Siret.isValid("35600000049838")).isFalse();
        }

        @Test
        void refusesAnEstablishmentWhoseLuhnHoldsButDigitSumIsNotAMultipleOfFive() {
            // Luhn holds, digit sum 14: for La Poste the digit sum rule replaces Luhn
            assertThat(Siret.luhn("35600000000014")).isTrue();
            assertThat(Siret.isValid("35600000000014")).isFalse();
        }

        @Test
        void acceptsTheHeadOfficeThroughLuhnThoughItsDigitSumIsNotAMultipleOfFive() {
            // 35600000000048: digit sum 26, Luhn holds
            assertThat(Siret.isValid("35600000000048")).isTrue();
        }

        @Test
        void appliesLuhnNotTheDigitSumOutsideLaPostesSiren() {
            // digit sum 15 (a multiple of 5) but the SIREN is 356000010, so Luhn applies and fails
            assertThat(Siret.isValid("35600001000000")).isFalse();
        }
    }

    @Nested
    class Refuses {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "              "})
        void nullOrBlank(String value) {
            assertThat(Siret.isValid(value)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"73282932000073", "73282932000075", "73282932000070", "73282932000079"})
        void aWrongCheckDigit(String value) {
            assertThat(Siret.isValid(value)).isFalse();
        }

        @Test
        void aSirenOfZeros() {
            // passes Luhn, but no SIREN is 000 000 000
            assertThat(Siret.luhn("00000000000000")).isTrue();
            assertThat(Siret.isValid("00000000000000")).isFalse();
        }

        @Test
        void twoSwappedDigits() {
            assertThat(Siret.isValid("73282932000047")).isFalse();
            assertThat(Siret.isValid("37282932000074")).isFalse();
        }

        @Test
        void thirteenDigitsEvenWhenLuhnHolds() {
            assertThat(Siret.luhn("7328293200000")).isTrue();
            assertThat(Siret.isValid("7328293200000")).isFalse();
        }

        @Test
        void fifteenDigitsEvenWhenLuhnHolds() {
            assertThat(Siret.luhn("732829320000745")).isTrue();
            assertThat(Siret.isValid("732829320000745")).isFalse();
        }

        @Test
        void theNineDigitSirenAlone() {
            assertThat(Siret.isValid("732829320")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"7328293200007A", "A3282932000074", "73282932OOOO74", "FR282932000074"})
        void letters(String value) {
            assertThat(Siret.isValid(value)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"732 829 320 00074", " 73282932000074", "73282932000074 ", "73282932000074\n",
                "732-829-320-00074", "+3282932000074", "-3282932000074"})
        void spacesSeparatorsAndSigns(String value) {
            assertThat(Siret.isValid(value)).isFalse();
        }

        @Test
        void nonAsciiDigits() {
            // Arabic-Indic digits for 73282932000074
            assertThat(Siret.isValid("٧٣٢٨٢٩٣٢٠٠٠٠٧٤")).isFalse();
            // full-width digits
            assertThat(Siret.isValid("７３２８２９３２０００７４")).isFalse();
        }
    }
}
