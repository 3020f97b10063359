package fr.subventions.bureau;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A period in office: from the day a member is installed (or elected to the Bureau) to the last day of the mandate,
 * open while it lasts. The members in office on a séance's date are those whose mandate covers that date.
 */
@Entity
@Table(name = "member_mandate")
public class Mandate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id")
    private Member member;

    @Column(nullable = false)
    private LocalDate startsOn;

    /** The last day in office; null while the mandate runs. */
    private LocalDate endsOn;

    @Column(length = 300)
    private String endReason;

    protected Mandate() {
    }

    Mandate(Member member, LocalDate startsOn) {
        this.member = member;
        this.startsOn = startsOn;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && (endsOn == null || !date.isAfter(endsOn));
    }

    public boolean isOpen() {
        return endsOn == null;
    }

    void end(LocalDate lastDay, String reason) {
        this.endsOn = lastDay;
        this.endReason = reason;
    }

    public Long id() {
        return id;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public String endReason() {
        return endReason;
    }
}
