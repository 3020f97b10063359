package fr.subventions.system;

import fr.subventions.shared.Money;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** Amounts in pages, as {@code ${@money.format(amount)}}. */
@Component("money")
public class MoneyFormatter {

    public String format(BigDecimal amount) {
        return amount == null ? "—" : Money.format(amount);
    }
}
