package fr.subventions.backoffice;

import fr.subventions.backoffice.StepForm.LineChoice;
import fr.subventions.budget.LineAmount;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.Money;
import fr.subventions.shared.Violations;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dossier page's action forms' fields that are more than a string for the domain: a date, a text left empty, the
 * split over budget lines (an amount field per line) and where the domain's messages about it go on the page.
 */
final class ActionFields {

    /** More lines than a fiscal year's budget offers is no form of this page. */
    static final int MAX_LINES = 50;
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z-]{1,60}");
    private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[(\\d+)]\\.\\w+$");

    private ActionFields() {
    }

    /**
     * The split over budget lines, from the amount field of each line ({@code montant-CODE}) filled in, in the page's
     * order: nothing is typed as « CODE = montant ».
     */
    static List<LineAmount> split(Map<String, String> form) {
        Violations violations = new Violations();
        List<LineAmount> split = new ArrayList<>();
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (!field.getKey().startsWith("montant-") || field.getValue() == null || field.getValue().isBlank()) {
                continue;
            }
            String code = field.getKey().substring("montant-".length());
            if (!CODE.matcher(code).matches()) {
                violations.add(field.getKey(), "ligne budgétaire inconnue");
                continue;
            }
            try {
                split.add(new LineAmount(code, Money.parse(field.getValue())));
            } catch (NumberFormatException e) {
                violations.add(field.getKey(), "montant illisible : écrivez un montant en euros, par exemple 20000 ou 20 000,50");
            }
        }
        violations.check(split.size() <= MAX_LINES, "montant", "au plus " + MAX_LINES + " lignes budgétaires");
        violations.throwIfAny();
        return split;
    }

    /**
     * Where the domain's messages about a split go: {@code budgetLines[1].amount} under the amount of the split's
     * second line, {@code budgetLines} (their sum) under the table.
     */
    static UnaryOperator<String> onScreen(String field, AtomicReference<List<LineAmount>> chosen) {
        return name -> {
            List<LineAmount> split = chosen.get();
            Matcher indexed = INDEXED.matcher(name);
            if (indexed.matches() && indexed.group(1).equals(field)) {
                int i = Integer.parseInt(indexed.group(2));
                return i < split.size() ? LineChoice.field(split.get(i).code()) : field;
            }
            return name;
        };
    }

    /** A date as the date field sends it, 2025-10-16; none when left empty (the domain says it is required). */
    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "date invalide : choisissez une date, au format AAAA-MM-JJ");
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
