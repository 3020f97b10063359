package fr.subventions.shared;

/** An action that does not fit the current stage of a request or a séance: answered 409. */
public class StageConflictException extends RuntimeException {

    public StageConflictException(String message) {
        super(message);
    }
}
