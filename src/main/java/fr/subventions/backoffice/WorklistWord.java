package fr.subventions.backoffice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A word the worklist's search finds a request by: of its applicant's name, its title or its reference, folded to
 * lower-case ASCII ({@link WorklistWords}). Written with the request, read by prefix; mapped so that Hibernate checks the
 * table like every other one of ours.
 */
@Entity
@Table(name = "worklist_word", indexes = @Index(name = "ix_worklist_word_request", columnList = "request_id, word"))
class WorklistWord {

    @EmbeddedId
    private Key key;

    protected WorklistWord() {
    }

    WorklistWord(String word, Long requestId) {
        this.key = new Key(word, requestId);
    }

    String word() {
        return key.word;
    }

    Long requestId() {
        return key.requestId;
    }

    @Embeddable
    static class Key implements Serializable {

        @Column(nullable = false, length = WorklistWords.MAX_LENGTH)
        private String word;

        @Column(name = "request_id", nullable = false)
        private Long requestId;

        protected Key() {
        }

        Key(String word, Long requestId) {
            this.word = word;
            this.requestId = requestId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(word, key.word) && Objects.equals(requestId, key.requestId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(word, requestId);
        }
    }
}
