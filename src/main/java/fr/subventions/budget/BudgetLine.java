package fr.subventions.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;

/**
 * A line of the budget (M57 nomenclature): fiscal year, chapter, nature, function and service, with its voted credits,
 * what instruction reserved and what finance committed. Reservations and commitments change it only through
 * conditional updates in {@link BudgetLineRepository}, so that it can never be over-committed.
 */
@Entity
@Table(name = "budget_line", uniqueConstraints = @UniqueConstraint(name = "uk_budget_line_code", columnNames = "code"))
public class BudgetLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 60)
    private String code;

    @Column(nullable = false, length = 300)
    private String label;

    @Column(nullable = false)
    private int fiscalYear;

    @Column(nullable = false, length = 10)
    private String chapter;

    @Column(nullable = false, length = 10)
    private String nature;

    @Column(name = "budget_function", nullable = false, length = 10)
    private String function;

    @Column(nullable = false, length = 100)
    private String service;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal voted;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal reserved = BigDecimal.ZERO;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal committed = BigDecimal.ZERO;

    protected BudgetLine() {
    }

    public BudgetLine(int fiscalYear, String chapter, String nature, String function, String service, String serviceCode,
            String label, BigDecimal voted) {
        this.code = codeOf(fiscalYear, chapter, nature, function, serviceCode);
        this.fiscalYear = fiscalYear;
        this.chapter = chapter;
        this.nature = nature;
        this.function = function;
        this.service = service;
        this.label = label;
        this.voted = voted;
    }

    /** {@code <year>-<chapter>-<nature>-<function>-<service code>}, e.g. 2025-65-65748-90-DEVECO: what officers and finance type. */
    public static String codeOf(int fiscalYear, String chapter, String nature, String function, String serviceCode) {
        return fiscalYear + "-" + chapter + "-" + nature + "-" + function + "-" + serviceCode;
    }

    public BigDecimal available() {
        return voted.subtract(reserved).subtract(committed);
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public String chapter() {
        return chapter;
    }

    public String nature() {
        return nature;
    }

    public String function() {
        return function;
    }

    public String service() {
        return service;
    }

    public BigDecimal voted() {
        return voted;
    }

    public BigDecimal reserved() {
        return reserved;
    }

    public BigDecimal committed() {
        return committed;
    }
}
