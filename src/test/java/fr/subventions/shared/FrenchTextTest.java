package fr.subventions.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrenchTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1        | un",
            "16       | seize",
            "17       | dix-sept",
            "21       | vingt et un",
            "22       | vingt-deux",
            "71       | soixante et onze",
            "72       | soixante-douze",
            "80       | quatre-vingts",
            "81       | quatre-vingt-un",
            "91       | quatre-vingt-onze",
            "100      | cent",
            "101      | cent un",
            "200      | deux cents",
            "201      | deux cent un",
            "1000     | mille",
            "1001     | mille un",
            "2000     | deux mille",
            "20000    | vingt mille",
            "72000    | soixante-douze mille",
            "80000    | quatre-vingt mille",
            "200000   | deux cent mille",
            "1000000  | un million",
            "2500000  | deux millions cinq cent mille"})
    void writesWholeNumbersInLetters(long number, String words) {
        assertThat(FrenchText.words(number)).isEqualTo(words);
    }

    @Test
    void writesAmountsInLettersAsAConventionStatesThem() {
        assertThat(FrenchText.amountInWords(new BigDecimal("20000"))).isEqualTo("vingt mille euros");
        assertThat(FrenchText.amountInWords(new BigDecimal("1"))).isEqualTo("un euro");
        assertThat(FrenchText.amountInWords(new BigDecimal("1200.50"))).isEqualTo("mille deux cents euros et cinquante centimes");
        assertThat(FrenchText.amountInWords(new BigDecimal("2000000"))).isEqualTo("deux millions d'euros");
    }

    @Test
    void writesDatesAsTheRegisterDoes() {
        assertThat(FrenchText.longDate(LocalDate.of(2023, 9, 14))).isEqualTo("jeudi 14 septembre 2023");
        assertThat(FrenchText.date(LocalDate.of(2023, 9, 8))).isEqualTo("8 septembre 2023");
        assertThat(FrenchText.date(LocalDate.of(2023, 10, 1))).isEqualTo("1er octobre 2023");
    }
}
