package fr.subventions.convention;

import fr.subventions.shared.StageConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The contract that makes a grant enforceable, signed by the beneficiary and then by the President. */
@Entity
@Table(name = "convention", uniqueConstraints = @UniqueConstraint(name = "uk_convention_request", columnNames = "request_id"))
public class Convention {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false)
    private Long requestId;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false)
    private int fiscalYear;

    @Column(length = 200)
    private String beneficiarySignedBy;

    private LocalDate beneficiarySignedOn;

    @Column(length = 200)
    private String presidentSignedBy;

    private LocalDate presidentSignedOn;

    /**
     * The day it was put to the beneficiary for signature — the day the signature task started, once the deliberation
     * was executory, not the day it was drawn up — and the last day the beneficiary may sign it: null until then.
     */
    private LocalDate draftedOn;

    private LocalDate validUntil;

    private LocalDate lapsedOn;

    private int remindersSent;

    protected Convention() {
    }

    /** Its signature period opens, once: whether it just did. */
    boolean openForSignature(LocalDate today, LocalDate lastDay) {
        if (draftedOn != null) {
            return false;
        }
        this.draftedOn = today;
        this.validUntil = lastDay;
        return true;
    }

    /** Not signed by the beneficiary within its validity: the grant lapses. */
    void lapse(LocalDate on) {
        if (beneficiarySignedOn != null) {
            throw new StageConflictException("La convention est signée par le bénéficiaire : elle ne devient pas caduque.");
        }
        this.lapsedOn = on;
    }

    void remind() {
        this.remindersSent++;
    }

    /** The day the contract was concluded: the later of the two signatures. */
    public LocalDate concludedOn() {
        return presidentSignedOn == null || (beneficiarySignedOn != null && beneficiarySignedOn.isAfter(presidentSignedOn))
                ? beneficiarySignedOn : presidentSignedOn;
    }

    public LocalDate draftedOn() {
        return draftedOn;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public LocalDate lapsedOn() {
        return lapsedOn;
    }

    public int remindersSent() {
        return remindersSent;
    }

    Convention(Long requestId, BigDecimal amount, int fiscalYear) {
        this.requestId = requestId;
        this.amount = amount;
        this.fiscalYear = fiscalYear;
    }

    /** The beneficiary signs first; the President signs a convention the beneficiary has accepted. */
    void sign(Signatory signatory, String signedBy, LocalDate signedOn) {
        if (signatory == Signatory.BENEFICIARY) {
            if (beneficiarySignedOn != null) {
                throw new StageConflictException("La convention a déjà été signée par le bénéficiaire.");
            }
            this.beneficiarySignedBy = signedBy;
            this.beneficiarySignedOn = signedOn;
        } else {
            if (beneficiarySignedOn == null) {
                throw new StageConflictException("Le Président signe après le bénéficiaire : la convention n'est pas encore signée par le bénéficiaire.");
            }
            if (presidentSignedOn != null) {
                throw new StageConflictException("La convention a déjà été signée par le Président.");
            }
            this.presidentSignedBy = signedBy;
            this.presidentSignedOn = signedOn;
        }
    }

    public boolean isSignedByBoth() {
        return beneficiarySignedOn != null && presidentSignedOn != null;
    }

    public Long requestId() {
        return requestId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public String beneficiarySignedBy() {
        return beneficiarySignedBy;
    }

    public LocalDate beneficiarySignedOn() {
        return beneficiarySignedOn;
    }

    public String presidentSignedBy() {
        return presidentSignedBy;
    }

    public LocalDate presidentSignedOn() {
        return presidentSignedOn;
    }
}
