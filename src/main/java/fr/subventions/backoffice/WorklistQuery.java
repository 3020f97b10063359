package fr.subventions.backoffice;

import fr.subventions.submission.RequestStatus;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the worklist shows: a tab, filters, a search, a sort and a page. Written in the address's parameters, in French
 * ({@code /gestion?onglet=en-instruction&exercice=2026&tri=jours&ordre=desc}), and read back from them, each one
 * checked, by {@link WorklistQueryForm}; kept per user ({@link WorklistPreference}) but for the page.
 *
 * @param takenBy       {@link #NOBODY}, {@link #ME}, a user's id, or null for anyone
 * @param awaitingReply only the requests waiting for their applicant's answer to an officer's question
 */
public record WorklistQuery(WorklistTab tab, String search, Integer fiscalYear, String theme, String service,
        RequestStatus stage, String takenBy, BigDecimal amountMin, BigDecimal amountMax, boolean overdue,
        boolean awaitingReply, WorklistSort sort, boolean descending, int page, int size) {

    /** A query without the filter on the applicant's answer. */
    public WorklistQuery(WorklistTab tab, String search, Integer fiscalYear, String theme, String service,
            RequestStatus stage, String takenBy, BigDecimal amountMin, BigDecimal amountMax, boolean overdue,
            WorklistSort sort, boolean descending, int page, int size) {
        this(tab, search, fiscalYear, theme, service, stage, takenBy, amountMin, amountMax, overdue, false, sort,
                descending, page, size);
    }

    /** The requests nobody has taken: none of their staff tasks has an assignee. */
    public static final String NOBODY = "personne";
    /** The user who looks: « moi » stays « moi » in their kept filters. */
    public static final String ME = "moi";
    public static final List<Integer> SIZES = List.of(20, 50, 100);
    /** The longest waiting first. */
    public static final WorklistQuery DEFAULT = new WorklistQuery(WorklistTab.TO_DO, null, null, null, null, null, null,
            null, null, false, WorklistSort.DAYS, true, 1, 50);

    // The parameters' names, as the form and the links send them
    static final String TAB = "onglet";
    static final String SEARCH = "recherche";
    static final String FISCAL_YEAR = "exercice";
    static final String THEME = "thematique";
    static final String SERVICE = "service";
    static final String STAGE = "etape";
    static final String TAKEN_BY = "prisePar";
    static final String AMOUNT_MIN = "montantMin";
    static final String AMOUNT_MAX = "montantMax";
    static final String OVERDUE = "enRetard";
    static final String AWAITING_REPLY = "attenteReponse";
    static final String SORT = "tri";
    static final String ORDER = "ordre";
    static final String PAGE = "page";
    static final String SIZE = "taille";
    static final List<String> NAMES = List.of(TAB, SEARCH, FISCAL_YEAR, THEME, SERVICE, STAGE, TAKEN_BY, AMOUNT_MIN,
            AMOUNT_MAX, OVERDUE, AWAITING_REPLY, SORT, ORDER, PAGE, SIZE);

    /** Whether any filter or search narrows the tab. */
    public boolean filtered() {
        return search != null || fiscalYear != null || theme != null || service != null || stage != null
                || takenBy != null || amountMin != null || amountMax != null || overdue || awaitingReply;
    }

    public WorklistQuery withTab(WorklistTab other) {
        return new WorklistQuery(other, search, fiscalYear, theme, service, stage, takenBy, amountMin, amountMax,
                overdue, awaitingReply, sort, descending, 1, size);
    }

    public WorklistQuery withSort(WorklistSort other, boolean otherDescending) {
        return new WorklistQuery(tab, search, fiscalYear, theme, service, stage, takenBy, amountMin, amountMax,
                overdue, awaitingReply, other, otherDescending, 1, size);
    }

    public WorklistQuery withPage(int other) {
        return new WorklistQuery(tab, search, fiscalYear, theme, service, stage, takenBy, amountMin, amountMax,
                overdue, awaitingReply, sort, descending, other, size);
    }

    /** The same tab and sort, without filters nor search. */
    public WorklistQuery unfiltered() {
        return new WorklistQuery(tab, null, null, null, null, null, null, null, null, false, sort, descending, 1, size);
    }

    /** The parameters that give this query back, in the form's order; the page only past the first. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(TAB, tab.slug());
        put(p, SEARCH, search);
        put(p, FISCAL_YEAR, fiscalYear);
        put(p, THEME, theme);
        put(p, SERVICE, service);
        put(p, STAGE, stage == null ? null : WorklistTab.of(stage).slug());
        put(p, TAKEN_BY, takenBy);
        put(p, AMOUNT_MIN, amountMin == null ? null : amountMin.toPlainString());
        put(p, AMOUNT_MAX, amountMax == null ? null : amountMax.toPlainString());
        put(p, OVERDUE, overdue ? "oui" : null);
        put(p, AWAITING_REPLY, awaitingReply ? "oui" : null);
        p.put(SORT, sort.slug());
        p.put(ORDER, descending ? "desc" : "asc");
        p.put(SIZE, String.valueOf(size));
        if (page > 1) {
            p.put(PAGE, String.valueOf(page));
        }
        return p;
    }

    /** This query's address under {@code path}, its parameters encoded. */
    public String link(String path) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        parameters().forEach(uri::queryParam);
        return uri.encode().build().toUriString();
    }

    private static void put(Map<String, String> p, String name, Object value) {
        if (value != null) {
            p.put(name, value.toString());
        }
    }
}
