package fr.subventions.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.scenario.SeedCaseMariaDbIT;
import fr.subventions.shared.Money;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ActsInBackground;
import fr.subventions.support.HttpApi;
import fr.subventions.support.MariaDbIntegrationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Budget lines under concurrent load on MariaDB (READ COMMITTED, as in production): twenty requests of 1 000 € each
 * race, through the API, for a line that has credit for seven of them. Exactly seven get through, the thirteen others
 * are refused with the domain's French message, and the line, read back from the database, never goes below zero;
 * the engagement numbers stay gapless. The same for reservations at instruction; and twenty first commitments of a
 * fiscal year on twenty lines at once, which race only for the year's numbering.
 *
 * <p>Each call is a real HTTP request on its own thread, held at a start gate until all twenty are ready, and completes
 * the request's Camunda task in its own transaction, as finance or the officer would. The requests are brought to that
 * task beforehand, one after the other. Fiscal years 2029 and 2030 and service codes {@code CONC_*} belong to this
 * class only.
 */
class BudgetConcurrencyMariaDbIT extends MariaDbIntegrationTest {

    static final int YEAR = 2029;
    static final int NEW_YEAR = 2030;
    static final int ATTEMPTS = 20;
    static final int ROOM_FOR = 7;
    static final BigDecimal EACH = new BigDecimal("1000.00");
    static final String HEADER = "exercice;chapitre;nature;fonction;service;code_service;libelle;credits_votes";

    @LocalServerPort
    int port;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    TaskCompleter tasks;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    MutableClock clock;
    @Autowired
    Scenarios scenarios;
    @Autowired
    SessionService sessions;
    @Autowired
    Agenda agenda;
    @Autowired
    Attendance attendance;
    @Autowired
    Voting voting;
    @Autowired
    ActsInBackground acts;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    @AfterEach
    void realTime() {
        // other MariaDB tests leave the shared clock in 2023, when 2029 is no fiscal year one may file for yet
        clock.reset();
    }

    @Test
    void twentyConcurrentCommitmentsOnALineWithCreditForSevenCommitExactlySeven() throws Exception {
        String held = line("CONC_HELD", "90", "Développement économique", "100000");
        String scarce = line("CONC_ENGAGE", "76", "Écologie urbaine", "7000");
        // Twenty requests of 1 000 € reserved on the well-funded line, each waiting for finance
        List<SubsidyRequest> waiting = awaitingImputation(YEAR, i -> held);
        assertFigures(held, "100000.00", "20000.00", "0.00");
        assertFigures(scarce, "7000.00", "0.00", "0.00");

        // Finance commits all twenty at once on the line that has credit for seven: the reservations stay on the other
        List<HttpResponse<String>> answers = race(waiting, request -> post("finances",
                "/api/requests/" + request.reference() + "/imputation",
                Map.of("lines", List.of(Map.of("code", scarce, "amount", EACH)))));

        List<SubsidyRequest> committed = new ArrayList<>();
        List<SubsidyRequest> refused = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            HttpResponse<String> answer = answers.get(i);
            if (answer.statusCode() == 200) {
                committed.add(waiting.get(i));
                JsonNode engagement = json.readTree(answer.body()).get("engagements").get(0);
                assertThat(engagement.get("code").asText()).isEqualTo(scarce);
                assertThat(engagement.get("engagementNumber").asText()).matches("ENG-" + YEAR + "-\\d{6}");
            } else {
                refused.add(waiting.get(i));
                assertRefusedForLackOfCredits(answer, "lines[0].amount", scarce);
            }
        }
        assertThat(committed).as("commitments that got through").hasSize(ROOM_FOR);
        assertThat(refused).hasSize(ATTEMPTS - ROOM_FOR);

