package fr.subventions.benchmark;

import fr.subventions.SubventionsApplication;
import fr.subventions.budget.BudgetImport;
import fr.subventions.budget.BudgetService;
import fr.subventions.bureau.Agenda;
import fr.subventions.documents.DocumentGenerator;
import fr.subventions.documents.Workbooks;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.MariaDbDatabase;
import fr.subventions.support.MutableClock;
import fr.subventions.support.PackagedApplication;
import fr.subventions.support.Scenarios;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark suite (issue 8), not a test: one JVM run, on the machine's MariaDB, that prints its figures and writes
 * them to docs/benchmarks.md. Command (docs/benchmark-suite.md):
 *
 * <pre>mvn -B -Pbenchmark -DskipTests package</pre>
 *
 * <p>It creates its database {@code subventions_bench} anew, starts the application in this JVM (profiles mariadb and
 * demo, the job executor on, as in production) and runs, in this order: 1. full lifecycles against the bare engine at
 * 1 and 4 threads; 4. milliseconds per document, and a séance of 200 items; 3. the officer's task list with 100 000
 * open requests, then the back office's worklist, search, dossier page and exports on them; 2. the submission API under HTTP load, against the packaged jar started as a process of its own on a
 * database of its own ({@code subventions_bench_http}); 5. the peak heap and resident memory of both JVMs throughout.
 *
 * <p>System properties (-Dbench.…, passed with {@code -Dbench.options="…"} on the Maven command line): {@code
 * bench.parts} (default 1,4,3,2), {@code bench.cohorts} (10), {@code bench.cohortSize} (50), {@code bench.openRequests}
 * (100000), {@code bench.httpSeconds} (30), {@code bench.rate} (100), {@code bench.clients} (16), {@code bench.output}
 * (docs/benchmarks.md; "none" to write nothing), {@code bench.database} (subventions_bench), {@code bench.reuseData}
 * (false: the database is dropped and made again; true keeps it, and part 3 copies no request when the database
 * already holds {@code bench.openRequests} open ones).
 */
public final class Benchmark {

