package fr.subventions.collaboration;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * A message of a request's thread, between its applicant and the authority's staff: part of the request's record, who
 * wrote it, on which side, and when. Never changed once sent — the entity is immutable, and nothing edits or deletes
 * it. Its attachments are documents of the request ({@code MESSAGE_ATTACHMENT}), by id.
 */
@Entity
@Immutable
@Table(name = "request_message")
public class RequestMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Side side;

    /** The author's login. */
    @Column(nullable = false, length = 100)
    private String author;

    /** The author's name as it was when they wrote: a name changed later does not rewrite the record. */
    @Column(nullable = false, length = 200)
    private String authorName;

    @Column(nullable = false, length = Messages.MAX_TEXT)
    private String text;

    /** An officer asked the applicant for an answer: the request waits for it until the applicant writes. */
    @Column(nullable = false)
    private boolean question;

    @Column(nullable = false)
    private Instant sentAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "request_message_attachment", joinColumns = @JoinColumn(name = "message_id"),
            foreignKey = @ForeignKey(name = "fk_message_attachment_message"))
    @OrderColumn(name = "position")
    @Column(name = "document_id", nullable = false)
    private List<Long> attachments = new ArrayList<>();

    protected RequestMessage() {
    }

    RequestMessage(Long requestId, Side side, String author, String authorName, String text, boolean question,
            Instant sentAt, List<Long> attachments) {
        this.requestId = requestId;
        this.side = side;
        this.author = author;
        this.authorName = authorName;
        this.text = text;
        this.question = question;
        this.sentAt = sentAt;
        this.attachments = new ArrayList<>(attachments);
    }

    public Long id() {
        return id;
    }

    public Long requestId() {
        return requestId;
    }

    public Side side() {
        return side;
    }

    public String author() {
        return author;
    }

    public String authorName() {
        return authorName;
    }

    public String text() {
        return text;
    }

    public boolean question() {
        return question;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public List<Long> attachments() {
        return List.copyOf(attachments);
    }
}
