package fr.subventions.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Amounts in euros, exact to the cent. */
public final class Money {

    public static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Money() {
    }

    /** A positive amount of at most two decimals, below the largest amount a column can hold. */
    public static boolean isPositiveAmount(BigDecimal amount) {
        return amount != null && amount.signum() > 0 && amount.scale() <= 2 && amount.compareTo(MAX) <= 0;
    }

    public static String format(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        format.setMaximumFractionDigits(2);
        // The French locale groups with a narrow no-break space; documents and messages use a plain one.
        return format.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ') + " €";
    }
}
