package fr.subventions.mail;

/** A template that cannot be filled: its message, in French, names the template and what is wrong. */
public class MailTemplateException extends RuntimeException {

    public MailTemplateException(String message) {
        super(message);
    }
}
