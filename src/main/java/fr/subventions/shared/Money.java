package fr.subventions.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Amounts in euros, exact to the cent. */
public final class Money {

    public static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Money() {
    }

    /** A positive amount exact to the cent (20000.000 is 20 000 €), below the largest amount a column can hold. */
    public static boolean isPositiveAmount(BigDecimal amount) {
        return amount != null && amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2
                && amount.compareTo(MAX) <= 0;
    }

    public static String format(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        format.setMaximumFractionDigits(2);
        // The French locale groups with a narrow no-break space; documents and messages use a plain one.
        return format.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ') + " €";
    }
}
