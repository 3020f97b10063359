package fr.subventions.shared;

/** An unknown resource, or one the caller may not see: answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
