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
import java.math.BigDecimal;

/** The part of a proposed amount held on one budget line from instruction until the commitment or a release. */
@Entity
@Table(name = "budget_reservation")
public class Reservation {

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

    @Column(nullable = false)
    private boolean active = true;

    protected Reservation() {
    }

    Reservation(Long requestId, BudgetLine line, BigDecimal amount) {
        this.requestId = requestId;
        this.line = line;
        this.amount = amount;
    }

    void end() {
        this.active = false;
    }

    public BudgetLine line() {
        return line;
    }

    public BigDecimal amount() {
        return amount;
    }

    public boolean active() {
        return active;
    }
}
