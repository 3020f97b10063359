package fr.subventions.submission;

/** SIRET: 14 digits, a SIREN that is not all zeros, and a Luhn checksum that holds (La Poste's establishments use a digit sum multiple of 5 instead). */
public final class Siret {

    private static final String LA_POSTE_SIREN = "356000000";

    private Siret() {
    }

    public static boolean isValid(String value) {
        if (value == null || !value.matches("\\d{14}") || value.startsWith("000000000")) {
            return false;
        }
        if (value.startsWith(LA_POSTE_SIREN) && !value.equals("35600000000048")) {
            return value.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return luhn(value);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
