package fr.subventions.submission;

import java.util.regex.Pattern;

/** RNA number of an association: W, then 9 characters starting with the département (2A and 2B for Corsica). */
public final class Rna {

    private static final Pattern FORMAT = Pattern.compile("W(\\d{9}|2[AB]\\d{7})");

    private Rna() {
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
