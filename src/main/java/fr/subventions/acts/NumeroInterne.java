package fr.subventions.acts;

import java.util.regex.Pattern;

/**
 * The @CTES rule for an act's number in the authority ({@code actes:NumeroInterne}), which the prefecture repeats in
 * the act's IDActe and in every file name of the transmission: 1 to 15 characters among the digits, the capital
 * letters A to Z and the underscore. The deliberation numbers of this application ("B2023_0001") follow it.
 */
public final class NumeroInterne {

    public static final String RULE = "1 à 15 caractères parmi les chiffres, les lettres majuscules A à Z et « _ »";
    static final Pattern PATTERN = Pattern.compile("[0-9A-Z_]{1,15}");

    private NumeroInterne() {
    }

    public static boolean isValid(String number) {
        return number != null && PATTERN.matcher(number).matches();
    }

    /**
     * @return the number
     * @throws IllegalArgumentException naming the rule, for a number @CTES refuses
     */
    public static String check(String number) {
        if (!isValid(number)) {
            throw new IllegalArgumentException("numéro d'acte « " + number + " » refusé par @CTES (NumeroInterne) : "
                    + RULE);
        }
        return number;
    }
}
