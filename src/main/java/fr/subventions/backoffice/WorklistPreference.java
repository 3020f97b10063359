package fr.subventions.backoffice;

import fr.subventions.submission.RequestStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A member of staff's worklist as they left it: tab, filters, search, sort and page size (not the page). Plain columns,
 * checked again when read: a tab, a column or a stage that no longer exists falls back to the default.
 */
@Entity
@Table(name = "worklist_preference")
class WorklistPreference {

    @Id
    @Column(length = 100)
    private String username;

    @Column(nullable = false, length = 30)
    private String tab;

    @Column(length = 100)
    private String searchText;

    private Integer fiscalYear;

    @Column(length = 200)
    private String theme;

    @Column(length = 100)
    private String service;

    @Column(length = 30)
    private String stage;

    @Column(length = 100)
    private String takenBy;

    @Column(precision = 15, scale = 2)
    private BigDecimal amountMin;

    @Column(precision = 15, scale = 2)
    private BigDecimal amountMax;

    @Column(nullable = false)
    private boolean overdue;

    @Column(nullable = false)
    private boolean awaitingReply;

    @Column(nullable = false, length = 20)
    private String sortKey;

    @Column(nullable = false)
    private boolean sortDescending;

    @Column(nullable = false)
    private int pageSize;

    @Column(nullable = false)
    private Instant updatedAt;

    protected WorklistPreference() {
    }

    WorklistPreference(String username) {
        this.username = username;
    }

    /** Keeps the query, but its page; whether anything changed. */
    boolean keep(WorklistQuery query, Instant now) {
        WorklistQuery kept = query();
        if (kept != null && kept.equals(query.withPage(1))) {
            return false;
        }
        tab = query.tab().name();
        searchText = query.search();
        fiscalYear = query.fiscalYear();
        theme = query.theme();
        service = query.service();
        stage = query.stage() == null ? null : query.stage().name();
        takenBy = query.takenBy();
        amountMin = query.amountMin();
        amountMax = query.amountMax();
        overdue = query.overdue();
        awaitingReply = query.awaitingReply();
        sortKey = query.sort().name();
        sortDescending = query.descending();
        pageSize = query.size();
        updatedAt = now;
        return true;
    }

    /** The kept query, on its first page; null when the row holds what this version does not know. */
    WorklistQuery query() {
        if (tab == null) {
            return null;
        }
        try {
            return new WorklistQuery(WorklistTab.valueOf(tab), searchText, fiscalYear, theme, service,
                    stage == null ? null : RequestStatus.valueOf(stage), takenBy, amountMin, amountMax, overdue,
                    awaitingReply, WorklistSort.valueOf(sortKey), sortDescending, 1,
                    WorklistQuery.SIZES.contains(pageSize) ? pageSize : WorklistQuery.DEFAULT.size());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
