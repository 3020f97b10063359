package fr.subventions.shared;

import java.util.List;

/** Input that breaks a rule of the domain: answered 400 with the field errors, and nothing changes. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder text = new StringBuilder("Données invalides : ");
        for (int i = 0; i < errors.size(); i++) {
            if (i > 0) {
                text.append(" ; ");
            }
            text.append(errors.get(i).field()).append(" : ").append(errors.get(i).message());
        }
        return text.toString();
    }
}
