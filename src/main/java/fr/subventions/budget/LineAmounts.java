package fr.subventions.budget;

import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a split over budget lines as it arrives from a task's fields: from the API a list of {code, amount}, from a
 * Tasklist text area one line per budget line, "CODE = montant".
 */
public final class LineAmounts {

    private LineAmounts() {
    }

    public static List<LineAmount> parse(Object raw, String field) {
        if (raw == null) {
            return List.of();
        }
        List<LineAmount> parsed = new ArrayList<>();
        if (raw instanceof Collection<?> items) {
            for (Object item : items) {
                if (item instanceof LineAmount line) {
                    parsed.add(line);
                } else if (item instanceof Map<?, ?> map) {
                    Object amount = map.get("amount");
                    parsed.add(new LineAmount(map.get("code") == null ? null : map.get("code").toString(),
                            amount == null ? null : decimal(amount.toString(), field + "[" + parsed.size() + "].amount")));
                } else {
                    parsed.add(null);
                }
            }
            return parsed;
        }
        for (String line : raw.toString().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String at = field + "[" + parsed.size() + "]";
            // the amount follows the last "=": a code never holds one, and an amount cannot
            int separator = line.lastIndexOf('=');
            if (separator < 0) {
                throw new InvalidInputException(at, "écrivez « CODE = montant » sur chaque ligne, par exemple "
                        + "« 2023-65-65748-90-DEVECO = 20000 »");
            }
            parsed.add(new LineAmount(line.substring(0, separator).trim(), decimal(line.substring(separator + 1), at + ".amount")));
        }
        return parsed;
    }

    /** The inverse of {@link #parse}: the text area's lines for a split received from the API. */
    public static List<String> asFormLines(List<LineAmount> split) {
        if (split == null) {
            return List.of();
        }
        return split.stream().map(line -> line == null ? "="
                : Objects.toString(line.code(), "") + " = " + Objects.toString(line.amount(), "")).toList();
    }

    private static BigDecimal decimal(String text, String field) {
        try {
            return Money.parse(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "montant illisible : " + text.trim());
        }
    }
}
