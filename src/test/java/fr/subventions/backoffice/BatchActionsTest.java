package fr.subventions.backoffice;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.bureau.Agenda;
import fr.subventions.payment.PaymentService;
import fr.subventions.shared.Caller;
import fr.subventions.shared.Money;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Refusals;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * {@code POST /api/requests/batch}: one action on a selection, each request checked and acted on alone through the
 * single action's service — those at the right stage done, the others (unknown, at another stage, taken by a colleague,
 * another group's task) refused with their reason, in the order given, with the counts. Each action as the group it
 * belongs to; refused whole (403) for another group; bad input refused (400) before anything is done.
 */
@ApplicationTest
class BatchActionsTest {

    static final String COLLEAGUE = "instructeur2";
    static final String UNKNOWN = "SUB-2025-9999X";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    SelectionFixtures fixtures;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identity;
    @Autowired
    PaymentService payments;
    @Autowired
    Agenda agenda;
    @Autowired
    Refusals refusals;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void aColleague() {
        clock.reset();
        DemoUsers.ensure(identity, COLLEAGUE, "Karim", "Second", Caller.OFFICERS);
    }

    MockHttpServletRequestBuilder batch(String user, Map<String, Object> body) throws Exception {
        return post("/api/requests/batch").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
    }

    JsonNode done(String user, Map<String, Object> body) throws Exception {
        MockHttpServletResponse response = mvc.perform(batch(user, body)).andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(text).isEqualTo(200);
        return json.readTree(text);
    }

    static Map<String, Object> command(String action, List<String> references, Object... parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("references", references);
        for (int i = 0; i < parameters.length; i += 2) {
            body.put((String) parameters[i], parameters[i + 1]);
        }
        return body;
    }

    /** Each line's status and its reason or detail, by reference, in the order of the answer. */
    static Map<String, String> lines(JsonNode report) {
        Map<String, String> lines = new LinkedHashMap<>();
        report.path("results").forEach(line -> lines.put(line.path("reference").asText(), line.path("status").asText()
                + ": " + (line.path("status").asText().equals("DONE") ? line.path("detail").asText()
                        : line.path("reason").asText())));
        return lines;
    }

