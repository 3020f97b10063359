package fr.subventions.budget;

import static fr.subventions.support.ApiJourney.amounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.convention.ConventionService;
import fr.subventions.shared.Money;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What a request holds on its budget line along each path, through the real process and the API: the proposed amount
 * reserved at instruction, kept while the request is adjourned, released on rejection, withdrawal or lapse, cut down
 * to a lower voted amount, turned into a commitment at imputation. Each path has a line of its own (fiscal year 2028, service codes {@code RP_*},
 * voted credits imported as finance does), whose voted, reserved, committed and available figures are checked to the
 * cent at each step.
 */
@ApplicationTest
class ReservationPathsTest {

    static final int YEAR = 2028;

    @Autowired
    ObjectMapper json;
    @Autowired
    RuntimeService runtime;
    @Autowired
    MutableClock clock;
    @Autowired
    BudgetService budget;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    ConventionService conventions;
    @Autowired
    ManagementService management;

    @Autowired
    ApiJourney api;

    @BeforeEach
    void filedIn2028() {
        clock.set(LocalDate.of(YEAR, 1, 10));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void grantedInFullKeepsItsReservationThroughAnAdjournmentThenCommitsIt() throws Exception {
        String line = line("RP_FULL", "50000");
        String reference = instructed(line, "12345.67");
        assertFigures(line, "50000.00", "12345.67", "0.00", "37654.33");

        clock.set(LocalDate.of(YEAR, 3, 9));
        long march = api.sittingBureau(LocalDate.of(YEAR, 3, 9), LocalDate.of(YEAR, 3, 1), reference);
        api.adjourn(march, reference);
        assertThat(api.request(reference).get("status").asText()).isEqualTo("AWAITING_AGENDA");
        assertFigures(line, "50000.00", "12345.67", "0.00", "37654.33");

        clock.set(LocalDate.of(YEAR, 4, 13));
        long april = api.sittingBureau(LocalDate.of(YEAR, 4, 13), LocalDate.of(YEAR, 4, 5), reference);
        api.adopt(april, reference);
        JsonNode granted = api.request(reference);
        assertThat(granted.get("status").asText()).isEqualTo("AWAITING_SIGNATURES");
        assertThat(granted.get("grantedAmount").decimalValue()).isEqualByComparingTo("12345.67");
        assertFigures(line, "50000.00", "12345.67", "0.00", "37654.33");

        clock.set(LocalDate.of(YEAR, 4, 20));
        api.sign(reference, LocalDate.of(YEAR, 4, 20));
        assertFigures(line, "50000.00", "12345.67", "0.00", "37654.33");

        JsonNode engagements = api.impute(reference, amounts(line, "12345.67")).get("engagements");
        assertThat(engagements).hasSize(1);
        assertThat(engagements.get(0).get("engagementNumber").asText()).matches("ENG-" + YEAR + "-\\d{6}");
        // the reservation became the commitment: available is what it was since instruction
        assertFigures(line, "50000.00", "0.00", "12345.67", "37654.33");
        assertThat(budget.reservationsOf(idOf(reference))).singleElement().satisfies(r -> assertThat(r.active()).isFalse());
        // the payments follow; they draw on the commitment and change nothing on the line
        assertThat(api.request(reference).get("status").asText()).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void committedOnOtherLinesThanReservedReleasesWhatIsNotCommittedWhereItWasReserved() throws Exception {
        String reserved = line("RP_MOVED", "90", "40000");
        String other = line("RP_MOVED", "76", "40000");
        String reference = instructed(reserved, "18000");
        assertFigures(reserved, "40000.00", "18000.00", "0.00", "22000.00");
        grantedAndSigned(reference);

        // finance charges 12 000 € where 18 000 € were reserved, and the other 6 000 € on another line
        JsonNode engagements = api.impute(reference, amounts(reserved, "12000", other, "6000")).get("engagements");

        assertFigures(reserved, "40000.00", "0.00", "12000.00", "28000.00");
        assertFigures(other, "40000.00", "0.00", "6000.00", "34000.00");
        assertThat(engagements).hasSize(2);
        assertThat(number(engagements.get(1)) - number(engagements.get(0))).isEqualTo(1);
    }

    @Test
    void rejectedByTheVoteReleasesItsReservation() throws Exception {
        String line = line("RP_REJECTED", "30000");
        String reference = instructed(line, "15000.50");
        assertFigures(line, "30000.00", "15000.50", "0.00", "14999.50");

        clock.set(LocalDate.of(YEAR, 3, 9));
        long session = api.sittingBureau(LocalDate.of(YEAR, 3, 9), LocalDate.of(YEAR, 3, 1), reference);
        JsonNode vote = api.reject(session, reference);

        assertThat(vote.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(api.request(reference).get("status").asText()).isEqualTo("AWAITING_CLOSURE");
        assertFigures(line, "30000.00", "0.00", "0.00", "30000.00");
        assertThat(budget.reservationsOf(idOf(reference))).singleElement().satisfies(r -> assertThat(r.active()).isFalse());
        assertThat(budget.commitmentsOf(idOf(reference))).isEmpty();

        api.close(reference);
        assertThat(api.request(reference).get("outcome").asText()).isEqualTo("REJECTED");
        assertFigures(line, "30000.00", "0.00", "0.00", "30000.00");
    }

    @Test
    void withdrawnFromTheAgendaReleasesItsReservation() throws Exception {
        String line = line("RP_WITHDRAWN", "30000");
        String reference = instructed(line, "20000");
        assertFigures(line, "30000.00", "20000.00", "0.00", "10000.00");

        clock.set(LocalDate.of(YEAR, 3, 9));
        api.sittingBureau(LocalDate.of(YEAR, 3, 9), LocalDate.of(YEAR, 3, 1), reference);
        assertThat(api.request(reference).get("status").asText()).isEqualTo("ON_AGENDA");
        api.withdraw(reference);

        JsonNode withdrawn = api.request(reference);
        assertThat(withdrawn.get("status").asText()).isEqualTo("CLOSED");
        assertThat(withdrawn.get("outcome").asText()).isEqualTo("WITHDRAWN");
        assertFigures(line, "30000.00", "0.00", "0.00", "30000.00");
        assertThat(budget.reservationsOf(idOf(reference))).singleElement().satisfies(r -> assertThat(r.active()).isFalse());
    }

    @Test
    void lapsedForWantOfTheBeneficiarysSignatureReleasesItsReservation() throws Exception {
        String line = line("RP_LAPSED", "30000");
        String reference = instructed(line, "9876.54");
        clock.set(LocalDate.of(YEAR, 3, 9));
        long session = api.sittingBureau(LocalDate.of(YEAR, 3, 9), LocalDate.of(YEAR, 3, 1), reference);
        api.adopt(session, reference);
        assertThat(api.request(reference).get("status").asText()).isEqualTo("AWAITING_SIGNATURES");
        assertFigures(line, "30000.00", "9876.54", "0.00", "20123.46");

        // Nobody signs: the day after the convention's last day of validity, its timer fires
        LocalDate validUntil = conventions.of(idOf(reference)).orElseThrow().validUntil();
        clock.set(validUntil.plusDays(1));
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(SubsidyRequestProcess.KEY)
                .processInstanceBusinessKey(reference).singleResult().getId();
        Job lapse = management.createJobQuery().processInstanceId(instance).timers()
                .activityId(SubsidyRequestProcess.TIMER_CONVENTION_LAPSED).singleResult();
        management.executeJob(lapse.getId());

        JsonNode lapsed = api.request(reference);
        assertThat(lapsed.get("status").asText()).isEqualTo("AWAITING_CLOSURE");
        assertThat(lapsed.get("outcome").asText()).isEqualTo("LAPSED");
        assertFigures(line, "30000.00", "0.00", "0.00", "30000.00");
        assertThat(budget.reservationsOf(idOf(reference))).singleElement().satisfies(r -> assertThat(r.active()).isFalse());
        assertThat(budget.commitmentsOf(idOf(reference))).isEmpty();

        api.close(reference);
        assertThat(api.request(reference).get("status").asText()).isEqualTo("CLOSED");
        assertFigures(line, "30000.00", "0.00", "0.00", "30000.00");
    }

    @Test
    void unfavourableOpinionReservesNothing() throws Exception {
        String line = line("RP_UNFAVOURABLE", "30000");
        String reference = api.file(seedRequest());
        api.complete(reference);

        api.instructUnfavourably(reference);

        assertThat(api.request(reference).get("status").asText()).isEqualTo("AWAITING_CLOSURE");
        assertFigures(line, "30000.00", "0.00", "0.00", "30000.00");
        assertThat(budget.reservationsOf(idOf(reference))).isEmpty();
    }

    /**
     * The assembly amends the proposal down: the difference is released at once, from the split's last line (by code)
     * backwards; finance then commits exactly the granted amount, and anything less is refused with the reservation
     * kept whole.
     */
    @Test
    void grantedLowerThanProposedReleasesTheDifferenceAtTheVote() throws Exception {
        String first = line("RP_LOWER", "76", "30000");
        String last = line("RP_LOWER", "90", "30000");
        String reference = api.file(seedRequest());
        api.complete(reference);
        api.instruct(reference, "20000", amounts(first, "12000", last, "8000"));
        assertFigures(first, "30000.00", "12000.00", "0.00", "18000.00");
        assertFigures(last, "30000.00", "8000.00", "0.00", "22000.00");

        clock.set(LocalDate.of(YEAR, 3, 9));
        long session = api.sittingBureau(LocalDate.of(YEAR, 3, 9), LocalDate.of(YEAR, 3, 1), reference);
        assertThat(api.adoptFor(session, reference, "15000.50").get("outcome").asText()).isEqualTo("ADOPTED");

        JsonNode granted = api.request(reference);
        assertThat(granted.get("proposedAmount").decimalValue()).isEqualByComparingTo("20000");
        assertThat(granted.get("grantedAmount").decimalValue()).isEqualByComparingTo("15000.50");
        // 4 999,50 € released, taken from the last line
        assertFigures(first, "30000.00", "12000.00", "0.00", "18000.00");
        assertFigures(last, "30000.00", "3000.50", "0.00", "26999.50");

        clock.set(LocalDate.of(YEAR, 3, 20));
        api.sign(reference, LocalDate.of(YEAR, 3, 20));
        MockHttpServletResponse lower = api.call("finances", post("/api/requests/" + reference + "/imputation")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(Map.of("lines", ApiJourney.split(amounts(first, "12000"))))));
        assertThat(lower.getStatus()).isEqualTo(400);
        JsonNode problem = api.read(lower);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("lines");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("la somme des lignes ("
                + Money.format(new BigDecimal("12000")) + ") doit être égale au montant de "
                + Money.format(new BigDecimal("15000.50")));
        assertFigures(first, "30000.00", "12000.00", "0.00", "18000.00");
        assertFigures(last, "30000.00", "3000.50", "0.00", "26999.50");

        JsonNode engagements = api.impute(reference, amounts(first, "12000", last, "3000.50")).get("engagements");
        assertThat(engagements).hasSize(2);
        assertFigures(first, "30000.00", "0.00", "12000.00", "18000.00");
        assertFigures(last, "30000.00", "0.00", "3000.50", "26999.50");
    }

    // ---------------------------------------------------------------------------------------------- steps

    /** Filed, found complete and instructed favourably for that amount on that line: it waits for an agenda. */
    private String instructed(String line, String proposed) throws Exception {
        String reference = api.file(seedRequest());
        api.complete(reference);
        assertThat(api.instruct(reference, proposed, amounts(line, proposed)).get("status").asText())
                .isEqualTo("AWAITING_AGENDA");
        return reference;
    }

    /** Adopted by the Bureau of 9 March, then the convention signed by both parties on 20 March. */
    private void grantedAndSigned(String reference) throws Exception {
        clock.set(LocalDate.of(YEAR, 3, 9));
        long session = api.sittingBureau(LocalDate.of(YEAR, 3, 9), LocalDate.of(YEAR, 3, 1), reference);
        assertThat(api.adopt(session, reference).get("outcome").asText()).isEqualTo("ADOPTED");
        clock.set(LocalDate.of(YEAR, 3, 20));
        assertThat(api.sign(reference, LocalDate.of(YEAR, 3, 20)).get("status").asText()).isEqualTo("AWAITING_IMPUTATION");
    }

    private Map<String, Object> seedRequest() {
        return json.convertValue(SeedRequests.ofNumerique(YEAR), new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    /** A line of 2028 of its own, created through the budget import; answers its code. */
    private String line(String serviceCode, String voted) throws Exception {
        return line(serviceCode, "90", voted);
    }

    private String line(String serviceCode, String function, String voted) throws Exception {
        JsonNode imported = api.importLines(YEAR + ";65;65748;" + function + ";Développement économique;" + serviceCode
                + ";Subventions de fonctionnement aux associations;" + voted);
        assertThat(imported.get("created").asInt()).isEqualTo(1);
        return YEAR + "-65-65748-" + function + "-" + serviceCode;
    }

    private Long idOf(String reference) {
        return requests.byReference(reference).id();
    }

    private static long number(JsonNode engagement) {
        String number = engagement.get("engagementNumber").asText();
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    /** The line as the database holds it, to the cent (scale 2, as the column keeps amounts). */
    private void assertFigures(String code, String voted, String reserved, String committed, String available) {
        BudgetLine line = budget.lines(YEAR).stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
        assertThat(List.of(line.voted(), line.reserved(), line.committed(), line.available()))
                .as("voted, reserved, committed, available on %s", code)
                .containsExactly(new BigDecimal(voted), new BigDecimal(reserved), new BigDecimal(committed),
                        new BigDecimal(available));
    }
}
