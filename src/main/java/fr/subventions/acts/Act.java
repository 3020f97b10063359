package fr.subventions.acts;

import fr.subventions.shared.StageConflictException;
import fr.subventions.submission.VoteDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An act of the authority on its way to being executory: signed, sent to the prefect (@CTES) and acknowledged, made
 * public on {@code /actes}. Its dates are facts, recorded once: the publication date never changes after
 * (R2131-1: the act stays online as it was published), a second acknowledgement is refused.
 */
@Entity
@Table(name = "act", uniqueConstraints = @UniqueConstraint(name = "uk_act_kind_number", columnNames = {"kind", "number"}))
public class Act {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ActKind kind;

    /** The deliberation's number (or the list's, the convention's): @CTES's NumeroInterne, ≤ 15 of [0-9A-Z_]. */
    @Column(nullable = false, length = 15)
    private String number;

    private Long requestId;

    private Long sessionId;

    private Long agendaItemId;

    @Column(nullable = false)
    private LocalDate decidedOn;

    /** The assembly that decided, as the register names it (« Bureau métropolitain »). */
    @Column(nullable = false, length = 100)
    private String assembly;

    @Column(nullable = false, length = 500)
    private String object;

    /** The vote's result for a deliberation; null for a list or a convention. */
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private VoteDecision outcome;

    /** The signed PDF/A, a document filed with the request or the séance. */
    @Column(nullable = false)
    private Long documentId;

    @Column(nullable = false)
    private Instant signedAt;

    @Column(nullable = false)
    private boolean transmissionRequired;

    private Instant transmittedAt;

    @Column(length = 60)
    private String idActe;

    /** The prefecture's date of receipt, from its acknowledgement. */
    private LocalDate receivedOn;

    private Instant acknowledgedAt;

    @Column(length = 2000)
    private String anomaly;

    private Instant anomalyAt;

    private Instant publishedAt;

    private LocalDate publishedOn;

    private LocalDate executoryOn;

    protected Act() {
    }

    Act(ActKind kind, String number, Long requestId, Long sessionId, Long agendaItemId, LocalDate decidedOn,
            String assembly, String object, VoteDecision outcome, Long documentId, Instant signedAt,
            boolean transmissionRequired) {
        this.kind = kind;
        this.number = number;
        this.requestId = requestId;
        this.sessionId = sessionId;
        this.agendaItemId = agendaItemId;
        this.decidedOn = decidedOn;
        this.assembly = assembly;
        this.object = object.length() > 500 ? object.substring(0, 500) : object;
        this.outcome = outcome;
        this.documentId = documentId;
        this.signedAt = signedAt;
        this.transmissionRequired = transmissionRequired && kind.transmissible();
    }

    /** The act signed again (its extract produced anew before it was sent): the new signed PDF replaces the old. */
    void resigned(Long documentId, Instant signedAt) {
        if (transmittedAt != null || publishedAt != null) {
            throw new StageConflictException("L'acte n° " + number + " a déjà été transmis ou publié : il ne peut"
                    + " plus être remplacé.");
        }
        this.documentId = documentId;
        this.signedAt = signedAt;
    }

    /** A package written to the outbox: the act is sent (again, after an anomaly). */
    void transmitted(Instant now) {
        if (!transmissionRequired) {
            throw new IllegalStateException(kind + " " + number + " is not sent to the prefect");
        }
        if (acknowledgedAt != null) {
            throw new StageConflictException("L'acte n° " + number + " a déjà été reçu par la préfecture (accusé de"
                    + " réception " + idActe + ") : il n'est pas transmis de nouveau.");
        }
        this.transmittedAt = now;
        this.anomaly = null;
        this.anomalyAt = null;
    }

    /** The prefecture's acknowledgement of receipt: recorded once. */
    void acknowledge(String idActe, LocalDate receivedOn, Instant now) {
        if (acknowledgedAt != null) {
            throw new StageConflictException("L'accusé de réception de l'acte n° " + number + " a déjà été enregistré"
                    + " (" + this.idActe + ", reçu le " + this.receivedOn + ") : un second n'est pas pris en compte.");
        }
        if (transmittedAt == null) {
            throw new StageConflictException("L'acte n° " + number + " n'a pas été transmis à la préfecture : aucun"
                    + " accusé de réception ne peut s'y rapporter.");
        }
        this.idActe = idActe;
        this.receivedOn = receivedOn;
        this.acknowledgedAt = now;
        this.anomaly = null;
        this.anomalyAt = null;
    }

    /** The prefecture refused the act or its envelope: recorded and shown; the act can be sent again. */
    void anomaly(String detail, Instant now) {
        if (acknowledgedAt != null) {
            throw new StageConflictException("L'acte n° " + number + " a déjà été reçu par la préfecture (accusé de"
                    + " réception " + idActe + ") : une anomalie ne s'y rapporte plus.");
        }
        this.anomaly = detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        this.anomalyAt = now;
    }

    /** Put online: the first publication's date is kept, whatever happens after. Answers whether it was new. */
    boolean publish(Instant now, LocalDate today) {
        if (publishedAt != null) {
            return false;
        }
        this.publishedAt = now;
        this.publishedOn = today;
        return true;
    }

    /** Records the day the act became executory, once both conditions hold; answers whether it just did. */
    boolean settleExecutory() {
        if (executoryOn != null) {
            return false;
        }
        Optional<LocalDate> since = ExecutoryCharacter.since(publishedOn, receivedOn, transmissionRequired);
        since.ifPresent(day -> this.executoryOn = day);
        return since.isPresent();
    }

    public ActState state() {
        if (executoryOn != null) {
            return ActState.EXECUTORY;
        }
        if (anomaly != null) {
            return ActState.ANOMALY;
        }
        if (publishedAt != null) {
            return ActState.PUBLISHED;
        }
        if (acknowledgedAt != null) {
            return ActState.ACKNOWLEDGED;
        }
        if (transmittedAt != null) {
            return ActState.TRANSMITTED;
        }
        return ActState.SIGNED;
    }

    public Long id() {
        return id;
    }

    public ActKind kind() {
        return kind;
    }

    public String number() {
        return number;
    }

    public Long requestId() {
        return requestId;
    }

    public Long sessionId() {
        return sessionId;
    }

    public Long agendaItemId() {
        return agendaItemId;
    }

    public LocalDate decidedOn() {
        return decidedOn;
    }

    public String assembly() {
        return assembly;
    }

    public String object() {
        return object;
    }

    public VoteDecision outcome() {
        return outcome;
    }

    public Long documentId() {
        return documentId;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public boolean transmissionRequired() {
        return transmissionRequired;
    }

    public Instant transmittedAt() {
        return transmittedAt;
    }

    public String idActe() {
        return idActe;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public String anomalyDetail() {
        return anomaly;
    }

    public Instant anomalyAt() {
        return anomalyAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public LocalDate publishedOn() {
        return publishedOn;
    }

    public LocalDate executoryOn() {
        return executoryOn;
    }
}
