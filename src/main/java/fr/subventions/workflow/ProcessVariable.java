package fr.subventions.workflow;

import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A variable the processes carry, declared once with its type beside the process's other ids, so that delegates and
 * listeners read it typed instead of casting at every use. Executions and tasks are both variable scopes.
 *
 * @param <T> what the variable holds
 */
public final class ProcessVariable<T> {

    private final String name;
    private final String expected;
    private final Function<Object, T> conversion;

    private ProcessVariable(String name, String expected, Function<Object, T> conversion) {
        this.name = name;
        this.expected = expected;
        this.conversion = conversion;
    }

    /** An id of our tables: a Long from our services, an Integer when a form or a test started the process. */
    public static ProcessVariable<Long> id(String name) {
        return new ProcessVariable<>(name, "an id", value -> value instanceof Number number ? number.longValue() : null);
    }

    /** A gateway flag. */
    public static ProcessVariable<Boolean> flag(String name) {
        return new ProcessVariable<>(name, "a flag", value -> value instanceof Boolean flag ? flag : null);
    }

    public static ProcessVariable<String> text(String name) {
        return new ProcessVariable<>(name, "a text", value -> value instanceof String text ? text : null);
    }

    public String name() {
        return name;
    }

    /** Its value as the execution or the task sees it, or null when the process does not carry it. */
    public T get(VariableScope scope) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        T typed = conversion.apply(value);
        if (typed == null) {
            throw new IllegalStateException("process variable '" + name + "' holds " + value.getClass().getName()
                    + " " + value + ", not " + expected);
        }
        return typed;
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    /** Set in that scope only: a multi-instance's item keeps its own. */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    @Override
    public String toString() {
        return name;
    }
}
