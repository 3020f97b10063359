package fr.subventions.workflow;

import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Reads a task form's fields inside a complete listener, whether they came from Tasklist (Camunda Forms: strings,
 * numbers, booleans, text areas) or from the API (typed values, lists), then removes them so that the process keeps
 * only ids and gateway flags.
 */
public final class FormFields {

    private final VariableScope scope;
    private final List<String> read = new ArrayList<>();

    private FormFields(VariableScope scope) {
        this.scope = scope;
    }

    public static FormFields of(DelegateTask task) {
        return new FormFields(task);
    }

    public Object raw(String name) {
        read.add(name);
        return scope.getVariable(name);
    }

    public String text(String name) {
        Object value = raw(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    public boolean bool(String name) {
        Object value = raw(name);
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && ("true".equalsIgnoreCase(value.toString()) || "oui".equalsIgnoreCase(value.toString()));
    }

    /** An amount: a number from a form, or its text with a comma or a point as decimal separator. */
    public BigDecimal amount(String name) {
        return amount(name, raw(name));
    }

    /** An amount typed in a form field, as {@link #amount(String)} reads it; a refusal names the field. */
    public static BigDecimal amount(String name, Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            if (value instanceof BigDecimal decimal) {
                return decimal;
            }
            if (value instanceof Number number) {
                return new BigDecimal(number.toString());
            }
            return Money.parse(value.toString());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "doit être un montant en euros, par exemple 20000 ou 20000,50");
        }
    }

    /** A list: from the API a JSON array, from Tasklist a text area with one entry per line (or separated by commas). */
    public List<String> lines(String name) {
        Object value = raw(name);
        if (value == null) {
            return List.of();
        }
        Collection<?> items = value instanceof Collection<?> c ? c : Arrays.asList(value.toString().split("[\\n,;]"));
        return items.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Removes the fields that were read: they live in our tables now, not in the process. */
    public void discard() {
        for (String name : read) {
            if (scope.hasVariable(name)) {
                scope.removeVariable(name);
            }
        }
    }

    /** The user completing the task: set by Tasklist's login or by {@link TaskCompleter} for the API. */
    public static String actor() {
        String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        return user == null ? "système" : user;
    }
}
