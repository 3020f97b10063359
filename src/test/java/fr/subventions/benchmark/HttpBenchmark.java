package fr.subventions.benchmark;

import fr.subventions.support.HttpApi;
import fr.subventions.support.PackagedApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Part 2: the submission API, {@code POST /api/requests} (HTTP Basic, as the applicant {@code demandeur}), under load
 * from this process against the packaged jar started as a process of its own (profiles mariadb and demo, -Xmx512m, its
 * job executor producing each request's acknowledgement meanwhile, as in production) on a database of its own.
 *
 * <p>Fixed rate: a request is due every 1/rate s whatever the answers; its latency counts from when it was due, not
 * from when it could be sent, so that a stall shows in the percentiles (no coordinated omission). Closed loop: {@code
 * clients} clients each send their next request as soon as the previous one is answered; throughput is what they got
 * answered. Between the two the jar's job executor catches up with the acknowledgements.
 */
final class HttpBenchmark {

    static final String DATABASE = Benchmark.DATABASE + "_http";
    private static final Pattern PROM_HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+-]+)",
            Pattern.MULTILINE);

    private HttpBenchmark() {
    }

    static void run(Report report, HeapMonitor heap) throws Exception {
        int seconds = Integer.getInteger("bench.httpSeconds", 30);
        int rate = Integer.getInteger("bench.rate", 100);
        int clients = Integer.getInteger("bench.clients", 16);
        PackagedApplication.recreate(DATABASE);
        Path log = Files.createTempFile("subventions-bench-http", ".log");
        try (PackagedApplication jar = PackagedApplication.start(DATABASE, log)) {
            JdbcTemplate db = PackagedApplication.jdbc(DATABASE);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(8)).build();
            AtomicLong jarHeapPeak = new AtomicLong();
            Thread scraper = scraper(http, jar.url(), jarHeapPeak);
            try {
                // warm-up: the jar's JIT, its pools
                closedLoop(http, jar.url(), 4, 10);
                drain(db);
                String loadBefore = Machine.loadAverage();
                Result fixed = fixedRate(http, jar.url(), rate, seconds);
                String loadAfterFixed = Machine.loadAverage();
                long backlog = db.queryForObject("select count(*) from ACT_RU_JOB", Long.class);
                drain(db);
                String loadBeforeClosed = Machine.loadAverage();
                Result closed = closedLoop(http, jar.url(), clients, seconds);
                String loadAfterClosed = Machine.loadAverage();
                long closedBacklog = db.queryForObject("select count(*) from ACT_RU_JOB", Long.class);
                drain(db);
                double jarResident = Machine.residentPeakMiB(jar.pid());
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"load", "requests answered", "errors", "throughput /s", "p50 ms", "p95 ms", "p99 ms",
                        "max ms", "acknowledgements not yet produced at the end", "load average before → after"});
                rows.add(fixed.row(Report.f("fixed rate %d/s for %d s", rate, seconds), backlog, loadBefore + " → " + loadAfterFixed));
                rows.add(closed.row(Report.f("closed loop, %d clients for %d s", clients, seconds), closedBacklog,
                        loadBeforeClosed + " → " + loadAfterClosed));
                report.table("2. POST /api/requests against the packaged jar, a process of its own, from this process", rows);
                report.target(Report.f("2. Submission p99 at %d requests/s (%.1f/s answered, %d errors; p50 %s, p95 %s ms)",
                        rate, fixed.throughput(), fixed.errors(), Report.ms(fixed.stats().p(50)), Report.ms(fixed.stats().p(95))),
                        Report.ms(fixed.stats().p(99)) + " ms", "≤ 100 ms", fixed.stats().p(99) <= 100 && fixed.errors() == 0);
                report.target(Report.f("2. Submission throughput, %d clients, closed loop (p50 %s, p95 %s, p99 %s ms)", clients,
                        Report.ms(closed.stats().p(50)), Report.ms(closed.stats().p(95)), Report.ms(closed.stats().p(99))),
                        Report.f("%.1f requests/s", closed.throughput()), "—", null);
                report.target("5. Peak heap of the jar's JVM (-Xmx512m), sampled every second from /actuator/prometheus",
                        Report.f("%.0f MiB", jarHeapPeak.get() / 1048576.0), "≤ 512 MB", jarHeapPeak.get() <= 512L * 1024 * 1024);
                report.target("5. Resident memory peak (VmHWM) of the jar's process", Report.f("%.0f MiB", jarResident), "—", null);
            } finally {
                scraper.interrupt();
            }
        }
        if (!ERRORS.isEmpty()) {
            report.note("Part 2 errors, by kind: " + ERRORS.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey())
                    .collect(Collectors.joining("; ")) + ".");
        }
        report.note(Report.f("Part 2 peak heap of the benchmark's JVM (the load generator; the in-process application idle): %.0f MiB.",
                heap.reset()));
    }

    record Result(Stats stats, int errors, double throughput) {
        String[] row(String load, long backlog, String loadAverage) {
            return new String[] {load, String.valueOf(stats.count()), String.valueOf(errors), Report.f("%.1f", throughput),
                    Report.ms(stats.p(50)), Report.ms(stats.p(95)), Report.ms(stats.p(99)), Report.ms(stats.max()),
                    String.valueOf(backlog), loadAverage};
        }
    }

    static Result fixedRate(HttpClient http, String base, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<Void>> pending = new ArrayList<>(total);
        long period = 1_000_000_000L / rate;
        long t0 = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < total; i++) {
            long due = t0 + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = i;
            pending.add(http.sendAsync(submission(base, "f" + i), HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        latencies[n] = System.nanoTime() - due;
                        if (failure != null || response.statusCode() != 201) {
                            errors.incrementAndGet();
                            ERRORS.merge(failure != null ? failure.getClass().getSimpleName()
                                    : "HTTP " + response.statusCode() + " " + firstLine(response.body()), 1, Integer::sum);
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return new Result(Stats.ofNanos(latencies, total), errors.get(), total / elapsed);
    }

    static Result closedLoop(HttpClient http, String base, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> all = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger counts = new AtomicInteger();
        List<Future<long[]>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                long[] mine = new long[100_000];
                int n = 0;
                while (System.nanoTime() < end && n < mine.length) {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(submission(base, "c" + client + "-" + n),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            errors.incrementAndGet();
                            ERRORS.merge("HTTP " + response.statusCode() + " " + firstLine(response.body()), 1, Integer::sum);
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        ERRORS.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                    mine[n++] = System.nanoTime() - s;
                }
                counts.addAndGet(n);
                return Arrays.copyOf(mine, n);
            }));
        }
        for (Future<long[]> f : work) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(Stats.ofNanos(merged, merged.length), errors.get(), counts.get() / elapsed);
    }

    /** Each kind of error seen (status and the answer's start, or the exception), with its count, for the notes. */
    static final ConcurrentMap<String, Integer> ERRORS = new ConcurrentHashMap<>();

    static String firstLine(String body) {
        String line = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    static HttpRequest submission(String base, String key) {
        String body = """
                {"applicant": {"name": "Association Charge %s", "siret": "73282932000074",
                 "legalForm": "COMPANY", "address": "2 rue Maréchal Leclerc, 21000 Dijon",
                 "email": "contact@numerique.example", "representative": "Marie Dupont"},
                 "title": "Banc d'essai de dépôt", "description": "Une action sur le territoire de Dijon Métropole.",
                 "theme": "DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE ET SOLIDARITES", "fiscalYear": %d,
                 "totalBudget": 72000, "requestedAmount": 20000,
                 "cofinancing": [{"funder": "NUMEUM France", "amount": 10000}, {"funder": "Autofinancement", "amount": 42000}]}
                """.formatted(key, Year.now().getValue());
        return HttpRequest.newBuilder(URI.create(base + "/api/requests")).timeout(Duration.ofSeconds(60))
                .header("Authorization", HttpApi.basic("demandeur")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** Until the jar's job executor has produced every acknowledgement (at most five minutes). */
    static void drain(JdbcTemplate db) {
        long until = System.currentTimeMillis() + 300_000;
        while (db.queryForObject("select count(*) from ACT_RU_JOB where DUEDATE_ is null or DUEDATE_ <= now()", Long.class) > 0
                && System.currentTimeMillis() < until) {
            Lifecycles.sleep(500);
        }
    }

    /** The jar's heap in use, from its Prometheus endpoint (as the administrator demo), every second. */
    static Thread scraper(HttpClient http, String base, AtomicLong peak) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                            .header("Authorization", HttpApi.basic("demo")).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    Matcher m = PROM_HEAP.matcher(r.body());
                    long sum = 0;
                    while (m.find()) {
                        sum += (long) Double.parseDouble(m.group(1));
                    }
                    peak.accumulateAndGet(sum, Math::max);
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    Lifecycles.sleep(1000);
                }
            }
        }, "jar-heap-scraper");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
