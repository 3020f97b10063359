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

/** One member's line on the attendance sheet: present, or absent with or without a proxy. */
@Entity
@Table(name = "attendance_entry")
public class AttendanceEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    private AssemblySession session;

    @Column(nullable = false)
    private Long memberId;

    @Column(nullable = false)
    private boolean present;

    private Long proxyHolderId;

    /** The written proxy in the register, when the member is represented. */
    private Long proxyId;

    protected AttendanceEntry() {
    }

    AttendanceEntry(AssemblySession session, Long memberId, boolean present, Long proxyHolderId, Long proxyId) {
        this.proxyId = proxyId;
        this.session = session;
        this.memberId = memberId;
        this.present = present;
        this.proxyHolderId = proxyHolderId;
    }

    public Long memberId() {
        return memberId;
    }

    public boolean present() {
        return present;
    }

    public Long proxyHolderId() {
        return proxyHolderId;
    }

    public Long proxyId() {
        return proxyId;
    }
}
