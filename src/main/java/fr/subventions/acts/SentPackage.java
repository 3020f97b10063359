package fr.subventions.acts;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A @CTES package as it was written to the outbox: kept, each sending of an act, with its digest. */
@Entity
@Table(name = "act_transmission")
public class SentPackage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long actId;

    @Column(nullable = false, length = 120)
    private String archiveName;

    @Column(nullable = false, length = 120)
    private String envelopeName;

    /** The act's message in the package ({@code …-1-1_0.xml}): what an anomaly on the envelope lists. */
    @Column(nullable = false, length = 120)
    private String messageName;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, length = 50 * 1024 * 1024)
    private byte[] content;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(nullable = false)
    private Instant sentAt;

    @Column(nullable = false, length = 100)
    private String sentBy;

    protected SentPackage() {
    }

    SentPackage(Long actId, String archiveName, String envelopeName, String messageName, byte[] content, String sha256,
            Instant sentAt, String sentBy) {
        this.messageName = messageName;
        this.actId = actId;
        this.archiveName = archiveName;
        this.envelopeName = envelopeName;
        this.content = content;
        this.sha256 = sha256;
        this.sentAt = sentAt;
        this.sentBy = sentBy;
    }

    public Long actId() {
        return actId;
    }

    public String archiveName() {
        return archiveName;
    }

    public String envelopeName() {
        return envelopeName;
    }

    public byte[] content() {
        return content;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
