package fr.subventions.collaboration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * How far a member of staff has read a request's thread: the last message there when they last opened the dossier page
 * or read the thread through the API. The applicant's messages after it are unread, for them alone.
 */
@Entity
@Table(name = "message_read_mark", uniqueConstraints = @UniqueConstraint(name = "uk_message_read_mark",
        columnNames = {"request_id", "username"}))
class MessageReadMark {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long requestId;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(nullable = false)
    private Long lastReadMessageId;

    @Column(nullable = false)
    private Instant readAt;

    protected MessageReadMark() {
    }

    MessageReadMark(Long requestId, String username) {
        this.requestId = requestId;
        this.username = username;
        this.lastReadMessageId = 0L;
    }

    Long lastReadMessageId() {
        return lastReadMessageId;
    }

    /** Read up to that message; whether the mark moved. */
    boolean readUpTo(Long messageId, Instant now) {
        if (messageId <= lastReadMessageId) {
            return false;
        }
        lastReadMessageId = messageId;
        readAt = now;
        return true;
    }
}
