package fr.subventions.convention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A multi-year convention (convention pluriannuelle d'objectifs, up to four years): it frames the partnership; each
 * year's grant is still requested, voted and conventioned on its own, linked to it.
 */
@Entity
@Table(name = "framework_convention", uniqueConstraints = @UniqueConstraint(name = "uk_framework_reference",
        columnNames = "reference"))
public class FrameworkConvention {

    /** Multi-year objective conventions run for four years at most (circulaire du 29 septembre 2015). */
    public static final int MAX_YEARS = 4;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20)
    private String reference;

    @Column(nullable = false, length = 200)
    private String beneficiaryName;

    @Column(nullable = false, length = 14)
    private String siret;

    @Column(length = 10)
    private String rna;

    @Column(nullable = false, length = 300)
    private String object;

    @Column(nullable = false)
    private int firstYear;

    @Column(nullable = false)
    private int lastYear;

    @Column(nullable = false)
    private LocalDate signedOn;

    @Column(nullable = false, length = 100)
    private String recordedBy;

    @Column(nullable = false)
    private Instant recordedAt;

    protected FrameworkConvention() {
    }

    FrameworkConvention(String reference, String beneficiaryName, String siret, String rna, String object, int firstYear,
            int lastYear, LocalDate signedOn, String recordedBy, Instant recordedAt) {
        this.reference = reference;
        this.beneficiaryName = beneficiaryName;
        this.siret = siret;
        this.rna = rna;
        this.object = object;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.signedOn = signedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public boolean covers(int fiscalYear) {
        return fiscalYear >= firstYear && fiscalYear <= lastYear;
    }

    /** "2022–2025". */
    public String period() {
        return firstYear + "–" + lastYear;
    }

    public Long id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public String beneficiaryName() {
        return beneficiaryName;
    }

    public String siret() {
        return siret;
    }

    public String rna() {
        return rna;
    }

    public String object() {
        return object;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    public LocalDate signedOn() {
        return signedOn;
    }
}
