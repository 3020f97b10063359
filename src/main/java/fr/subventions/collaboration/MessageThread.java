package fr.subventions.collaboration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Where a request's thread stands: since when it waits for the applicant's answer to an officer's question, if it
 * does. One row per request that has messages; the worklist reads it by SQL for its column and filter.
 */
@Entity
@Table(name = "message_thread")
class MessageThread {

    @Id
    private Long requestId;

    /** Since the first question not answered yet; null when nothing is asked of the applicant. */
    private Instant awaitingReplySince;

    /** That question. */
    private Long questionId;

    @Column(nullable = false)
    private Instant lastMessageAt;

    protected MessageThread() {
    }

    MessageThread(Long requestId) {
        this.requestId = requestId;
    }

    /** A message is written: an officer's question makes the thread wait (since the first one), the applicant's answer ends it. */
    void record(RequestMessage message) {
        lastMessageAt = message.sentAt();
        if (message.side() == Side.APPLICANT) {
            awaitingReplySince = null;
            questionId = null;
        } else if (message.question() && awaitingReplySince == null) {
            awaitingReplySince = message.sentAt();
            questionId = message.id();
        }
    }

    Instant awaitingReplySince() {
        return awaitingReplySince;
    }
}
