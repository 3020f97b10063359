package fr.subventions.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and amounts as a French authority writes them: "jeudi 14 septembre 2023", "vingt mille euros". */
public final class FrenchText {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final String[] UNITS = {"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
            "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"};
    private static final String[] TENS = {"", "", "vingt", "trente", "quarante", "cinquante", "soixante", "soixante",
            "quatre-vingt", "quatre-vingt"};

    private FrenchText() {
    }

    /** "jeudi 14 septembre 2023" (the first of the month is "1er"). */
    public static String longDate(LocalDate date) {
        return firstOfMonth(LONG.format(date), date);
    }

    /** "8 septembre 2023". */
    public static String date(LocalDate date) {
        return firstOfMonth(SHORT.format(date), date);
    }

    /** An amount in letters, as a convention states it: "vingt mille euros", "mille deux cents euros et cinquante centimes". */
    public static String amountInWords(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(2, RoundingMode.UNNECESSARY);
        long euros = rounded.longValue();
        int cents = rounded.remainder(BigDecimal.ONE).movePointRight(2).intValue();
        String text = words(euros) + (euros >= 1_000_000 && euros % 1_000_000 == 0 ? " d'euros" : euros > 1 ? " euros" : " euro");
        if (cents > 0) {
            text += " et " + words(cents) + (cents > 1 ? " centimes" : " centime");
        }
        return text;
    }

    /** A whole number in letters, in the 1990 reformed spelling's usual administrative form (hyphens under one hundred). */
    public static String words(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative amount: " + n);
        }
        if (n == 0) {
            return UNITS[0];
        }
        StringBuilder text = new StringBuilder();
        long billions = n / 1_000_000_000L;
        long millions = n / 1_000_000 % 1000;
        long thousands = n / 1000 % 1000;
        int rest = (int) (n % 1000);
        if (billions > 0) {
            append(text, hundreds((int) billions, false) + (billions > 1 ? " milliards" : " milliard"));
        }
        if (millions > 0) {
            append(text, hundreds((int) millions, false) + (millions > 1 ? " millions" : " million"));
        }
        if (thousands > 0) {
            append(text, thousands == 1 ? "mille" : hundreds((int) thousands, true) + " mille");
        }
        if (rest > 0) {
            append(text, hundreds(rest, false));
        }
        return text.toString();
    }

    /** 1 to 999; "cents" and "quatre-vingts" lose their s when followed by another number or by "mille". */
    private static String hundreds(int n, boolean beforeThousand) {
        int h = n / 100;
        int rest = n % 100;
        StringBuilder text = new StringBuilder();
        if (h > 0) {
            text.append(h == 1 ? "cent" : UNITS[h] + " cent");
            if (h > 1 && rest == 0 && !beforeThousand) {
                text.append('s');
            }
        }
        if (rest > 0) {
            append(text, belowHundred(rest, beforeThousand));
        }
        return text.toString();
    }

    private static String belowHundred(int n, boolean beforeThousand) {
        if (n < 20) {
            return UNITS[n];
        }
        int t = n / 10;
        int u = n % 10;
        if (t == 7 || t == 9) {
            u += 10;
        }
        String tens = TENS[t];
        if (u == 0) {
            return t == 8 && !beforeThousand ? tens + "s" : tens;
        }
        if (u == 1 && t < 8) {
            return tens + " et un";
        }
        if (u == 11 && t == 7) {
            return tens + " et onze";
        }
        return tens + "-" + UNITS[u];
    }

    private static void append(StringBuilder text, String part) {
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(part);
    }

    private static String firstOfMonth(String text, LocalDate date) {
        return date.getDayOfMonth() == 1 ? text.replaceFirst("(^|\\s)1 ", "$11er ") : text;
    }
}
