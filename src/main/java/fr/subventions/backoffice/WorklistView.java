package fr.subventions.backoffice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the worklist's page shows besides its lines: the tabs with their counters, the columns with the address that
 * sorts by each, the pages, the exports' addresses, and the filter form's values — as sent when the form was refused,
 * so that the user corrects them, otherwise the query's.
 *
 * <p>The addresses are complete here, the application's context path first, and the page writes them as they are:
 * through Thymeleaf's {@code @{…}} each one would go to Spring's ResourceUrlEncodingFilter, which looks every path up
 * as a static resource in each classpath location and keeps no answer for what it does not find — some 80 lookups a
 * page, most of its rendering time.
 */
record WorklistView(String path, List<Tab> tabs, List<Column> columns, List<PageLink> pages, String previous,
        String next, String csv, String xlsx, String clear, Map<String, String> values, String caption) {

    static final String PATH = "/gestion";

    record Tab(String slug, String label, long count, String link, boolean current) {
    }

    /** @param order "ascending", "descending" or "none", as aria-sort says it */
    record Column(String slug, String label, String link, String order, String next) {
    }

    record PageLink(int number, String link, boolean current) {
    }

    static WorklistView of(WorklistService.WorklistPage page, Map<String, String> sent, String contextPath) {
        String path = contextPath + PATH;
        WorklistQuery query = page.query();
        List<Tab> tabs = new ArrayList<>();
        for (WorklistTab tab : WorklistTab.values()) {
            tabs.add(new Tab(tab.slug(), tab.label(), page.counts().getOrDefault(tab, 0L),
                    query.withTab(tab).link(path), tab == query.tab()));
        }
        List<Column> columns = new ArrayList<>();
        for (WorklistSort sort : WorklistSort.values()) {
            boolean sorted = sort == query.sort();
            // a click on the sorted column turns its order round; another column starts in the natural order
            boolean nextDescending = sorted ? !query.descending() : sort == WorklistSort.DAYS;
            columns.add(new Column(sort.slug(), sort.label(), query.withSort(sort, nextDescending).link(path),
                    !sorted ? "none" : query.descending() ? "descending" : "ascending",
                    nextDescending ? "décroissant" : "croissant"));
        }
        List<PageLink> pages = new ArrayList<>();
        long count = page.pages();
        int current = query.page();
        for (long n = Math.max(1, current - 3); n <= Math.min(count, current + 3); n++) {
            pages.add(new PageLink((int) n, query.withPage((int) n).link(path), n == current));
        }
        String previous = current > 1 ? query.withPage(current - 1).link(path) : null;
        String next = current < count ? query.withPage(current + 1).link(path) : null;
        WorklistQuery first = query.withPage(1);
        Map<String, String> values = new LinkedHashMap<>(first.parameters());
        if (sent != null) {
            values.putAll(sent);
        }
        WorklistSort sort = query.sort();
        String caption = "Demandes de l'onglet « " + query.tab().label() + " »" + (query.filtered() ? ", filtrées" : "")
                + " : " + page.total() + (page.total() > 1 ? " demandes" : " demande") + ", triées par « " + sort.label()
                + " » (ordre " + (query.descending() ? "décroissant" : "croissant") + "), page " + current + " sur " + count;
        return new WorklistView(path, tabs, columns, pages, previous, next, first.link(path + "/export.csv"),
                first.link(path + "/export.xlsx"), query.unfiltered().link(path), values, caption);
    }
}
