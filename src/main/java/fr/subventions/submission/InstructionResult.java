package fr.subventions.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import org.hibernate.Length;

/**
 * What the instruction concluded: the opinion, the amount proposed to the assembly — only with a favourable opinion —
 * and the report, which becomes the deliberation's exposé. Kept in the request's own columns; null before instruction.
 */
@Embeddable
class InstructionResult {

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Opinion opinion;

    @Column(precision = 15, scale = 2)
    private BigDecimal proposedAmount;

    @Column(length = Length.LONG32)
    private String report;

    protected InstructionResult() {
    }

    InstructionResult(Opinion opinion, BigDecimal proposedAmount, String report) {
        this.opinion = opinion;
        this.proposedAmount = opinion == Opinion.FAVORABLE ? proposedAmount : null;
        this.report = report;
    }

    boolean isFavourable() {
        return opinion == Opinion.FAVORABLE;
    }

    Opinion opinion() {
        return opinion;
    }

    BigDecimal proposedAmount() {
        return proposedAmount;
    }

    String report() {
        return report;
    }
}