    static final String COMMAND = "mvn -B -Pbenchmark -DskipTests package";
    static final String DATABASE = System.getProperty("bench.database", "subventions_bench");
    /** Keep the database of a previous run, and part 3's open requests if it has them: to measure again, not to load. */
    static final boolean REUSE_DATA = Boolean.getBoolean("bench.reuseData");

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> parts = Arrays.stream(System.getProperty("bench.parts", "1,4,3,2").split(",")).map(String::trim)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Report report = new Report();
        try (HeapMonitor heap = new HeapMonitor()) {
            if (!REUSE_DATA) {
                PackagedApplication.recreate(DATABASE);
            }
            JdbcTemplate jdbc = PackagedApplication.jdbc(DATABASE);
            report.machine(Machine.describe(jdbc));
            report.machine(List.of("Load average (1, 5, 15 min) at the start: " + Machine.loadAverage()
                    + " — other builds share this machine; each figure's own load average is in the table"));
            long bootStart = System.nanoTime();
            try (ConfigurableApplicationContext context = start()) {
                report.note(Report.f("The application started in this JVM in %.1f s (profiles mariadb, demo; job executor on; "
                        + "history level %s).", (System.nanoTime() - bootStart) / 1e9,
                        context.getEnvironment().getProperty("camunda.bpm.history-level")));
                int year = Year.now().getValue();
                List<String> lines = budgetLines(context, year);
                Lifecycles lifecycles = new Lifecycles(context, lines, year);
                heap.reset();
                for (String part : parts) {
                    switch (part) {
                        case "1" -> lifecycles(report, context, lifecycles, heap);
                        case "4" -> documents(report, context, lifecycles, heap);
                        case "3" -> {
                            TaskListBenchmark.run(report, context, jdbc, heap, lifecycles);
                            WorklistBenchmark.run(report, context, jdbc, heap,
                                    Integer.getInteger("bench.openRequests", 100_000));
                        }
                        case "2" -> HttpBenchmark.run(report, heap);
                        default -> throw new IllegalArgumentException("unknown part " + part);
                    }
                }
            }
            double selfPeak = Machine.residentPeakMiB(ProcessHandle.current().pid());
            report.target("Peak heap of the benchmark's JVM (application in-process, parts 1, 3, 4), -Xmx"
                    + Math.round(HeapMonitor.maxHeapMiB()) + "m", Report.f("%.0f MiB", heap.overall()), "≤ 512 MB",
                    heap.overall() <= 512);
            report.target("Resident memory peak (VmHWM) of the benchmark's JVM", Report.f("%.0f MiB", selfPeak), "—", null);
        }
        String output = System.getProperty("bench.output", "docs/benchmarks.md");
        if (!"none".equals(output)) {
            report.write(Path.of(output), COMMAND);
            System.out.println("written to " + output);
        }
        System.exit(0);
    }

    static ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SubventionsApplication.class)
                .profiles("mariadb", "demo")
                // arguments, not default properties: they must win over application-mariadb.yml
                .run("--server.port=0",
                        "--spring.datasource.url=" + MariaDbDatabase.SERVER + DATABASE,
                        "--spring.datasource.username=" + MariaDbDatabase.USER,
                        "--spring.datasource.password=" + MariaDbDatabase.PASSWORD,
                        "--subventions.documents.template-dir=target/benchmark-templates",
                        "--logging.level.root=warn");
        Clock clock = context.getBean(Clock.class);
        if (clock instanceof MutableClock mutable) {
            mutable.reset();
        }
        return context;
    }

    static int port(ConfigurableApplicationContext context) {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Four budget lines of the year with credits enough for every lifecycle, imported as finance imports them. */
    static List<String> budgetLines(ConfigurableApplicationContext context, int year) {
        StringBuilder csv = new StringBuilder("exercice;chapitre;nature;fonction;service;code_service;libelle;credits_votes\n");
        List<String> codes = new ArrayList<>();
        for (int f = 61; f <= 64; f++) {
            csv.append(year).append(";65;65748;").append(f).append(";Banc d'essai;BENCH;Ligne du banc d'essai ").append(f)
                    .append(";1000000000\n");
            codes.add(year + "-65-65748-" + f + "-BENCH");
        }
        context.getBean(BudgetImport.class).importFile("banc-essai.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                "finances");
        return codes;
    }

    // ------------------------------------------------------------------------------------------------ part 1

    static void lifecycles(Report report, ConfigurableApplicationContext context, Lifecycles lifecycles, HeapMonitor heap)
            throws Exception {
        int cohorts = Integer.getInteger("bench.cohorts", 10);
        int size = Integer.getInteger("bench.cohortSize", 50);
        BareProcesses.deploy(context.getBean(RepositoryService.class));
        // warm-up: the JIT, the caches, the templates written to the folder
        lifecycles.run(false, 1, 1, 10);
        lifecycles.run(true, 1, 1, 10);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"threads", "run", "lifecycles", "seconds", "lifecycles/s", "load average before → after"});
        int total = cohorts * size;
        for (int threads : new int[] {1, 4}) {
            String loadBefore = Machine.loadAverage();
            double bare = lifecycles.run(true, threads, cohorts, size);
            String loadMiddle = Machine.loadAverage();
            double domain = lifecycles.run(false, threads, cohorts, size);
            String loadAfter = Machine.loadAverage();
            double bareRate = total / bare;
            double domainRate = total / domain;
            rows.add(new String[] {String.valueOf(threads), "bare engine", String.valueOf(total), Report.f("%.1f", bare),
                    Report.f("%.1f", bareRate), loadBefore + " → " + loadMiddle});
            rows.add(new String[] {String.valueOf(threads), "application", String.valueOf(total), Report.f("%.1f", domain),
                    Report.f("%.1f", domainRate), loadMiddle + " → " + loadAfter});
            double ratio = domainRate / bareRate;
            report.target(Report.f("1. Full lifecycles/s on MariaDB, %d thread%s: application %.1f/s, bare engine %.1f/s",
                    threads, threads == 1 ? "" : "s", domainRate, bareRate), Report.f("%.0f %% of the bare engine", ratio * 100),
                    "≥ 50 %", ratio >= 0.5);
        }
        report.table(Report.f("1. Full lifecycles, submission to closing (%d cohorts of %d requests, one séance of the "
                + "Bureau per cohort)", cohorts, size), rows);
        report.note(Report.f("Part 1 peak heap: %.0f MiB.", heap.reset()));
    }

    // ------------------------------------------------------------------------------------------------ part 4

    static void documents(Report report, ConfigurableApplicationContext context, Lifecycles lifecycles, HeapMonitor heap)
            throws Exception {
        if (lifecycles.lastCohort == null) {
            lifecycles.run(false, 1, 1, 10);
        }
        Lifecycles.Cohort cohort = lifecycles.lastCohort;
        DocumentGenerator generator = context.getBean(DocumentGenerator.class);
        Agenda agenda = context.getBean(Agenda.class);
        SubsidyRequestService requests = context.getBean(SubsidyRequestService.class);
        BudgetService budget = context.getBean(BudgetService.class);
        TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
        Scenarios scenarios = context.getBean(Scenarios.class);
        Long request = cohort.requestIds().get(0);
        Long session = cohort.sessionId();
        Long item = agenda.agendaItemIds(session).get(0);
        int year = Year.now().getValue();
        Map<String, Runnable> documents = new LinkedHashMap<>();
        documents.put("accusé de réception (.docx)", () -> generator.forRequest(DocumentType.ACKNOWLEDGEMENT, request));
        documents.put("rapport d'instruction (.docx)", () -> generator.forRequest(DocumentType.INSTRUCTION_REPORT, request));
        documents.put("convocation et ordre du jour, " + cohort.requestIds().size() + " points (.docx)",
                () -> generator.convocation(session));
        documents.put("extrait de délibération (.docx)", () -> generator.extract(item));
        documents.put("convention (.docx)", () -> generator.forRequest(DocumentType.CONVENTION, request));
        documents.put("fiche d'engagement (.xlsx)", () -> generator.forRequest(DocumentType.ENGAGEMENT_SHEET, request));
        documents.put("notification d'attribution (.docx)",
                () -> generator.forRequest(DocumentType.NOTIFICATION_GRANTED, request));
        documents.put("procès-verbal, " + cohort.requestIds().size() + " points (.docx)", () -> generator.minutes(session));
        documents.put("budget of the fiscal year (.xlsx, not filed)", () -> Workbooks.budgetWorkbook(year, budget.lines(year)));
        int warmUp = 20;
        int runs = 100;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"document (produced and filed in request_document)", "mean ms", "p50 ms", "p95 ms"});
        double extractP95 = Double.NaN;
        for (Map.Entry<String, Runnable> document : documents.entrySet()) {
            for (int i = 0; i < warmUp; i++) {
                document.getValue().run();
            }
            double[] millis = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                document.getValue().run();
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Stats stats = new Stats(millis);
            if (document.getKey().startsWith("extrait")) {
                extractP95 = stats.p(95);
            }
            rows.add(new String[] {document.getKey(), Report.ms(stats.mean()), Report.ms(stats.p(50)), Report.ms(stats.p(95))});
        }
        report.table(Report.f("4. Milliseconds per document, %d runs each after %d to warm up, on MariaDB", runs, warmUp),
                rows);
        report.target("4. One deliberation extract (p95 of 100, generated and filed)", Report.ms(extractP95) + " ms",
                "≤ 20 ms", extractP95 <= 20);

        // a séance of 200 items through the real processes, then its documents produced anew, one by one
        int items = Integer.getInteger("bench.sessionItems", 200);
        long cohortStart = System.nanoTime();
        lifecycles.run(false, 1, 1, items);
        double cohortSeconds = (System.nanoTime() - cohortStart) / 1e9;
        Lifecycles.Cohort big = lifecycles.lastCohort;
        List<Long> itemIds = agenda.agendaItemIds(big.sessionId());
        long start = System.nanoTime();
        generator.convocation(big.sessionId());
        double convocation = (System.nanoTime() - start) / 1e6;
        double[] extracts = new double[itemIds.size()];
        for (int i = 0; i < itemIds.size(); i++) {
            long s = System.nanoTime();
            generator.extract(itemIds.get(i));
            extracts[i] = (System.nanoTime() - s) / 1e6;
        }
        long m = System.nanoTime();
        generator.minutes(big.sessionId());
        double minutes = (System.nanoTime() - m) / 1e6;
        double total = (System.nanoTime() - start) / 1e6;
        Stats e = new Stats(extracts);
        List<String[]> seance = new ArrayList<>();
        seance.add(new String[] {"document", "count", "total ms", "p50 ms", "p95 ms", "max ms"});
        seance.add(new String[] {"convocation et ordre du jour", "1", Report.ms(convocation), "", "", ""});
        seance.add(new String[] {"extraits de délibération", String.valueOf(e.count()), Report.ms(e.sum()), Report.ms(e.p(50)),
                Report.ms(e.p(95)), Report.ms(e.max())});
        seance.add(new String[] {"procès-verbal", "1", Report.ms(minutes), "", "", ""});
        seance.add(new String[] {"all the séance's documents", String.valueOf(e.count() + 2), Report.ms(total), "", "", ""});
        report.table(Report.f("4. A séance of %d items: its documents produced again one after the other (the whole "
                + "lifecycle of its %d requests through the processes took %.1f s)", items, items, cohortSeconds), seance);
        report.target(Report.f("4. A %d-item séance's documents (agenda, %d extracts, minutes)", items, items),
                Report.f("%.2f s", total / 1000), "≤ 10 s", total <= 10_000);
        report.target(Report.f("4. An extract in a %d-item séance (p95)", items), Report.ms(e.p(95)) + " ms", "≤ 20 ms",
                e.p(95) <= 20);
        report.note(Report.f("Part 4 peak heap: %.0f MiB.", heap.reset()));
    }
}
