package fr.subventions.benchmark;

import fr.subventions.backoffice.WorklistTab;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Part 3, the staff's back office on the same open requests as the task list ({@link TaskListBenchmark}): the worklist's
 * first page with all its tab counters, for each tab, and a search by applicant name, as the officer's browser asks
 * for them (logged in through the login form, over HTTP, the page rendered); the dossier page; the export of every
 * request as .xlsx and as CSV, timed to the last byte, with the heap's peak meanwhile. The counters are the same for
 * every user and kept 5 s (WorklistCounters): what counting them afresh costs is reported beside.
 */
final class WorklistBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern FOUND = Pattern.compile(": ([0-9]+) demandes?, triées");

    private WorklistBenchmark() {
    }

    static void run(Report report, ConfigurableApplicationContext context, JdbcTemplate jdbc, HeapMonitor heap, int open)
            throws Exception {
        int runs = Integer.getInteger("bench.worklistRuns", 100);
        for (String table : List.of("worklist_word", "subsidy_request", "ACT_RU_TASK", "ACT_RU_VARIABLE")) {
            jdbc.queryForList("analyze table " + table);
        }
        Pages officer = new Pages("http://127.0.0.1:" + Benchmark.port(context), TaskListBenchmark.OFFICER);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"page (officer instructeur, over HTTP, rendered)", "lines found", "runs", "p50 ms", "p95 ms",
                "max ms"});
        // the pages warmed up together first (templates, JIT): otherwise the first tab timed pays for all of them
        for (int round = 0; round < 10; round++) {
            for (WorklistTab tab : WorklistTab.values()) {
                officer.get("/gestion?onglet=" + tab.slug());
            }
        }
        double worstTab = 0;
        String worst = "";
        for (WorklistTab tab : WorklistTab.values()) {
            String url = "/gestion?onglet=" + tab.slug();
            String[] found = new String[1];
            Stats stats = TaskListBenchmark.time(runs, () -> {
                HttpResponse<String> page = officer.get(url);
                found[0] = found(page.body());
                return page.statusCode();
            });
            rows.add(row("/gestion, tab « " + tab.label() + " », first page of 50 with every tab's counter", found[0], stats));
            if (stats.p(95) > worstTab) {
                worstTab = stats.p(95);
                worst = tab.label();
            }
        }
        report.target(Report.f("3. Worklist's first page with all its tab counters, p95 of the slowest of its %d tabs "
                + "(« %s ») with %,d open requests", WorklistTab.values().length, worst, open), Report.ms(worstTab) + " ms",
                "≤ 50 ms", worstTab <= 50);

        // a regular applicant of the copies, by its whole name; one word of it; its SIREN
        String name = jdbc.queryForObject("select applicant_name from subsidy_request where reference like '%-B%'"
                + " order by id limit 1 offset 777", String.class);
        String siret = jdbc.queryForObject("select applicant_siret from subsidy_request where applicant_name = ? limit 1",
                String.class, name);
        List<Stats> searches = new ArrayList<>();
        for (String[] search : new String[][] {{"the applicant's name « " + name + " »", name},
                {"one word of it, « " + name.split(" ")[1] + " »", name.split(" ")[1]},
                {"its SIREN " + siret.substring(0, 9), siret.substring(0, 9)}}) {
            String url = "/gestion?onglet=tous&recherche=" + URLEncoder.encode(search[1], StandardCharsets.UTF_8);
            String[] found = new String[1];
            Stats stats = TaskListBenchmark.time(runs, () -> {
                HttpResponse<String> page = officer.get(url);
                found[0] = found(page.body());
                return page.statusCode();
            });
            searches.add(stats);
            rows.add(row("/gestion, tab « Tous », search by " + search[0], found[0], stats));
        }
        report.target(Report.f("3. Worklist's search by applicant name (« %s »), first page with all counters, p95", name),
                Report.ms(searches.get(0).p(95)) + " ms", "≤ 50 ms", searches.get(0).p(95) <= 50);

        long copies = jdbc.queryForObject("select count(*) from subsidy_request where reference like '%-B%'", Long.class);
        List<String> references = jdbc.queryForList("select reference from subsidy_request where reference like '%-B%'"
                + " order by id limit 20 offset " + copies / 2, String.class);
        int[] next = {0};
        Stats dossier = TaskListBenchmark.time(runs, () -> officer.get("/gestion/demandes/"
                + references.get(next[0]++ % references.size())).statusCode());
        rows.add(row("/gestion/demandes/{reference}, the dossier page, 20 requests in turn", "", dossier));
        report.target(Report.f("3. Dossier page p95 with %,d open requests", open), Report.ms(dossier.p(95)) + " ms",
                "≤ 100 ms", dossier.p(95) <= 100);

        // the counters as the first page after their 5 s counts them: the stages, and the officers' tasks to take
        Stats stages = TaskListBenchmark.time(runs, () -> {
            jdbc.queryForList("select status, count(*) from subsidy_request group by status");
            return 200;
        });
        rows.add(row("the stage counters counted afresh (SQL, kept 5 s by the page)", "", stages));
        Stats toDo = TaskListBenchmark.time(runs, () -> {
            jdbc.queryForObject("select count(*) from ACT_RU_TASK where ASSIGNEE_ is null and TASK_DEF_KEY_ in"
                    + " ('Task_CheckCompleteness', 'Task_InstructRequest')", Long.class);
            return 200;
        });
        rows.add(row("« À traiter »'s counter counted afresh for the officers (SQL, kept 5 s by the page)", "", toDo));
        report.table(Report.f("3. The back office with %,d open requests", open), rows);

        List<String[]> exports = new ArrayList<>();
        exports.add(new String[] {"export of tab « Tous »", "lines", "bytes", "seconds to the last byte",
                "peak heap of the JVM meanwhile (MiB)"});
        for (String format : List.of("xlsx", "csv")) {
            heap.reset();
            long start = System.nanoTime();
            long[] counted = officer.download("/gestion/export." + format + "?onglet=tous");
            double seconds = (System.nanoTime() - start) / 1e9;
            double peak = heap.reset();
            long lines = format.equals("csv") ? counted[1] - 1
                    : jdbc.queryForObject("select count(*) from subsidy_request", Long.class);
            exports.add(new String[] {format, Report.f("%,d", lines), Report.f("%,d", counted[0]), Report.f("%.1f", seconds),
                    Report.f("%.0f", peak)});
            report.target(Report.f("3. Export of the worklist as .%s, %,d lines, streamed (peak heap %.0f MiB, -Xmx%dm)",
                    format, lines, peak, Math.round(HeapMonitor.maxHeapMiB())), Report.f("%.1f s", seconds), "≤ 10 s, heap "
                    + "≤ 512 MB", seconds <= 10 && peak <= 512);
        }
        report.table("3. The worklist exported, every request, every column", exports);
        report.note(Report.f("Part 3, back office: %d runs of each page after %d to warm up; the copies' applicants are "
                + "%,d bodies of the métropole (Applicants), about five requests each.", runs, Math.max(3, runs / 10),
                Applicants.COUNT));
    }

    private static String found(String page) {
        Matcher m = FOUND.matcher(page);
        return m.find() ? m.group(1) : "0";
    }

    private static String[] row(String page, String found, Stats stats) {
        return new String[] {page, found, String.valueOf(stats.count()), Report.ms(stats.p(50)), Report.ms(stats.p(95)),
                Report.ms(stats.max())};
    }

    /** The pages as a browser gets them: the login form with its CSRF token, then the session's cookie. */
    static final class Pages {
        private final String base;
        private final HttpClient http;

        Pages(String base, String user) throws Exception {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> form = get("/connexion");
            Matcher token = CSRF.matcher(form.body());
            if (!token.find()) {
                throw new IllegalStateException("no CSRF token in the login form");
            }
            String body = "username=" + user + "&password=" + user + "&_csrf=" + URLEncoder.encode(token.group(1),
                    StandardCharsets.UTF_8);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/connexion"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login of " + user + ": " + login.statusCode() + " "
                        + login.headers().firstValue("Location").orElse(""));
            }
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Reads the download to its end without keeping it: its bytes and its line breaks. */
        long[] download(String path) throws Exception {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            long bytes = 0;
            long lines = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = response.body()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            return new long[] {bytes, lines};
        }
    }
}
