package fr.subventions.submission;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file attached to a request, kept with its digest so that anyone can check it was not altered. */
@Entity
@Table(name = "request_document")
public class RequestDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long requestId;

    /** Set for a séance's documents: its convocation, and the extracts of its deliberations. */
    private Long sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private DocumentType type;

    @Column(nullable = false, length = 255)
    private String filename;

    @Column(nullable = false, length = 100)
    private String mediaType;

    @Column(nullable = false)
    private long size;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, length = 50 * 1024 * 1024)
    private byte[] content;

    @Column(nullable = false)
    private Instant uploadedAt;

    @Column(nullable = false, length = 100)
    private String uploadedBy;

    /** The stage the request was at when the document was filed or generated. */
    @Column(length = 30)
    private String stage;

    /** 1 for the first document of its type, then one more each time it is generated again. */
    @Column(nullable = false)
    private int version = 1;

    protected RequestDocument() {
    }

    RequestDocument(Long requestId, Long sessionId, DocumentType type, String filename, String mediaType, byte[] content,
            String sha256, Instant uploadedAt, String uploadedBy, String stage, int version) {
        this.requestId = requestId;
        this.sessionId = sessionId;
        this.stage = stage;
        this.version = version;
        this.type = type;
        this.filename = filename;
        this.mediaType = mediaType;
        this.content = content;
        this.size = content.length;
        this.sha256 = sha256;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    public Long id() {
        return id;
    }

    public Long requestId() {
        return requestId;
    }

    public Long sessionId() {
        return sessionId;
    }

    public String stage() {
        return stage;
    }

    public int version() {
        return version;
    }

    public DocumentType type() {
        return type;
    }

    public String filename() {
        return filename;
    }

    public String mediaType() {
        return mediaType;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public byte[] content() {
        return content;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public String uploadedBy() {
        return uploadedBy;
    }
}
