package fr.subventions.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.time.Instant;

/** An engagement: a granted amount committed on a budget line, with the number finance quotes. */
@Entity
@Table(name = "budget_commitment",
        uniqueConstraints = @UniqueConstraint(name = "uk_commitment_number", columnNames = "engagement_number"))
public class Commitment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long requestId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "budget_line_id")
    private BudgetLine line;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal amount;

    @Column(name = "engagement_number", nullable = false, length = 30)
    private String engagementNumber;

    @Column(nullable = false)
    private Instant committedAt;

    @Column(nullable = false, length = 100)
    private String committedBy;

    protected Commitment() {
    }

    Commitment(Long requestId, BudgetLine line, BigDecimal amount, String engagementNumber, Instant committedAt,
            String committedBy) {
        this.requestId = requestId;
        this.line = line;
        this.amount = amount;
        this.engagementNumber = engagementNumber;
        this.committedAt = committedAt;
        this.committedBy = committedBy;
    }

    public BudgetLine line() {
        return line;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String engagementNumber() {
        return engagementNumber;
    }

    public Instant committedAt() {
        return committedAt;
    }

    public String committedBy() {
        return committedBy;
    }
}