    String assignee(SubsidyRequest request) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult();
        return task.getAssignee();
    }

    void claim(SubsidyRequest request, String user) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult();
        taskService.claim(task.getId(), user);
    }

    @Test
    void officersTakeAndReleaseTheTasksTheyMayAndEachRefusalSaysWhy() throws Exception {
        SubsidyRequest first = fixtures.submitted();
        SubsidyRequest takenByColleague = fixtures.submitted();
        SubsidyRequest second = fixtures.submitted();
        SubsidyRequest secretariats = fixtures.awaitingClosure();
        SubsidyRequest waitingForTheAgenda = fixtures.instructed();
        claim(takenByColleague, COLLEAGUE);
        List<String> references = List.of(first.reference(), takenByColleague.reference(), UNKNOWN, second.reference(),
                secretariats.reference(), waitingForTheAgenda.reference());

        JsonNode taken = done("instructeur", command("TAKE", references));

        assertThat(taken.path("action").asText()).isEqualTo("TAKE");
        assertThat(taken.path("done").asInt()).isEqualTo(2);
        assertThat(taken.path("refused").asInt()).isEqualTo(4);
        Map<String, String> lines = lines(taken);
        assertThat(lines.keySet()).as("in the order given").containsExactlyElementsOf(references);
        assertThat(lines.get(first.reference())).isEqualTo("DONE: tâche « Vérifier la complétude » prise");
        assertThat(lines.get(second.reference())).startsWith("DONE");
        assertThat(lines.get(takenByColleague.reference())).startsWith("REFUSED: Cette tâche est prise par Karim Second "
                + "(instructeur2)");
        assertThat(lines.get(UNKNOWN)).isEqualTo("REFUSED: Demande inconnue : " + UNKNOWN);
        assertThat(lines.get(secretariats.reference())).isEqualTo("REFUSED: la tâche « Clôturer la demande » revient au "
                + "secrétariat des assemblées : votre rôle ne permet pas de la prendre");
        assertThat(lines.get(waitingForTheAgenda.reference())).startsWith("REFUSED: « " + waitingForTheAgenda.reference()
                + " » n'attend aucune tâche des agents : elle est à l'étape");
        assertThat(assignee(first)).isEqualTo("instructeur");
        assertThat(assignee(second)).isEqualTo("instructeur");
        assertThat(assignee(takenByColleague)).isEqualTo(COLLEAGUE);
        assertThat(assignee(secretariats)).isNull();

        JsonNode released = done("instructeur", command("RELEASE", List.of(first.reference(),
                takenByColleague.reference(), second.reference())));
        assertThat(released.path("done").asInt()).isEqualTo(2);
        assertThat(lines(released).get(takenByColleague.reference())).startsWith("REFUSED: Cette tâche est prise par "
                + "Karim Second (instructeur2) : seul qui l'a prise, ou un administrateur, peut la libérer.");
        assertThat(assignee(first)).isNull();
        assertThat(assignee(second)).isNull();
        assertThat(assignee(takenByColleague)).isEqualTo(COLLEAGUE);
    }

    @Test
    void anAdministratorGivesTasksToAnOfficerOfTheirGroupOnly() throws Exception {
        SubsidyRequest submitted = fixtures.submitted();
        SubsidyRequest secretariats = fixtures.awaitingClosure();

        JsonNode given = done("demo", command("ASSIGN", List.of(submitted.reference(), secretariats.reference()),
                "assignee", COLLEAGUE));

        Map<String, String> lines = lines(given);
        assertThat(lines.get(submitted.reference())).isEqualTo("DONE: tâche « Vérifier la complétude » confiée à Karim "
                + "Second (instructeur2)");
        assertThat(lines.get(secretariats.reference())).isEqualTo("REFUSED: choisissez un membre du groupe « secretariat »,"
                + " à qui revient cette tâche");
        assertThat(assignee(submitted)).isEqualTo(COLLEAGUE);
        assertThat(assignee(secretariats)).isNull();
        // giving is an administrator's: an officer is refused the whole batch, and nothing changes
        refusals.refused(batch("instructeur", command("ASSIGN", List.of(secretariats.reference()), "assignee",
                "instructeur")), 403);
    }

    @Test
    void theSecretariatPutsInstructedRequestsOnAnAgendaInPreparation() throws Exception {
        Long session = fixtures.sessionInPreparation();
        SubsidyRequest first = fixtures.instructed();
        SubsidyRequest second = fixtures.instructed();
        SubsidyRequest notInstructed = fixtures.submitted();

        JsonNode placed = done("secretariat", command("ADD_TO_AGENDA", List.of(first.reference(),
                notInstructed.reference(), second.reference()), "sessionId", session));

        Map<String, String> lines = lines(placed);
        assertThat(lines.get(first.reference())).isEqualTo("DONE: inscrite à l'ordre du jour : Bureau métropolitain du "
                + "jeudi 16 octobre 2025, point n° 1");
        assertThat(lines.get(second.reference())).endsWith("point n° 2");
        assertThat(lines.get(notInstructed.reference())).isEqualTo("REFUSED: La demande " + notInstructed.reference()
                + " ne peut être inscrite : elle est au statut « Déposée » (il faut une instruction favorable).");
        assertThat(requests.byId(first.id()).status()).isEqualTo(RequestStatus.ON_AGENDA);
        assertThat(requests.byId(second.id()).status()).isEqualTo(RequestStatus.ON_AGENDA);
        assertThat(agenda.requestsOnAgenda(session)).containsExactly(first.id(), second.id());

        // the agenda is the secretariat's; an unknown séance is bad input, and nothing is done
        SubsidyRequest third = fixtures.instructed();
        refusals.refused(batch("instructeur", command("ADD_TO_AGENDA", List.of(third.reference()), "sessionId",
                session)), 403);
        refusals.refused(batch("secretariat", command("ADD_TO_AGENDA", List.of(third.reference()), "sessionId",
                999_999)), 400, "sessionId");
        refusals.refused(batch("secretariat", command("ADD_TO_AGENDA", List.of(third.reference()))), 400, "sessionId");
    }

    @Test
    void financeRecordsThePaymentDueOfEachRequestWithOneDateAndMandate() throws Exception {
        SubsidyRequest first = fixtures.awaitingPayment();
        SubsidyRequest second = fixtures.awaitingPayment();
        SubsidyRequest notGranted = fixtures.submitted();
        String today = LocalDate.now(clock).toString();

        JsonNode paid = done("finances", command("RECORD_PAYMENT", List.of(first.reference(), second.reference(),
                notGranted.reference()), "paidOn", today, "mandateReference", "M-2025-0420"));

        Map<String, String> lines = lines(paid);
        assertThat(lines.get(first.reference())).isEqualTo("DONE: versement enregistré : versement unique de "
                + Money.format(new BigDecimal("100")) + ", mandat n° M-2025-0420");
        assertThat(lines.get(second.reference())).startsWith("DONE: versement enregistré");
        assertThat(lines.get(notGranted.reference())).isEqualTo("REFUSED: Impossible de verser la subvention : la "
                + "délibération attribuant la subvention " + notGranted.reference() + " n'est pas encore exécutoire (CGCT, "
                + "art. L2131-1 : elle doit avoir été publiée et reçue par le représentant de l'État).");
        for (SubsidyRequest request : List.of(first, second)) {
            assertThat(payments.schedule(request.id()).fullyPaid()).isTrue();
            assertThat(payments.schedule(request.id()).payments().get(0).mandateReference()).isEqualTo("M-2025-0420");
        }
        // paid already: a second batch refuses it with the schedule's own rule
        assertThat(lines(done("finances", command("RECORD_PAYMENT", List.of(first.reference()), "paidOn", today,
                "mandateReference", "M-2025-0421"))).get(first.reference()))
                .isEqualTo("REFUSED: La subvention est entièrement versée.");

        // the payment's rule on its date and mandate, checked once before any request; payments are finance's
        refusals.refused(batch("finances", command("RECORD_PAYMENT", List.of(second.reference()), "mandateReference",
                "M-1")), 400, "paidOn");
        refusals.refused(batch("finances", command("RECORD_PAYMENT", List.of(second.reference()), "paidOn",
                LocalDate.now(clock).plusDays(1).toString(), "mandateReference", "M-1")), 400, "paidOn");
        refusals.refused(batch("finances", command("RECORD_PAYMENT", List.of(second.reference()), "paidOn", today)),
                400, "mandateReference");
        refusals.refused(batch("instructeur", command("RECORD_PAYMENT", List.of(second.reference()), "paidOn", today,
                "mandateReference", "M-1")), 403);
        refusals.refused(batch("secretariat", command("RECORD_PAYMENT", List.of(second.reference()), "paidOn", today,
                "mandateReference", "M-1")), 403);
    }

    @Test
    void theSecretariatClosesRequestsAfterTheirDecision() throws Exception {
        SubsidyRequest first = fixtures.awaitingClosure();
        SubsidyRequest second = fixtures.awaitingClosure();
        SubsidyRequest stillInInstruction = fixtures.submitted();
        claim(second, "secretariat");

        JsonNode closed = done("secretariat", command("CLOSE", List.of(first.reference(), stillInInstruction.reference(),
                second.reference())));

        assertThat(closed.path("done").asInt()).isEqualTo(2);
        Map<String, String> lines = lines(closed);
        assertThat(lines.get(first.reference())).isEqualTo("DONE: demande clôturée");
        assertThat(lines.get(stillInInstruction.reference())).startsWith("REFUSED: « " + stillInInstruction.reference()
                + " » n'est pas à l'étape « clôture » : elle est à l'étape « Vérifier la complétude »");
        assertThat(requests.byId(first.id()).status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(requests.byId(second.id()).status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(first.reference())
                .taskDefinitionKey(SubsidyRequestProcess.TASK_CLOSE_REQUEST).count()).isZero();
        refusals.refused(batch("instructeur", command("CLOSE", List.of(stillInInstruction.reference()))), 403);
        refusals.refused(batch("finances", command("CLOSE", List.of(stillInInstruction.reference()))), 403);
    }

    @Test
    void badInputIsRefusedInFrenchBeforeAnythingIsDone() throws Exception {
        SubsidyRequest submitted = fixtures.submitted();
        String reference = submitted.reference();
        List<String> tooMany = IntStream.rangeClosed(1, 501).mapToObj(i -> "SUB-2099-" + i).toList();
        refusals.refused(batch("instructeur", command("SAUTER", List.of(reference))), 400, "action");
        refusals.refused(batch("instructeur", command(null, List.of(reference))), 400, "action");
        refusals.refused(batch("instructeur", command("TAKE", List.of())), 400, "references");
        refusals.refused(batch("instructeur", command("TAKE", null)), 400, "references");
        JsonNode problem = refusals.refused(batch("instructeur", command("TAKE", tooMany)), 400, "references");
        assertThat(problem.toString()).contains("au plus 500 demandes à la fois : 501 sont sélectionnées");
        refusals.refused(batch("instructeur", command("TAKE", List.of(reference, "sub-" + reference.substring(4)))), 400,
                "references[1]");
        refusals.refused(batch("instructeur", command("TAKE", List.of(reference, " "))), 400, "references[1]");
        refusals.refused(batch("instructeur", command("TAKE", List.of("<script>alert(1)</script>"))), 400,
                "references[0]");
        refusals.refused(batch("instructeur", command("TAKE", List.of(reference), "assignee", "instructeur2")), 400,
                "assignee");
        refusals.refused(batch("demo", command("ASSIGN", List.of(reference))), 400, "assignee");
        refusals.refused(batch("demo", command("ASSIGN", List.of(reference), "assignee", "personne-inconnue")), 400,
                "assignee");
        refusals.refused(post("/api/requests/batch").with(as("instructeur")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\": \"TAKE\", \"references\": [\"" + reference + "\"], \"urgent\": true}"), 400, "urgent");
        refusals.refused(post("/api/requests/batch").with(as("instructeur")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\": \"TAKE\", \"references\": \"" + reference + "\"}"), 400, "references");
        // applicants act on their own requests one by one, never in a batch
        refusals.refused(batch("demandeur", command("TAKE", List.of(reference))), 403);
        assertThat(assignee(submitted)).isNull();
    }

    @Test
    void fiveHundredReferencesAreOneBatch() throws Exception {
        SubsidyRequest submitted = fixtures.submitted();
        List<String> references = new ArrayList<>(IntStream.rangeClosed(1, 499).mapToObj(i -> "SUB-2099-" + i).toList());
        references.add(submitted.reference());
        JsonNode taken = done("instructeur", command("TAKE", references));
        assertThat(taken.path("done").asInt()).isEqualTo(1);
        assertThat(taken.path("refused").asInt()).isEqualTo(499);
        assertThat(assignee(submitted)).isEqualTo("instructeur");
    }
}