        // Read back from the database: committed up to the voted credits and not a cent more
        assertFigures(scarce, "7000.00", "0.00", "7000.00");
        // the seven released their reservation on the other line, the thirteen refused kept theirs
        assertFigures(held, "100000.00", "13000.00", "0.00");
        assertThat(commitmentsOn(scarce)).hasSize(ROOM_FOR).allSatisfy(amount -> assertThat(amount).isEqualTo(EACH));
        assertEngagementNumbersGapless(YEAR, ROOM_FOR);
        for (SubsidyRequest request : committed) {
            assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.AWAITING_PAYMENT);
        }
        for (SubsidyRequest request : refused) {
            assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.AWAITING_IMPUTATION);
            assertThat(waitingAt(request, SubsidyRequestProcess.TASK_IMPUTE_BUDGET)).isTrue();
        }

        // The thirteen refused commit at once where each holds its reservation: every one gets through
        List<HttpResponse<String>> second = race(refused, request -> post("finances",
                "/api/requests/" + request.reference() + "/imputation",
                Map.of("lines", List.of(Map.of("code", held, "amount", EACH)))));
        assertThat(second).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        assertFigures(held, "100000.00", "0.00", "13000.00");
        assertFigures(scarce, "7000.00", "0.00", "7000.00");
        assertEngagementNumbersGapless(YEAR, ATTEMPTS);
    }

    @Test
    void firstEngagementsOfAFiscalYearCommittedAtOnceOnTwentyLinesAreNumberedWithoutAGap() throws Exception {
        // Lines of their own for each request, in a fiscal year that has no engagement number yet: the twenty
        // commitments share nothing but the year's numbering, which they all start at the same time
        List<String> own = lines(NEW_YEAR, ATTEMPTS, "CONC_FIRST", "10000");
        List<SubsidyRequest> waiting = awaitingImputation(NEW_YEAR, own::get);
        // the import of the year's lines created its counter: no number drawn yet
        assertThat(jdbc.queryForObject("select last_value from sequence_counter where name = ?", Long.class,
                "engagement-" + NEW_YEAR)).isZero();

        List<HttpResponse<String>> answers = race(waiting, request -> post("finances",
                "/api/requests/" + request.reference() + "/imputation",
                Map.of("lines", List.of(Map.of("code", own.get(waiting.indexOf(request)), "amount", EACH)))));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        for (String code : own) {
            assertFigures(code, "10000.00", "0.00", "1000.00");
        }
        assertEngagementNumbersGapless(NEW_YEAR, ATTEMPTS);
    }

    @Test
    void twentyConcurrentReservationsOnALineWithRoomForSevenReserveExactlySeven() throws Exception {
        String scarce = line("CONC_RESERVE", "71", "Écologie urbaine", "7000");
        List<SubsidyRequest> waiting = inInstruction(YEAR);

        // Twenty officers propose 1 000 € on the same line at once
        List<HttpResponse<String>> answers = race(waiting, request -> post("instructeur",
                "/api/requests/" + request.reference() + "/instruction",
                Map.of("opinion", "FAVORABLE", "proposedAmount", EACH, "report", "Rapport d'instruction.",
                        "budgetLines", List.of(Map.of("code", scarce, "amount", EACH)))));

        int reserved = 0;
        for (int i = 0; i < ATTEMPTS; i++) {
            HttpResponse<String> answer = answers.get(i);
            SubsidyRequest request = requests.byId(waiting.get(i).id());
            if (answer.statusCode() == 200) {
                reserved++;
                assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_AGENDA);
            } else {
                assertRefusedForLackOfCredits(answer, "budgetLines[0].amount", scarce);
                // refused as a whole: the officer's task is still open and the request holds nothing
                assertThat(request.status()).isEqualTo(RequestStatus.IN_INSTRUCTION);
                assertThat(waitingAt(request, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST)).isTrue();
            }
        }
        assertThat(reserved).as("reservations that got through").isEqualTo(ROOM_FOR);
        assertFigures(scarce, "7000.00", "7000.00", "0.00");
        assertThat(jdbc.queryForObject("select count(*) from budget_reservation r join budget_line l on "
                + "r.budget_line_id = l.id where l.code = ? and r.active", Integer.class, scarce)).isEqualTo(ROOM_FOR);
    }

    // ---------------------------------------------------------------------------------------------- the race

    /** Runs one call per request, each on its own thread, all released at once; answers in the requests' order. */
    private <T> List<T> race(List<SubsidyRequest> requests, Call<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch ready = new CountDownLatch(requests.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (SubsidyRequest request : requests) {
                answers.add(threads.submit((Callable<T>) () -> {
                    ready.countDown();
                    start.await();
                    return call.on(request);
                }));
            }
            ready.await();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                // a guard against a hung server, not a measure: each call takes well under a second
                results.add(answer.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @FunctionalInterface
    interface Call<T> {
        T on(SubsidyRequest request) throws Exception;
    }

    private HttpResponse<String> post(String user, String path, Object body) throws Exception {
        return http.send(HttpApi.request(user, "http://127.0.0.1:" + port + path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A refusal the user can act on: 400 problem+json naming the line and what is left on it, nothing else. */
    private void assertRefusedForLackOfCredits(HttpResponse<String> answer, String field, String code) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("title").asText()).isEqualTo("Données invalides");
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asText())
                .isEqualTo("crédits insuffisants sur la ligne " + code + " : disponible " + Money.format(BigDecimal.ZERO));
    }

    // ---------------------------------------------------------------------------------------------- fixtures

    /** Creates a line of {@link #YEAR} through the budget import, as finance does; answers its code. */
    private String line(String serviceCode, String function, String service, String voted) throws Exception {
        importLines(YEAR + ";65;65748;" + function + ";" + service + ";" + serviceCode
                + ";Subventions de fonctionnement — essai de concurrence;" + voted, 1);
        return YEAR + "-65-65748-" + function + "-" + serviceCode;
    }

    /** Creates this many lines of the year, functions 1, 2…, with the same voted credits; answers their codes. */
    private List<String> lines(int year, int count, String serviceCode, String voted) throws Exception {
        List<String> rows = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int function = 1; function <= count; function++) {
            rows.add(year + ";65;65748;" + function + ";Écologie urbaine;" + serviceCode
                    + ";Subventions de fonctionnement — essai de concurrence;" + voted);
            codes.add(year + "-65-65748-" + function + "-" + serviceCode);
        }
        importLines(String.join("\n", rows), count);
        return codes;
    }

    private void importLines(String rows, int created) throws Exception {
        String csv = HEADER + "\n" + rows + "\n";
        String boundary = "----budget" + System.nanoTime();
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"budget.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> imported = http.send(HttpApi.request("finances", "http://127.0.0.1:" + port
                        + "/api/budget-lines/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(json.readTree(imported.body()).get("created").asInt()).isEqualTo(created);
    }

    /** Twenty requests filed and found complete: each waits for its instruction. */
    private List<SubsidyRequest> inInstruction(int year) {
        List<SubsidyRequest> filed = new ArrayList<>();
        // the acknowledgement of receipt is produced in the background before the completeness check
        stageByStage(i -> {
            filed.add(requests.submit(SeedRequests.ofNumerique(year), Scenarios.APPLICANT, null).request());
            scenarios.fileRepublicanCommitment(filed.get(i).reference());
        }, i -> awaitTask(filed.get(i), SubsidyRequestProcess.TASK_CHECK_COMPLETENESS));
        for (SubsidyRequest request : filed) {
            tasks.complete(SubsidyRequestProcess.KEY, request.reference(), SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                    Map.of("isComplete", true), "instructeur", "complétude");
            assertThat(waitingAt(request, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST)).isTrue();
        }
        return filed;
    }

    /**
     * Twenty requests of 1 000 € reserved on their lines, adopted by a séance of today, their deliberations received by
     * the prefecture and published (executory), their convention signed: each waits for finance.
     */
    private List<SubsidyRequest> awaitingImputation(int year, IntFunction<String> reservedOn) throws Exception {
        List<SubsidyRequest> filed = inInstruction(year);
        // the instruction report is produced in the background before the request can be placed on an agenda
        stageByStage(i -> tasks.complete(SubsidyRequestProcess.KEY, filed.get(i).reference(),
                SubsidyRequestProcess.TASK_INSTRUCT_REQUEST, Map.of("opinion", "FAVORABLE", "proposedAmount", EACH,
                        "budgetLines", reservedOn.apply(i) + " = " + EACH, "report", "Rapport d'instruction."),
                "instructeur", "instruction"), i -> await("the instruction report of " + filed.get(i).reference(),
                        () -> runtime.createExecutionQuery().processInstanceBusinessKey(filed.get(i).reference())
                                .messageEventSubscriptionName(SubsidyRequestProcess.MESSAGE_PLACED_ON_AGENDA).count() == 1));
        LocalDate day = LocalDate.now(clock);
        AssemblySession session = sessions.create(new CreateSession(AssemblyBody.BUREAU, day,
                "Salle du Conseil, 40 avenue du Drapeau, Dijon", scenarios.bureauMember("REBSAMEN").id(),
                scenarios.bureauMember("HOAREAU").id(), day.minusDays(6)));
        agenda.addToAgenda(session.id(), filed.stream().map(SubsidyRequest::reference).toList(), "secretariat");
        sessions.convene(session.id(), "secretariat");
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        for (SubsidyRequest request : filed) {
            voting.vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat");
        }
        // each deliberation sent once its extract and convention are produced in the background, then executory
        for (SubsidyRequest request : filed) {
            acts.makeExecutory(request.reference());
            awaitTask(request, SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY);
        }
        String today = day.toString();
        for (SubsidyRequest request : filed) {
            tasks.complete(SubsidyRequestProcess.KEY, request.reference(), SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY,
                    Map.of("signedBy", "Marie Dupont, présidente", "signedOn", today), "demandeur", "signature");
            tasks.complete(SubsidyRequestProcess.KEY, request.reference(), SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT,
                    Map.of("signedBy", "François Rebsamen", "signedOn", today), "secretariat", "signature");
            assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.AWAITING_IMPUTATION);
            assertThat(waitingAt(request, SubsidyRequestProcess.TASK_IMPUTE_BUDGET)).isTrue();
        }
        return filed;
    }

    /**
     * One step for each of the {@link #ATTEMPTS} requests, one after the other, then waits for what the job executor
     * produces next for each.
     */
    private void stageByStage(IntConsumer step, IntConsumer awaitNext) {
        for (int i = 0; i < ATTEMPTS; i++) {
            step.accept(i);
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            awaitNext.accept(i);
        }
    }

    private void awaitTask(SubsidyRequest request, String taskKey) {
        await(taskKey + " of " + request.reference(), () -> waitingAt(request, taskKey));
    }

    private static void await(String what, BooleanSupplier done) {
        SeedCaseMariaDbIT.await(what, done);
    }

    private boolean waitingAt(SubsidyRequest request, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).taskDefinitionKey(taskKey)
                .count() == 1;
    }

    // ---------------------------------------------------------------------------------------------- read back

    /** The line as the database holds it, to the cent; available never below zero. */
    private void assertFigures(String code, String voted, String reserved, String committed) {
        Map<String, Object> line = jdbc.queryForMap("select voted, reserved, committed from budget_line where code = ?", code);
        assertThat((BigDecimal) line.get("voted")).as("voted on %s", code).isEqualTo(new BigDecimal(voted));
        assertThat((BigDecimal) line.get("reserved")).as("reserved on %s", code).isEqualTo(new BigDecimal(reserved));
        assertThat((BigDecimal) line.get("committed")).as("committed on %s", code).isEqualTo(new BigDecimal(committed));
        BigDecimal available = ((BigDecimal) line.get("voted")).subtract((BigDecimal) line.get("reserved"))
                .subtract((BigDecimal) line.get("committed"));
        assertThat(available.signum()).as("available on %s", code).isGreaterThanOrEqualTo(0);
    }

    private List<BigDecimal> commitmentsOn(String code) {
        return jdbc.queryForList("select c.amount from budget_commitment c join budget_line l on c.budget_line_id = l.id "
                + "where l.code = ?", BigDecimal.class, code);
    }

    /** Every engagement number of the year, 1 to n without a gap, and the counter at n: no refusal used one up. */
    private void assertEngagementNumbersGapless(int year, int expected) {
        List<String> numbers = jdbc.queryForList("select engagement_number from budget_commitment where engagement_number "
                + "like ? order by engagement_number", String.class, "ENG-" + year + "-%");
        List<String> gapless = new ArrayList<>();
        for (int n = 1; n <= expected; n++) {
            gapless.add(String.format("ENG-%d-%06d", year, n));
        }
        assertThat(numbers).isEqualTo(gapless);
        assertThat(jdbc.queryForObject("select last_value from sequence_counter where name = ?", Long.class,
                "engagement-" + year)).isEqualTo((long) expected);
    }
}
