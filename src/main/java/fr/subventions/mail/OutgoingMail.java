package fr.subventions.mail;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.hibernate.Length;

/**
 * A message of the outbox: written in the transaction of the step it tells of, sent after the commit by
 * {@link OutboxSender}. It keeps the template's name and the values to fill it with (JSON), not the text: the template
 * is filled when the message is sent, so that an edited template applies to what waits and a broken one fails the
 * message, never the step.
 */
@Entity
@Table(name = "mail_outbox",
        uniqueConstraints = @UniqueConstraint(name = "uk_mail_outbox_dedup", columnNames = "dedup_key"),
        indexes = {@Index(name = "ix_mail_outbox_due", columnList = "status, next_attempt_at"),
                @Index(name = "ix_mail_outbox_reference", columnList = "reference")})
class OutgoingMail {

    static final int ERROR_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    // a plain VARCHAR, without MariaDB's ENUM nor a CHECK listing the names: a message added later needs no ALTER
    @Convert(converter = TemplateName.class)
    @Column(name = "template_name", nullable = false, length = 40)
    private MailTemplate template;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(length = 254)
    private String cc;

    @Column(name = "request_id")
    private Long requestId;

    @Column(length = 20)
    private String reference;

    /** The request's document sent with the message (request_document.id), or none. */
    @Column(name = "document_id")
    private Long documentId;

    @Column(nullable = false, length = Length.LONG32)
    private String model;

    /** Set for a message that must be written once only (the officers' daily digest): unique. */
    @Column(name = "dedup_key", length = 200)
    private String dedupKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private MailStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(length = 300)
    private String subject;

    @Column(name = "last_error", length = ERROR_LENGTH)
    private String lastError;

    protected OutgoingMail() {
    }

    /** The template's name as the column holds it. */
    @Converter
    static class TemplateName implements AttributeConverter<MailTemplate, String> {

        @Override
        public String convertToDatabaseColumn(MailTemplate template) {
            return template == null ? null : template.name();
        }

        @Override
        public MailTemplate convertToEntityAttribute(String name) {
            return name == null ? null : MailTemplate.valueOf(name);
        }
    }

    OutgoingMail(Instant createdAt, MailTemplate template, String recipient, String cc, Long requestId,
            String reference, Long documentId, String model, String dedupKey) {
        this.createdAt = createdAt;
        this.template = template;
        this.recipient = recipient;
        this.cc = cc;
        this.requestId = requestId;
        this.reference = reference;
        this.documentId = documentId;
        this.model = model;
        this.dedupKey = dedupKey;
        this.status = MailStatus.PENDING;
        this.nextAttemptAt = createdAt;
    }

    void sent(String subject, Instant at) {
        this.status = MailStatus.SENT;
        this.subject = truncate(subject, 300);
        this.sentAt = at;
        this.attempts++;
        this.claimedAt = null;
        this.lastError = null;
    }

    /** A failed try: tried again at {@code next}, or given up when there is none. */
    void failed(String subject, String error, Instant next) {
        this.attempts++;
        this.subject = subject == null ? this.subject : truncate(subject, 300);
        this.lastError = truncate(error, ERROR_LENGTH);
        this.claimedAt = null;
        if (next == null) {
            this.status = MailStatus.FAILED;
        } else {
            this.status = MailStatus.PENDING;
            this.nextAttemptAt = next;
        }
    }

    /** A failed message tried again from the start, once what made it fail is mended. */
    void retry(Instant now) {
        this.status = MailStatus.PENDING;
        this.attempts = 0;
        this.nextAttemptAt = now;
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    Long id() {
        return id;
    }

    Instant createdAt() {
        return createdAt;
    }

    MailTemplate template() {
        return template;
    }

    String recipient() {
        return recipient;
    }

    String cc() {
        return cc;
    }

    Long requestId() {
        return requestId;
    }

    String reference() {
        return reference;
    }

    Long documentId() {
        return documentId;
    }

    String model() {
        return model;
    }

    String dedupKey() {
        return dedupKey;
    }

    MailStatus status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    Instant sentAt() {
        return sentAt;
    }

    String subject() {
        return subject;
    }

    String lastError() {
        return lastError;
    }
}
