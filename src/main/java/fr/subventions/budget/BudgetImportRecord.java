package fr.subventions.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The trace of one accepted budget file: who imported which file (by its SHA-256) when, and what it changed. The
 * voted credits of a line change only through such an import, so that every décision modificative can be traced.
 */
@Entity
@Table(name = "budget_import")
public class BudgetImportRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String filename;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(nullable = false, length = 10)
    private String format;

    @Column(name = "row_count", nullable = false)
    private int rows;

    @Column(nullable = false)
    private int created;

    @Column(nullable = false)
    private int updated;

    @Column(nullable = false)
    private int unchanged;

    @Column(nullable = false, precision = 20, scale = 2)
    private BigDecimal totalVoted;

    @Column(nullable = false, length = 100)
    private String importedBy;

    @Column(nullable = false)
    private Instant importedAt;

    protected BudgetImportRecord() {
    }

    BudgetImportRecord(String filename, String sha256, String format, int rows, int created, int updated, int unchanged,
            BigDecimal totalVoted, String importedBy, Instant importedAt) {
        this.filename = filename;
        this.sha256 = sha256;
        this.format = format;
        this.rows = rows;
        this.created = created;
        this.updated = updated;
        this.unchanged = unchanged;
        this.totalVoted = totalVoted;
        this.importedBy = importedBy;
        this.importedAt = importedAt;
    }

    public Long id() {
        return id;
    }

    public String sha256() {
        return sha256;
    }

    public String importedBy() {
        return importedBy;
    }

    public Instant importedAt() {
        return importedAt;
    }
}
