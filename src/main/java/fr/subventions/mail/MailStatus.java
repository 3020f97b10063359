package fr.subventions.mail;

/** Where a message of the outbox stands. */
public enum MailStatus {
    /** Waiting to be sent, at {@code nextAttemptAt} (again, after a failed try). */
    PENDING,
    /** Taken by a sender, being sent. */
    SENDING,
    SENT,
    /** Given up: refused for good, or failed every try; {@code lastError} says why. */
    FAILED
}
