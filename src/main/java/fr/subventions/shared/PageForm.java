package fr.subventions.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A page's form as it comes back when refused: what was typed, and each field's French message, for the page to show
 * under the field; {@code target} names which of several like forms it was (the note being corrected), or null.
 */
public record PageForm(Map<String, String> values, Map<String, String> errors, Long target) {

    public PageForm {
        values = Map.copyOf(values);
        errors = Map.copyOf(errors);
    }

    /** A form as the page first shows it. */
    public static PageForm empty() {
        return new PageForm(Map.of(), Map.of(), null);
    }

    /**
     * The refused form: the values sent, and the domain's messages each under the field {@code onScreen} names for it
     * (several for one field joined).
     */
    public static PageForm refused(Map<String, String> sent, List<FieldError> errors, UnaryOperator<String> onScreen,
            Long target) {
        Map<String, String> values = new LinkedHashMap<>();
        sent.forEach((name, value) -> {
            if (value != null && !name.equals("_csrf")) {
                values.put(name, value);
            }
        });
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : errors) {
            messages.merge(onScreen.apply(error.field()), error.message(), (a, b) -> a + " ; " + b);
        }
        return new PageForm(values, messages, target);
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean hasError(String name) {
        return errors.containsKey(name);
    }

    public String error(String name) {
        return errors.get(name);
    }

    /** Whether this is the form of that target (the note) and it was refused. */
    public boolean refusedFor(Long id) {
        return target != null && target.equals(id) && !errors.isEmpty();
    }
}
