package fr.subventions.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Amounts in euros, exact to the cent. */
public final class Money {

    public static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private static final char NARROW_NBSP = '\u202f';

    private Money() {
    }

    /** A positive amount exact to the cent (20000.000 is 20 000 €), below the largest amount a column can hold. */
    public static boolean isPositiveAmount(BigDecimal amount) {
        return amount != null && amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2
                && amount.compareTo(MAX) <= 0;
    }

    /**
     * An amount as people type it: "20000", "20 000", "20 000,50 €" (spaces of any kind, a comma or a point).
     *
     * @throws NumberFormatException when it is no amount
     */
    public static BigDecimal parse(String text) {
        return new BigDecimal(text.replaceAll("[\\s\u00a0\u202f€]", "").replace(',', '.'));
    }

    /** "20 000 €", "20 000,50 €": narrow no-break spaces between thousands, a no-break space before €. */
    public static String format(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        format.setMaximumFractionDigits(2);
        // As French is written: thousands grouped by a narrow no-break space, a no-break space before the sign
        return format.format(amount).replace(' ', NARROW_NBSP).replace('\u00a0', NARROW_NBSP) + '\u00a0' + "€";
    }
}
