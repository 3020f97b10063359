package fr.subventions.convention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A year's request linked to its multi-year convention. */
@Entity
@Table(name = "framework_grant", uniqueConstraints = @UniqueConstraint(name = "uk_framework_grant_request",
        columnNames = "request_id"))
public class FrameworkGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long frameworkId;

    @Column(name = "request_id", nullable = false)
    private Long requestId;

    @Column(nullable = false)
    private int fiscalYear;

    protected FrameworkGrant() {
    }

    FrameworkGrant(Long frameworkId, Long requestId, int fiscalYear) {
        this.frameworkId = frameworkId;
        this.requestId = requestId;
        this.fiscalYear = fiscalYear;
    }

    public Long frameworkId() {
        return frameworkId;
    }

    public Long requestId() {
        return requestId;
    }

    public int fiscalYear() {
        return fiscalYear;
    }
}
