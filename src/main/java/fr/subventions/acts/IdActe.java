package fr.subventions.acts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unique identifier the prefecture gives an act it received (the acknowledgement's {@code actes:IDActe}):
 * département, SIREN, the act's date, its number in the authority and its nature, joined by dashes, as in
 * {@code 021-242100410-20230914-B2023_0001-DE}.
 */
public record IdActe(String departement, String siren, LocalDate actDate, String number, ActNature nature) {

    static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SHAPE = Pattern
            .compile("([09][0-9][0-9AB])-([0-9]{9})-([0-9]{8})-([0-9A-Z_]{1,15})-([A-Z]{2})");

    public IdActe {
        if (departement == null || !departement.matches("[09][0-9][0-9AB]")) {
            throw new IllegalArgumentException("département @CTES invalide : « " + departement + " »");
        }
        if (siren == null || !siren.matches("[0-9]{9}")) {
            throw new IllegalArgumentException("SIREN invalide : « " + siren + " »");
        }
        if (actDate == null || nature == null) {
            throw new IllegalArgumentException("un IDActe a une date et une nature");
        }
        NumeroInterne.check(number);
    }

    /**
     * @throws IllegalArgumentException for a text that is no IDActe, saying what is wrong (in French)
     */
    public static IdActe parse(String text) {
        Matcher m = text == null ? null : SHAPE.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("« " + text + " » n'est pas un identifiant d'acte @CTES "
                    + "(département-SIREN-AAAAMMJJ-numéro-nature, par exemple 021-242100410-20230914-B2023_0001-DE)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(m.group(3), BASIC_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("la date « " + m.group(3) + " » de l'identifiant d'acte « " + text
                    + " » n'existe pas");
        }
        return new IdActe(m.group(1), m.group(2), date, m.group(4), ActNature.ofAbbreviation(m.group(5)));
    }

    /** {@code 021-242100410-20230914-B2023_0001-DE}. */
    public String format() {
        return departement + "-" + siren + "-" + BASIC_DATE.format(actDate) + "-" + number + "-" + nature.abbreviation();
    }

    @Override
    public String toString() {
        return format();
    }
}
