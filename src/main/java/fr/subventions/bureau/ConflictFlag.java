package fr.subventions.bureau;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The secretariat's own word on a member's interest in an item: a flag added (the member stands aside) or lifted
 * (the register was wrong), with its reason, who and when. The rows are the audit trail; the latest one decides.
 */
@Entity
@Table(name = "conflict_flag")
public class ConflictFlag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long agendaItemId;

    @Column(nullable = false)
    private Long memberId;

    /** true: the member takes no part; false: the flag is lifted. */
    @Column(nullable = false)
    private boolean standingAside;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(nullable = false, length = 100)
    private String recordedBy;

    @Column(nullable = false)
    private Instant recordedAt;

    protected ConflictFlag() {
    }

    ConflictFlag(Long agendaItemId, Long memberId, boolean standingAside, String reason, String recordedBy,
            Instant recordedAt) {
        this.agendaItemId = agendaItemId;
        this.memberId = memberId;
        this.standingAside = standingAside;
        this.reason = reason;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long memberId() {
        return memberId;
    }

    public boolean standingAside() {
        return standingAside;
    }

    public String reason() {
        return reason;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
