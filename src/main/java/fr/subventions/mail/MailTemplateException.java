package fr.subventions.mail;

/**
 * A message that cannot be prepared — a template that cannot be filled, or an attachment its recipient may not
 * receive: its message, in French, names what is wrong.
 */
public class MailTemplateException extends RuntimeException {

    public MailTemplateException(String message) {
        super(message);
    }
}
