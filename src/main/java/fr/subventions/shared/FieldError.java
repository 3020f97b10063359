package fr.subventions.shared;

/** One invalid field of a command, with the message shown to the user (in French). */
public record FieldError(String field, String message) {
}
