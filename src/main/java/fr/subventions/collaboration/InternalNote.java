package fr.subventions.collaboration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A note staff keep on a request's dossier: never shown to the applicant — not on the portal, not through the API,
 * not in any export or e-mail of theirs. Who wrote it and when; its author may correct it within its
 * {@link CorrectionWindow}, after which it is frozen.
 */
@Entity
@Table(name = "internal_note")
public class InternalNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long requestId;

    @Column(nullable = false, length = 100)
    private String author;

    @Column(nullable = false, length = 200)
    private String authorName;

    @Column(nullable = false, length = InternalNotes.MAX_TEXT)
    private String text;

    @Column(nullable = false)
    private Instant writtenAt;

    /** The author's last correction, or null. */
    private Instant editedAt;

    @Version
    private long version;

    protected InternalNote() {
    }

    InternalNote(Long requestId, String author, String authorName, String text, Instant writtenAt) {
        this.requestId = requestId;
        this.author = author;
        this.authorName = authorName;
        this.text = text;
        this.writtenAt = writtenAt;
    }

    /** The author's correction, the window checked by the caller. */
    void correct(String corrected, Instant now) {
        this.text = corrected;
        this.editedAt = now;
    }

    public Long id() {
        return id;
    }

    public Long requestId() {
        return requestId;
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

    public Instant writtenAt() {
        return writtenAt;
    }

    public Instant editedAt() {
        return editedAt;
    }
}
