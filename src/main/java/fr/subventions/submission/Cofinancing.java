package fr.subventions.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** Another funder of the action, or the applicant's own share (autofinancement). */
@Embeddable
public class Cofinancing {

    @Column(nullable = false, length = 200)
    private String funder;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal amount;

    protected Cofinancing() {
    }

    public Cofinancing(String funder, BigDecimal amount) {
        this.funder = funder;
        this.amount = amount;
    }

    public String funder() {
        return funder;
    }

    public BigDecimal amount() {
        return amount;
    }
}
