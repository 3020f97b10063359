package fr.subventions.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects the field errors of one command so that the user sees all of them at once. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public Violations add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public Violations check(boolean valid, String field, String message) {
        if (!valid) {
            add(field, message);
        }
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
