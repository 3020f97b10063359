package fr.subventions.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RnaTest {

    @ParameterizedTest
    @ValueSource(strings = {"W212000123", "W212001234", "W751234567", "W000000000", "W999999999"})
    void acceptsACapitalWFollowedByNineDigits(String value) {
        assertThat(Rna.isValid(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"W2A1000123", "W2B1000123", "W2A0000000", "W2B9999999"})
    void acceptsCorsicaWithW2AOrW2BFollowedBySevenDigits(String value) {
        assertThat(Rna.isValid(value)).isTrue();
    }

    @Nested
    class Refuses {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "          "})
        void nullOrBlank(String value) {
            assertThat(Rna.isValid(value)).isFalse();
        }

        @Test
        void aLowercaseW() {
            assertThat(Rna.isValid("w212000123")).isFalse();
            assertThat(Rna.isValid("w2A1000123")).isFalse();
        }

        @Test
        void eightDigits() {
            assertThat(Rna.isValid("W21200012")).isFalse();
        }

        @Test
        void tenDigits() {
            assertThat(Rna.isValid("W2120001234")).isFalse();
        }

        @Test
        void corsicaWithSixOrEightDigits() {
            assertThat(Rna.isValid("W2A100012")).isFalse();
            assertThat(Rna.isValid("W2B10001234")).isFalse();
        }

        @Test
        void corsicaInLowercase() {
            assertThat(Rna.isValid("W2a1000123")).isFalse();
            assertThat(Rna.isValid("W2b1000123")).isFalse();
        }

        @Test
        void anotherLetterThanAOrBAfterTwo() {
            assertThat(Rna.isValid("W2C1000123")).isFalse();
        }

        @Test
        void aLetterOutsideTheCorsicanPosition() {
            assertThat(Rna.isValid("W21A000123")).isFalse();
            assertThat(Rna.isValid("WA21000123")).isFalse();
        }

        @Test
        void noLeadingW() {
            assertThat(Rna.isValid("212000123")).isFalse();
            assertThat(Rna.isValid("X212000123")).isFalse();
            assertThat(Rna.isValid("0212000123")).isFalse();
        }

        @Test
        void spacesAroundOrInside() {
            assertThat(Rna.isValid(" W212000123")).isFalse();
            assertThat(Rna.isValid("W212000123 ")).isFalse();
            assertThat(Rna.isValid("W 212000123")).isFalse();
            assertThat(Rna.isValid("W212000123\n")).isFalse();
        }

        @Test
        void nonAsciiDigits() {
            assertThat(Rna.isValid("W٢١٢٠٠٠١٢٣")).isFalse();
        }
    }
}
