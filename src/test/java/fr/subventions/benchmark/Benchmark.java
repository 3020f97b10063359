package fr.subventions.benchmark;

import fr.subventions.SubventionsApplication;
import fr.subventions.budget.BudgetImport;
import fr.subventions.budget.BudgetService;
import fr.subventions.bureau.Agenda;
import fr.subventions.documents.DocumentGenerator;
import fr.subventions.documents.PdfRenditions;
import fr.subventions.documents.Workbooks;
import fr.subventions.signature.ActSigner;
import fr.subventions.signature.SignatoryRole;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.support.MariaDbDatabase;
import fr.subventions.support.MutableClock;
import fr.subventions.support.PackagedApplication;
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

/**
 * The benchmark suite (issue 8), not a test: one JVM run, on the machine's MariaDB, that prints its figures and writes
 * them to docs/benchmarks.md. Command (docs/benchmark-suite.md):
 *
 * <pre>mvn -B -Pbenchmark -DskipTests package</pre>
 *
 * <p>It creates its database {@code subventions_bench} anew, starts the application in this JVM (profiles mariadb and
 * demo, the job executor on, as in production) and runs, in this order: 1. full lifecycles against the bare engine at
 * 1 and 4 threads; 4. milliseconds per document, and a séance of 200 items; 3. the officer's task list with 100 000
 * open requests, then the back office's worklist, search, dossier page and exports on them; 6. a selection of 500
 * requests: one batch action over them, and the ZIP of their documents streamed; 2. the submission API under HTTP load, against the packaged jar started as a process of its own on a
 * database of its own ({@code subventions_bench_http}); 5. the peak heap and resident memory of both JVMs throughout.
 *
 * <p>System properties (-Dbench.…, passed with {@code -Dbench.options="…"} on the Maven command line): {@code
 * bench.parts} (default 1,4,3,6,2), {@code bench.cohorts} (10), {@code bench.cohortSize} (50), {@code bench.openRequests}
 * (100000), {@code bench.batchRequests} (500), {@code bench.bundleDocumentKiB} (1024), {@code bench.documentRuns} (100), {@code bench.documentWarmUp} (20), {@code bench.httpSeconds} (30), {@code bench.rate} (100), {@code bench.clients} (16), {@code bench.output}
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
        Set<String> parts = Arrays.stream(System.getProperty("bench.parts", "1,4,3,6,2").split(",")).map(String::trim)
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
                        case "6" -> SelectionBenchmark.run(report, context, lifecycles, heap);
                        default -> throw new IllegalArgumentException("unknown part " + part);
                    }
                }
            }
            double selfPeak = Machine.residentPeakMiB(ProcessHandle.current().pid());
            report.target("Peak heap of the benchmark's JVM (application in-process, parts 1, 3, 4, 6), -Xmx"
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
                        // the acts' packages and the prefecture's replies (TestPrefecture), under target/; the inbox
                        // read by the benchmark itself once the replies are there, not every minute
                        "--subventions.transmission.outbox=target/benchmark-actes/outbox",
                        "--subventions.transmission.inbox=target/benchmark-actes/inbox",
                        "--subventions.transmission.scheduling=false",
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
        report.note(Report.f("Part 1: %d acts of deliberation were signed, their convention filed, and yet not sent to "
                + "the prefecture (the extract's job and the convention's ran at once, each committing before it saw the "
                + "other: ActRegister.deliberationSigned, conventionFiled); the benchmark sent them again "
                + "(ActRegister.sendAgain) before acknowledging the séance's acts.", lifecycles.unsent.get()));
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
        BudgetService budget = context.getBean(BudgetService.class);
        Long request = cohort.requestIds().get(0);
        Long session = cohort.sessionId();
        int year = Year.now().getValue();
        // the extract is not produced again here: its act was sent to the prefecture, and the register refuses a new
        // one (Act.resigned); it is timed below, as PDF/A and signatures on its .docx, and in the séance, once per item
        Map<String, Runnable> documents = new LinkedHashMap<>();
        documents.put("accusé de réception (.docx + PDF/A)", () -> generator.forRequest(DocumentType.ACKNOWLEDGEMENT, request));
        documents.put("rapport d'instruction (.docx + PDF/A)",
                () -> generator.forRequest(DocumentType.INSTRUCTION_REPORT, request));
        documents.put("convocation et ordre du jour, " + cohort.requestIds().size() + " points (.docx + PDF/A)",
                () -> generator.convocation(session));
        documents.put("convention (.docx + PDF/A)", () -> generator.forRequest(DocumentType.CONVENTION, request));
        documents.put("fiche d'engagement (.xlsx)", () -> generator.forRequest(DocumentType.ENGAGEMENT_SHEET, request));
        documents.put("notification d'attribution (.docx + PDF/A signed once)",
                () -> generator.forRequest(DocumentType.NOTIFICATION_GRANTED, request));
        documents.put("certificat du caractère exécutoire (.docx + PDF/A signed once)",
                () -> generator.forRequest(DocumentType.EXECUTORY_CERTIFICATE, request));
        documents.put("procès-verbal, " + cohort.requestIds().size() + " points (.docx + PDF/A signed twice)",
                () -> generator.minutes(session));
        documents.put("budget of the fiscal year (.xlsx, not filed)", () -> Workbooks.budgetWorkbook(year, budget.lines(year)));
        int warmUp = Integer.getInteger("bench.documentWarmUp", 20);
        int runs = Integer.getInteger("bench.documentRuns", 100);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"document (produced and filed in request_document)", "mean ms", "p50 ms", "p95 ms"});
        for (Map.Entry<String, Runnable> document : documents.entrySet()) {
            Stats stats = time(document.getValue(), warmUp, runs);
            rows.add(new String[] {document.getKey(), Report.ms(stats.mean()), Report.ms(stats.p(50)), Report.ms(stats.p(95))});
        }
        // PDF/A conversion and the two signatures of one extract, on the cohort's first extract as filed
        PdfRenditions renditions = context.getBean(PdfRenditions.class);
        ActSigner signer = context.getBean(ActSigner.class);
        DocumentService filed = context.getBean(DocumentService.class);
        Long extractId = context.getBean(JdbcTemplate.class).queryForObject("select min(id) from request_document where "
                + "type = 'DELIBERATION_EXTRACT' and media_type = ? and session_id = ?", Long.class, DocumentType.DOCX,
                session);
        byte[] docx = filed.withContent(extractId).orElseThrow().content();
        Stats conversion = time(() -> renditions.toPdfA(docx), warmUp, runs);
        byte[] pdf = renditions.toPdfA(docx);
        Stats signatures = time(() -> signer.sign(signer.sign(pdf, SignatoryRole.SECRETARY, null), SignatoryRole.PRESIDENT,
                null), warmUp, runs);
        Stats both = time(() -> signer.sign(signer.sign(renditions.toPdfA(docx), SignatoryRole.SECRETARY, null),
                SignatoryRole.PRESIDENT, null), warmUp, runs);
        rows.add(new String[] {"extrait de délibération: PDF/A conversion of its .docx (LibreOffice)",
                Report.ms(conversion.mean()), Report.ms(conversion.p(50)), Report.ms(conversion.p(95))});
        rows.add(new String[] {"extrait de délibération: two PAdES signatures (secretary, President)",
                Report.ms(signatures.mean()), Report.ms(signatures.p(50)), Report.ms(signatures.p(95))});
        rows.add(new String[] {"extrait de délibération: PDF/A conversion + two signatures, not filed",
                Report.ms(both.mean()), Report.ms(both.p(50)), Report.ms(both.p(95))});
        report.table(Report.f("4. Milliseconds per document, %d runs each after %d to warm up, on MariaDB", runs, warmUp),
                rows);
        report.target(Report.f("4. PDF/A conversion + two signatures of one extract (p95 of %d)", runs),
                Report.ms(both.p(95)) + " ms", "≤ 500 ms", both.p(95) <= 500);

        // a séance of 200 items through the real processes, its documents held back, then produced once, one by one
        int items = Integer.getInteger("bench.sessionItems", 200);
        long cohortStart = System.nanoTime();
        Lifecycles.Cohort big = lifecycles.heldSeance(items);
        double cohortSeconds = (System.nanoTime() - cohortStart) / 1e9;
        double[] extracts;
        double list;
        double minutes;
        double convocation;
        double total;
        try {
            List<Long> itemIds = agenda.agendaItemIds(big.sessionId());
            long start = System.nanoTime();
            extracts = new double[itemIds.size()];
            for (int i = 0; i < itemIds.size(); i++) {
                long s = System.nanoTime();
                generator.extract(itemIds.get(i));
                extracts[i] = (System.nanoTime() - s) / 1e6;
            }
            long l = System.nanoTime();
            generator.deliberationList(big.sessionId());
            list = (System.nanoTime() - l) / 1e6;
            long m = System.nanoTime();
            generator.minutes(big.sessionId());
            minutes = (System.nanoTime() - m) / 1e6;
            total = (System.nanoTime() - start) / 1e6;
            long c = System.nanoTime();
            generator.convocation(big.sessionId());
            convocation = (System.nanoTime() - c) / 1e6;
        } finally {
            lifecycles.dropHeldDocuments();
        }
        Stats e = new Stats(extracts);
        List<String[]> seance = new ArrayList<>();
        seance.add(new String[] {"document", "count", "total ms", "p50 ms", "p95 ms", "max ms"});
        seance.add(new String[] {"extraits de délibération (.docx, PDF/A, 2 signatures, act recorded; its sending waits for the convention, held back)",
                String.valueOf(e.count()), Report.ms(e.sum()), Report.ms(e.p(50)), Report.ms(e.p(95)), Report.ms(e.max())});
        seance.add(new String[] {"liste des délibérations (.docx, PDF/A, 2 signatures, act recorded)", "1", Report.ms(list),
                "", "", ""});
        seance.add(new String[] {"procès-verbal (.docx, PDF/A, 2 signatures)", "1", Report.ms(minutes), "", "", ""});
        seance.add(new String[] {"signed extracts, list and procès-verbal", String.valueOf(e.count() + 2), Report.ms(total),
                "", "", ""});
        seance.add(new String[] {"convocation et ordre du jour (.docx, PDF/A; not in the total)", "1",
                Report.ms(convocation), "", "", ""});
        report.table(Report.f("4. A séance of %d items: its signed acts produced once, one after the other (its %d "
                + "requests submitted, instructed, voted and the séance closed through the processes first, in %.1f s)",
                items, items, cohortSeconds), seance);
        report.target(Report.f("4. A %d-item séance: signed PDF/A extracts, list of deliberations and procès-verbal",
                items), Report.f("%.1f s", total / 1000), "≤ 60 s", total <= 60_000);
        report.target(Report.f("4. An extract in a %d-item séance, produced, signed twice, filed, its act recorded (p95)", items),
                Report.ms(e.p(95)) + " ms", "—", null);
        report.note(Report.f("Part 4 peak heap: %.0f MiB.", heap.reset()));
    }

    /** The milliseconds of {@code runs} calls after {@code warmUp}. */
    static Stats time(Runnable work, int warmUp, int runs) {
        for (int i = 0; i < warmUp; i++) {
            work.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return new Stats(millis);
    }
}
