package fr.subventions.benchmark;

import fr.subventions.support.HttpApi;
import fr.subventions.support.MariaDbDatabase;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Part 3: the officer's task list with many open requests in the database. The open requests are copies of five
 * requests the real processes left at five stages ({@link OpenRequests}): 30 % at completeness and 30 % at instruction
 * (the officers' queue), 20 % awaiting an agenda, 10 % at the beneficiary's signature, 10 % at imputation.
 *
 * <p>What the officer works: Camunda Tasklist, filter « Mes tâches » (the tasks assigned to them, {@code TaskFilters}):
 * {@link #ASSIGNED} tasks at instruction are assigned to {@code instructeur} ({@link OpenRequests#assign}), its page and
 * count are the target. Where they pick their next task: filter « Instruction » (candidate group instructeurs, claimed tasks
 * included, {@code TaskFilters}). Tasklist asks the webapp's API for the filter's first page, 15 tasks sorted by
 * creation date, newest first, as HAL (the count and each task's candidate groups, process definition and assignee
 * embedded), and for each filter's count for its menu; both are timed over HTTP, logged into Tasklist as
 * {@code instructeur}, as the browser sends them. The same query on the engine's FilterService, without HTTP but
 * authenticated as the officer (the engine checks no authorization otherwise), shows the engine's share. Our own list, {@code GET /api/requests?status=IN_INSTRUCTION} (HTTP Basic, instructeur), is
 * timed too, a page at a time: its first page, and a page in the middle.
 */
final class TaskListBenchmark {

    private TaskListBenchmark() {
    }

    static void run(Report report, ConfigurableApplicationContext context, JdbcTemplate jdbc, HeapMonitor heap,
            Lifecycles lifecycles) throws Exception {
        int open = Integer.getInteger("bench.openRequests", 100_000);
        List<OpenRequests.Template> templates = lifecycles.templates();
        int[] shares = {30, 30, 20, 10, 10};
        String[] stages = {"completeness", "instruction", "awaiting an agenda", "beneficiary's signature", "imputation"};
        OpenRequests copier = new OpenRequests(MariaDbDatabase.SERVER + Benchmark.DATABASE, MariaDbDatabase.USER,
                MariaDbDatabase.PASSWORD);
        long start = System.nanoTime();
        long rows = 0;
        long first = 1;
        List<String> made = new ArrayList<>();
        boolean loaded = Benchmark.REUSE_DATA && jdbc.queryForObject(
                "select count(*) from subsidy_request where status <> 'CLOSED'", Long.class) >= open;
        for (int i = 0; i < templates.size() && !loaded; i++) {
            int copies = open * shares[i] / 100;
            rows += copier.copy(templates.get(i), copies, first, "SUB-" + Year.now().getValue() + "-B");
            first += copies;
            made.add(copies + " at " + stages[i]);
        }
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        // The officer's own workload: tasks claimed from the queue, which « Mes tâches » lists (idempotent, so a kept
        // database gets only what it misses)
        int assignedNow = copier.assign(OFFICER, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST, ASSIGNED);
        for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_RU_VARIABLE",
                "ACT_RU_EVENT_SUBSCR", "ACT_RU_JOB", "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
                "subsidy_request", "stage_event", "request_cofinancing")) {
            jdbc.queryForList("analyze table " + table);
        }
        long openInDatabase = jdbc.queryForObject("select count(*) from subsidy_request where status <> 'CLOSED'", Long.class);
        TaskService tasks = context.getBean(TaskService.class);
        long officerTasks = tasks.createTaskQuery().taskCandidateGroup("instructeurs").includeAssignedTasks().count();
        long officersOwn = tasks.createTaskQuery().taskAssignee(OFFICER).count();
        if (loaded) {
            report.note(Report.f("Part 3 data: kept from an earlier run (bench.reuseData); %,d requests not closed in the "
                    + "database, %,d tasks in the officers' queue.", openInDatabase, officerTasks));
        } else {
            report.note(Report.f("Part 3 data: %,d open requests copied in %.1f s (%,d rows, bulk JDBC inserts of copies of "
                    + "requests the real processes brought to each stage: %s); %,d requests not closed in the database, "
                    + "%,d tasks in the officers' queue.", open, loadSeconds, rows, String.join(", ", made), openInDatabase,
                    officerTasks));
        }
        report.note(Report.f("Part 3 workload: %,d tasks « Instruire la demande » assigned to %s (%,d now; ASSIGNEE_ and "
                + "the user grant the engine writes for an assignee, READ and UPDATE on the task).", officersOwn, OFFICER,
                assignedNow));

        FilterService filters = context.getBean(FilterService.class);
        Filter instruction = filters.createFilterQuery().filterName("Instruction").singleResult();
        int port = Benchmark.port(context);
        Tasklist tasklist = new Tasklist("http://127.0.0.1:" + port, "instructeur");
        String list = "/camunda/api/engine/engine/default/filter/" + instruction.getId() + "/list?firstResult=0&maxResults=15";
        String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
                + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
        String count = "/camunda/api/engine/engine/default/filter/" + instruction.getId() + "/count";
        Filter mine = filters.createFilterQuery().filterName("Mes tâches").singleResult();
        String mineList = "/camunda/api/engine/engine/default/filter/" + mine.getId() + "/list?firstResult=0&maxResults=15";
        String mineCount = "/camunda/api/engine/engine/default/filter/" + mine.getId() + "/count";
        int runs = Integer.getInteger("bench.taskListRuns", 200);
        // « Mes tâches » first: the officer's list, the target; then the group's queue
        Stats mineHal = timeOrGiveUp(runs, () -> tasklist.post(mineList, body), jdbc);
        Stats mineCountStats = timeOrGiveUp(runs, () -> tasklist.get(mineCount), jdbc);
        // A query that does not answer within the timeout is reported as such, and not asked again: the engine's own
        // call (no timeout of its own) is then skipped, and the statements left running are killed
        Stats hal = timeOrGiveUp(runs, () -> tasklist.post(list, body), jdbc);
        Stats countStats = timeOrGiveUp(runs, () -> tasklist.get(count), jdbc);
        // as the officer, like the webapp's calls: without an authenticated user the engine checks no authorization
        IdentityService identity = context.getBean(IdentityService.class);
        Stats mineEngine = mineHal == null || mineCountStats == null ? null : time(runs, () -> {
            identity.setAuthentication(OFFICER, List.of("instructeurs"));
            try {
                TaskQuery sorted = tasks.createTaskQuery().orderByTaskCreateTime().desc();
                int listed = filters.listPage(mine.getId(), sorted, 0, 15).size();
                long counted = filters.count(mine.getId());
                if (counted != officersOwn || listed != Math.min(15, officersOwn)) {
                    throw new IllegalStateException("« Mes tâches » lists " + listed + " of " + counted + " tasks, "
                            + officersOwn + " assigned");
                }
                return 200;
            } finally {
                identity.clearAuthentication();
            }
        });
        Stats engine = hal == null || countStats == null ? null : time(runs, () -> {
            identity.setAuthentication("instructeur", List.of("instructeurs"));
            try {
                TaskQuery sorted = tasks.createTaskQuery().orderByTaskCreateTime().desc();
                filters.listPage(instruction.getId(), sorted, 0, 15);
                filters.count(instruction.getId());
                return 200;
            } finally {
                identity.clearAuthentication();
            }
        });
        // Our own list, a page at a time (RequestController): the first page at the default size, and a page in the
        // middle of the 30 000 requests in instruction (the index walks the pages before it)
        String api = "http://127.0.0.1:" + port + "/api/requests?status=IN_INSTRUCTION";
        int apiRuns = Integer.getInteger("bench.apiListRuns", 200);
        HttpClient http = HttpClient.newHttpClient();
        long[] sizes = new long[2];
        String[] total = new String[1];
        Stats apiFirst = time(apiRuns, () -> {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(api))
                    .header("Authorization", HttpApi.basic("instructeur")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            sizes[0] = response.body().length;
            total[0] = response.headers().firstValue("X-Total-Count").orElse("?");
            return response.statusCode();
        });
        long middle = Math.max(1, Long.parseLong(total[0]) / 100 / 2);
        Stats apiMiddle = time(apiRuns, () -> {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(api + "&page=" + middle))
                    .header("Authorization", HttpApi.basic("instructeur")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            sizes[1] = response.body().length;
            return response.statusCode();
        });
        List<String[]> rowsTable = new ArrayList<>();
        rowsTable.add(new String[] {"query (officer instructeur)", "runs", "p50 ms", "p95 ms", "max ms"});
        rowsTable.add(row(Report.f("Tasklist, filter « Mes tâches » (%,d assigned): first page (15, newest first) with its "
                + "count, HAL, over HTTP", officersOwn), mineHal));
        rowsTable.add(row("Tasklist, filter « Mes tâches »: count for the menu, over HTTP", mineCountStats));
        rowsTable.add(row("the same « Mes tâches » page and count on the engine's FilterService as instructeur (no HTTP)",
                mineEngine));
        rowsTable.add(row("Tasklist, filter « Instruction »: first page (15, newest first) with its count, HAL, over HTTP", hal));
        rowsTable.add(row("Tasklist, filter « Instruction »: count for the menu, over HTTP", countStats));
        rowsTable.add(row("the same page and count on the engine's FilterService as instructeur (no HTTP)", engine));
        rowsTable.add(row(Report.f("GET /api/requests?status=IN_INSTRUCTION, first page of 100 (%,d bytes; X-Total-Count %s)",
                sizes[0], total[0]), apiFirst));
        rowsTable.add(row(Report.f("GET /api/requests?status=IN_INSTRUCTION&page=%d, a page in the middle (%,d bytes)", middle,
                sizes[1]), apiMiddle));
        report.table(Report.f("3. The officer's task list with %,d open requests (%,d tasks in the officers' queue)", open,
                officerTasks), rowsTable);
        // The target: the list the officer works, « Mes tâches »; the group's queue, where they pick tasks, still reported
        taskListTarget(report, Report.f("3. Task list p95 with %,d open requests (Tasklist's « Mes tâches » page", open),
                Report.f("%,d tasks assigned", officersOwn), mineHal);
        taskListTarget(report, Report.f("3. Group queue p95 with %,d open requests (Tasklist's « Instruction » page", open),
                Report.f("%,d tasks", officerTasks), hal);
        report.target(Report.f("3. Our /api/requests?status=IN_INSTRUCTION, first page of 100, p95 with %,d open requests "
                + "(p50 %s ms)", open, Report.ms(apiFirst.p(50))), Report.ms(apiFirst.p(95)) + " ms",
                "— (≤ 50 ms if it were the task list)", apiFirst.p(95) <= 50);
        report.note(Report.f("Part 3 peak heap: %.0f MiB.", heap.reset()));
    }

    /** The officer whose lists are timed. */
    static final String OFFICER = "instructeur";

    /** How many tasks the officer holds, claimed from the queue (bench.assignedTasks, 300). */
    /** A Tasklist page's target line: its p95 against 50 ms, or that it did not answer in time. */
    private static void taskListTarget(Report report, String page, String tasks, Stats stats) {
        if (stats == null) {
            report.target(page + " over HTTP)", "no answer within " + TIMEOUT.toSeconds() + " s", "≤ 50 ms", false);
        } else {
            report.target(page + " with its count over HTTP, " + tasks + "; p50 " + Report.ms(stats.p(50)) + " ms)",
                    Report.ms(stats.p(95)) + " ms", "≤ 50 ms", stats.p(95) <= 50);
        }
    }

    static final int ASSIGNED = Integer.getInteger("bench.assignedTasks", 300);

    /** How long one call of the task list may take (bench.taskListTimeoutSeconds, 60). */
    static final Duration TIMEOUT = Duration.ofSeconds(Integer.getInteger("bench.taskListTimeoutSeconds", 60));

    private static String[] row(String query, Stats stats) {
        return stats == null ? new String[] {query, "0", "no answer within " + TIMEOUT.toSeconds() + " s", "", ""}
                : new String[] {query, String.valueOf(stats.count()), Report.ms(stats.p(50)), Report.ms(stats.p(95)),
                        Report.ms(stats.max())};
    }

    /** {@link #time}, or null when a call times out; the engine's statements still running are then killed. */
    static Stats timeOrGiveUp(int runs, Call call, JdbcTemplate jdbc) throws Exception {
        try {
            return time(runs, call);
        } catch (HttpTimeoutException timedOut) {
            for (Long id : jdbc.queryForList("select id from information_schema.processlist where db = ? and command = "
                    + "'Query' and info like '%ACT_RU_TASK RES%'", Long.class, Benchmark.DATABASE)) {
                jdbc.execute("kill query " + id);
            }
            return null;
        }
    }

    interface Call {
        int call() throws Exception;
    }

    static Stats time(int runs, Call call) throws Exception {
        int warmUp = Math.max(3, runs / 10);
        for (int i = 0; i < warmUp; i++) {
            check(call.call());
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            check(call.call());
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return new Stats(millis);
    }

    private static void check(int status) {
        if (status != 200) {
            throw new IllegalStateException("answered " + status);
        }
    }

    /** Camunda's webapp API as the Tasklist page calls it: its own login, a session cookie and the CSRF token. */
    static final class Tasklist {
        private final String base;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http;
        private volatile String token;

        Tasklist(String base, String user) throws Exception {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
            send("GET", "/camunda/app/tasklist/default/", null, null, "text/html");
            HttpResponse<String> login = send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                    "username=" + user + "&password=" + user, "application/x-www-form-urlencoded", "application/json");
            if (login.statusCode() != 200) {
                throw new IllegalStateException("Tasklist login: " + login.statusCode() + " " + login.body());
            }
            // the session changes at login, and its token with it: a first GET after the login gives the new one
            send("GET", "/camunda/api/engine/engine/default/filter?resourceType=Task", null, null, "application/json");
        }

        int post(String path, String json) throws Exception {
            return checked(path, send("POST", path, json, "application/json", "application/hal+json"));
        }

        int get(String path) throws Exception {
            return checked(path, send("GET", path, null, null, "application/json"));
        }

        private static int checked(String path, HttpResponse<String> response) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return 200;
        }

        HttpResponse<String> send(String method, String path, String body, String contentType, String accept) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                    .header("Accept", accept)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            String csrf = token != null ? token : cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).reduce((a, b) -> b).orElse(null);
            if (csrf != null) {
                request.header("X-XSRF-TOKEN", csrf);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("X-XSRF-TOKEN").filter(t -> !t.isBlank() && !t.equals("Fetch"))
                    .ifPresent(t -> token = t);
            return response;
        }
    }

}
