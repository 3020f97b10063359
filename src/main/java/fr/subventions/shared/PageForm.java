package fr.subventions.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A page's form as it comes back when refused: what was typed (a field may hold several values, as ticked boxes do), and
 * each field's French message, for the page to show under the field; {@code target} names which of several forms of
 * the page it was (the note being corrected, the opinion being given), or null.
 */
public record PageForm(String target, Map<String, List<String>> values, Map<String, String> errors) {

    public PageForm {
        Map<String, List<String>> copied = new LinkedHashMap<>();
        values.forEach((name, sent) -> copied.put(name, sent.stream().filter(Objects::nonNull).toList()));
        values = Map.copyOf(copied);
        errors = Map.copyOf(errors);
    }

    /** A form as the page first shows it. */
    public static PageForm empty() {
        return new PageForm(null, Map.of(), Map.of());
    }

    /**
     * The refused form: the values sent, and the domain's messages each under the field {@code onScreen} names for it
     * (several for one field joined).
     */
    public static PageForm refused(String target, Map<String, List<String>> sent, List<FieldError> errors,
            UnaryOperator<String> onScreen) {
        Map<String, List<String>> values = new LinkedHashMap<>(sent);
        values.remove("_csrf");
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : errors) {
            messages.merge(onScreen.apply(error.field()), error.message(), (a, b) -> a + " ; " + b);
        }
        return new PageForm(target, values, messages);
    }

    /** The same, for a form whose fields each hold one value. */
    public static PageForm refused(Map<String, String> sent, List<FieldError> errors, UnaryOperator<String> onScreen,
            Long target) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        sent.forEach((name, value) -> values.put(name, value == null ? List.of() : List.of(value)));
        return refused(target == null ? null : target.toString(), values, errors, onScreen);
    }

    /** Whether this is the page's form so named. */
    public boolean is(String form) {
        return Objects.equals(target, form);
    }

    /** The field's value as sent (its first), or empty. */
    public String value(String name) {
        List<String> sent = values.get(name);
        return sent == null || sent.isEmpty() ? "" : sent.get(0);
    }

    /** Whether that value was among the field's (a ticked box). */
    public boolean checked(String name, String value) {
        List<String> sent = values.get(name);
        return sent != null && sent.contains(value);
    }

    public boolean hasError(String name) {
        return errors.containsKey(name);
    }

    public String error(String name) {
        return errors.get(name);
    }

    /** Whether this is the form of that target (the note) and it was refused. */
    public boolean refusedFor(Long id) {
        return id != null && is(id.toString()) && !errors.isEmpty();
    }
}
