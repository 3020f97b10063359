package fr.subventions.documents;

/** A template that cannot be read or filled: the document task fails and its job ends in an incident. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }

    public TemplateException(String message) {
        super(message);
    }
}
