package fr.subventions.backoffice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A member of staff's named export of the worklist: its format, its columns in their order, and the worklist's tab,
 * filters, search and sort as the address carries them — read back and checked again each time it runs
 * ({@link ExportTemplates}), so that a filter the authority no longer offers refuses the run instead of exporting
 * something else. A name is its user's once, case and accents aside ({@code nameKey}).
 */
@Entity
@Table(name = "export_template", uniqueConstraints = @UniqueConstraint(name = "uk_export_template_name",
        columnNames = {"username", "name_key"}))
class ExportTemplate {

    static final String XLSX = "xlsx";
    static final String CSV = "csv";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 100)
    private String nameKey;

    /** {@value #XLSX} or {@value #CSV}. */
    @Column(nullable = false, length = 4)
    private String format;

    /** The columns' keys ({@link WorklistExport#KEYS}), comma-separated, in their order. */
    @Column(nullable = false, length = 400)
    private String columnKeys;

    /** The worklist's parameters, as its address has them ({@link WorklistQuery#parameters}), URL-encoded. */
    @Column(nullable = false, length = 4000)
    private String filters;

    @Column(nullable = false)
    private Instant createdAt;

    protected ExportTemplate() {
    }

    ExportTemplate(String username, String name, String nameKey, String format, List<String> columnKeys, String filters,
            Instant createdAt) {
        this.username = username;
        this.name = name;
        this.nameKey = nameKey;
        this.format = format;
        this.columnKeys = String.join(",", columnKeys);
        this.filters = filters;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String name() {
        return name;
    }

    public String format() {
        return format;
    }

    /** The columns' keys in their order. */
    public List<String> columnKeys() {
        return Arrays.asList(columnKeys.split(","));
    }

    /** The columns' headers in their order, as the export writes them; a key this version does not know is left out. */
    public List<String> columnHeaders() {
        return columnKeys().stream().filter(WorklistExport.KEYS::contains)
                .map(key -> WorklistExport.HEADERS.get(WorklistExport.KEYS.indexOf(key))).toList();
    }

    public String filters() {
        return filters;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
