package fr.subventions.benchmark;

import fr.subventions.shared.Caller;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.LegalForm;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.DocumentProductionProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Part 6, a selection of the worklist (issue 18): {@code bench.batchRequests} requests (500) submitted through the
 * service layer, each with a document of {@code bench.bundleDocumentKiB} KiB (1024) and its acknowledgement produced by
 * the job executor (.docx and PDF/A); a tenth taken by a colleague beforehand and a twentieth asked for missing
 * documents, so that the batch refuses them. Then, over HTTP as the officer {@code instructeur} would: one batch « TAKE »
 * over all of them ({@code POST /api/requests/batch}, target ≤ 30 s), and the ZIP of their documents
 * ({@code POST /api/exports/bundle}) read to its last byte, entry by entry, with the heap's peak meanwhile (target
 * ≤ 512 MB, the benchmark's JVM runs with -Xmx512m).
 */
final class SelectionBenchmark {

    static final String COLLEAGUE = "instructeur2";
    private static final Pattern COUNT = Pattern.compile("\"(done|refused)\":(\\d+)");

    private SelectionBenchmark() {
    }

    static void run(Report report, ConfigurableApplicationContext context, Lifecycles lifecycles, HeapMonitor heap)
            throws Exception {
        int size = Integer.getInteger("bench.batchRequests", 500);
        int kib = Integer.getInteger("bench.bundleDocumentKiB", 1024);
        SubsidyRequestService requests = context.getBean(SubsidyRequestService.class);
        DocumentService documents = context.getBean(DocumentService.class);
        TaskCompleter completer = context.getBean(TaskCompleter.class);
        TaskService tasks = context.getBean(TaskService.class);
        DemoUsers.ensure(context.getBean(IdentityService.class), COLLEAGUE, "Karim", "Second", Caller.OFFICERS);

        // the requests, each with a document of its own of the size asked (a PDF by its signature, padded)
        byte[] document = padded(kib);
        long setUp = System.nanoTime();
        List<String> references = new ArrayList<>();
        Set<String> instances = new LinkedHashSet<>();
        int year = Year.now().getValue();
        for (int i = 0; i < size; i++) {
            SubsidyRequest request = requests.submit(SeedRequests.of(SeedRequests.Beneficiary.fresh(LegalForm.ASSOCIATION),
                    year, new BigDecimal("5000")), Scenarios.APPLICANT, null).request();
            documents.upload(request.reference(), DocumentType.BUDGET_PREVISIONNEL, "budget-previsionnel.pdf", document,
                    Scenarios.APPLICANT);
            references.add(request.reference());
            instances.add(request.processInstanceId());
        }
        lifecycles.awaitJobs(instances);
        // refused by the batch: a tenth taken by a colleague, a twentieth waiting for the applicant's documents
        int taken = 0;
        int incomplete = 0;
        for (int i = 0; i < size; i++) {
            String reference = references.get(i);
            if (i % 10 == 3) {
                Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference)
                        .taskDefinitionKey(SubsidyRequestProcess.TASK_CHECK_COMPLETENESS).singleResult();
                tasks.claim(task.getId(), COLLEAGUE);
                taken++;
            } else if (i % 20 == 7) {
                completer.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                        Map.of("isComplete", false, "missing", "RIB", "comment", "RIB manquant"), "instructeur",
                        "complétude");
                incomplete++;
            }
        }
        lifecycles.awaitJobs(instances);
        lifecycles.awaitDocuments(DocumentProductionProcess.KEY, references);
        double setUpSeconds = (System.nanoTime() - setUp) / 1e9;

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + Benchmark.port(context);
        String credentials = "Basic " + Base64.getEncoder().encodeToString("instructeur:instructeur"
                .getBytes(StandardCharsets.UTF_8));
        String selection = references.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(", ", "[", "]"));

        // one batch over the whole selection, as the worklist's form or a script sends it
        String loadBefore = Machine.loadAverage();
        long start = System.nanoTime();
        HttpResponse<String> batch = http.send(HttpRequest.newBuilder(URI.create(base + "/api/requests/batch"))
                .timeout(Duration.ofMinutes(10)).header("Authorization", credentials)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"TAKE\", \"references\": " + selection + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        double batchSeconds = (System.nanoTime() - start) / 1e9;
        if (batch.statusCode() != 200) {
            throw new IllegalStateException("the batch answered " + batch.statusCode() + ": " + batch.body());
        }
        Matcher counts = COUNT.matcher(batch.body());
        int done = -1;
        int refused = -1;
        while (counts.find()) {
            if (counts.group(1).equals("done")) {
                done = Integer.parseInt(counts.group(2));
            } else {
                refused = Integer.parseInt(counts.group(2));
            }
        }
        report.target(Report.f("6. One batch « TAKE » over %d requests (POST /api/requests/batch, over HTTP): %d done, "
                + "%d refused (%d taken by a colleague, %d waiting for the applicant)", size, done, refused, taken,
                incomplete), Report.f("%.1f s", batchSeconds), "≤ 30 s", batchSeconds <= 30);

        // the ZIP of the selection's documents, read entry by entry to its last byte, nothing kept
        heap.reset();
        String loadZip = Machine.loadAverage();
        long zipStart = System.nanoTime();
        HttpResponse<InputStream> zip = http.send(HttpRequest.newBuilder(URI.create(base + "/api/exports/bundle"))
                .timeout(Duration.ofMinutes(30)).header("Authorization", credentials)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"references\": " + selection + "}")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (zip.statusCode() != 200) {
            throw new IllegalStateException("the bundle answered " + zip.statusCode());
        }
        long entries = 0;
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(zip.body(), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries++;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes += n;
                }
            }
        }
        double zipSeconds = (System.nanoTime() - zipStart) / 1e9;
        double peak = heap.reset();
        report.target(Report.f("6. ZIP of %d requests' documents (POST /api/exports/bundle), %,d entries, %.0f MiB "
                + "unpacked, streamed in %.1f s: peak heap of the JVM meanwhile, -Xmx%dm", size, entries,
                bytes / (1024.0 * 1024.0), zipSeconds, Math.round(HeapMonitor.maxHeapMiB())),
                Report.f("%.0f MiB", peak), "≤ 512 MB", peak <= 512);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"step", "requests", "seconds", "load average at the start"});
        rows.add(new String[] {"set-up: submitted, each with a " + kib + " KiB document and its acknowledgement produced;"
                + " " + taken + " taken by a colleague, " + incomplete + " asked for missing documents", String.valueOf(size),
                Report.f("%.1f", setUpSeconds), "—"});
        rows.add(new String[] {"batch « TAKE » (each request checked and claimed alone)", String.valueOf(size),
                Report.f("%.1f", batchSeconds), loadBefore});
        rows.add(new String[] {Report.f("ZIP of their documents, %,d entries, %,d bytes unpacked", entries, bytes),
                String.valueOf(size), Report.f("%.1f", zipSeconds), loadZip});
        report.table(Report.f("6. A selection of %d requests from the worklist: one batch action and the ZIP of their "
                + "documents", size), rows);
        report.note(Report.f("Part 6 peak heap during the ZIP: %.0f MiB (every file read from the database one at a "
                + "time and written to the response as it comes).", peak));
    }

    /** A PDF by its signature, padded with spaces to {@code kib} KiB. */
    static byte[] padded(int kib) {
        byte[] head = "%PDF-1.4\n% banc d'essai\n".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[Math.max(kib * 1024, head.length + tail.length)];
        Arrays.fill(content, (byte) ' ');
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(tail, 0, content, content.length - tail.length, tail.length);
        return content;
    }
}
