package fr.subventions.bureau;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.function.Function;

/**
 * An arrival or a departure during the séance, or a proxy given or ended meanwhile, with the item it precedes: the
 * procès-verbal tells them, and each item's roll follows from them.
 */
@Entity
@Table(name = "attendance_movement")
public class AttendanceMovement {

    public enum Kind {
        ARRIVAL, DEPARTURE, PROXY_GIVEN, PROXY_ENDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long sessionId;

    @Column(nullable = false)
    private Long memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    /** The holder of the proxy given when leaving or meanwhile, or of the proxy that ended. */
    private Long proxyHolderId;

    /** The position of the next item to vote when the movement was recorded; null once every item is settled. */
    private Integer beforeItem;

    @Column(nullable = false)
    private Instant recordedAt;

    @Column(nullable = false, length = 100)
    private String recordedBy;

    protected AttendanceMovement() {
    }

    AttendanceMovement(Long sessionId, Long memberId, Kind kind, Long proxyHolderId, Integer beforeItem,
            Instant recordedAt, String recordedBy) {
        this.sessionId = sessionId;
        this.memberId = memberId;
        this.kind = kind;
        this.proxyHolderId = proxyHolderId;
        this.beforeItem = beforeItem;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    /** "Avant le point n° 2 : Madame X quitte la séance et donne pouvoir à Monsieur Y.", as the minutes tell it. */
    public String describe(Function<Long, String> nameOf) {
        String when = beforeItem == null ? "Après le dernier point" : "Avant le point n° " + beforeItem;
        String holder = proxyHolderId == null ? null : nameOf.apply(proxyHolderId);
        return when + " : " + nameOf.apply(memberId) + " " + switch (kind) {
            case ARRIVAL -> "arrive en séance.";
            case DEPARTURE -> "quitte la séance" + (holder == null ? "." : " et donne pouvoir à " + holder + ".");
            case PROXY_GIVEN -> "donne pouvoir à " + holder + ".";
            case PROXY_ENDED -> "n'est plus représenté (pouvoir à " + holder + ").";
        };
    }

    public Long id() {
        return id;
    }

    public Long memberId() {
        return memberId;
    }

    public Kind kind() {
        return kind;
    }

    public Long proxyHolderId() {
        return proxyHolderId;
    }

    public Integer beforeItem() {
        return beforeItem;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
