package fr.subventions.budget;

import static fr.subventions.support.ApiJourney.amounts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.SeedRequests;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One request split over several budget lines and services, as the Bureau métropolitain of 23 June 2022 did for the
 * Campus des métiers et des qualifications Green City: 40 000 € = 5 000 € on an economic development line, and 5 000 €
 * + 30 000 € on two urban ecology lines. Through the API from filing to the commitment; the three 2022 lines (the demo budget
 * starts in 2023) are imported as finance does, and nothing else uses fiscal year 2022. The applicant's identity and
 * the financing plan beside the 40 000 € are illustrative.
 */
@ApplicationTest
class SplitFundingTest {

    static final String DEVECO = "2022-65-65748-90-DEVECO";
    static final String ECOURB = "2022-65-65748-76-ECOURB";
    static final String TRANSITION = "2022-65-65748-71-ECOURB";

    @Autowired
    MutableClock clock;
    @Autowired
    BudgetService budget;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiJourney api;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void cmqGreenCityIsCommittedOnThreeLinesOfTwoServicesWithThreeEngagementNumbers() throws Exception {
        clock.set(LocalDate.of(2022, 3, 1));
        api.importLines(
                "2022;65;65748;90;Développement économique;DEVECO;Subventions de fonctionnement aux associations — développement économique;500000",
                "2022;65;65748;76;Écologie urbaine;ECOURB;Subventions de fonctionnement aux associations — écologie urbaine;300000",
                "2022;65;65748;71;Écologie urbaine;ECOURB;Subventions de fonctionnement — transition énergétique;200000");
        assertFigures(DEVECO, "500000.00", "0.00", "0.00");
        assertFigures(ECOURB, "300000.00", "0.00", "0.00");
        assertFigures(TRANSITION, "200000.00", "0.00", "0.00");

        clock.set(LocalDate.of(2022, 4, 4));
        String reference = api.file(SeedRequests.cmqGreenCity(2022));
        assertThat(reference).startsWith("SUB-2022-");
        clock.set(LocalDate.of(2022, 4, 11));
        api.complete(reference);

        // The officer proposes 40 000 € over the two services' three lines
        clock.set(LocalDate.of(2022, 5, 2));
        api.instruct(reference, "40000", amounts(DEVECO, "5000", ECOURB, "5000", TRANSITION, "30000"));
        assertFigures(DEVECO, "500000.00", "5000.00", "0.00");
        assertFigures(ECOURB, "300000.00", "5000.00", "0.00");
        assertFigures(TRANSITION, "200000.00", "30000.00", "0.00");

        // The Bureau of Thursday 23 June 2022, convened on Friday 17 June (5 jours francs), adopts it: the secretariat
        // records its attendance and vote on the day
        clock.set(LocalDate.of(2022, 6, 23));
        long session = api.sittingBureau(LocalDate.of(2022, 6, 23), LocalDate.of(2022, 6, 17), reference);
        JsonNode vote = api.adopt(session, reference);
        assertThat(vote.get("outcome").asText()).isEqualTo("ADOPTED");
        assertThat(api.request(reference).get("grantedAmount").decimalValue()).isEqualByComparingTo("40000");

        clock.set(LocalDate.of(2022, 7, 5));
        api.sign(reference, LocalDate.of(2022, 7, 5));

        // Finance commits each part on its line: three engagements, three numbers
        clock.set(LocalDate.of(2022, 7, 12));
        JsonNode engagements = api.impute(reference, amounts(DEVECO, "5000", ECOURB, "5000", TRANSITION, "30000"))
                .get("engagements");

        assertThat(engagements).hasSize(3);
        List<String> codes = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode engagement : engagements) {
            codes.add(engagement.get("code").asText());
            numbers.add(engagement.get("engagementNumber").asText());
            total = total.add(engagement.get("amount").decimalValue());
        }
        assertThat(codes).containsExactlyInAnyOrder(DEVECO, ECOURB, TRANSITION);
        assertThat(total).isEqualByComparingTo("40000");
        // distinct, consecutive, and the year's last: no number of 2022 was skipped
        assertThat(numbers).allMatch(n -> n.matches("ENG-2022-\\d{6}")).doesNotHaveDuplicates();
        List<Long> sorted = numbers.stream().map(n -> Long.parseLong(n.substring("ENG-2022-".length()))).sorted().toList();
        assertThat(sorted.get(2) - sorted.get(0)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select last_value from sequence_counter where name = 'engagement-2022'",
                Long.class)).isEqualTo(sorted.get(2));

        Map<String, BigDecimal> committed = new HashMap<>();
        budget.commitmentsOf(requests.byReference(reference).id())
                .forEach(c -> committed.merge(c.line().code(), c.amount(), BigDecimal::add));
        assertThat(committed).containsOnlyKeys(DEVECO, ECOURB, TRANSITION);
        assertThat(committed.get(DEVECO)).isEqualTo(new BigDecimal("5000.00"));
        assertThat(committed.get(ECOURB)).isEqualTo(new BigDecimal("5000.00"));
        assertThat(committed.get(TRANSITION)).isEqualTo(new BigDecimal("30000.00"));
        assertFigures(DEVECO, "500000.00", "0.00", "5000.00");
        assertFigures(ECOURB, "300000.00", "0.00", "5000.00");
        assertFigures(TRANSITION, "200000.00", "0.00", "30000.00");

        JsonNode imputed = api.request(reference);
        assertThat(imputed.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(imputed.get("history").findValuesAsText("result")).anySatisfy(text ->
                assertThat(text).contains(numbers.get(0), numbers.get(1), numbers.get(2)));
    }

    private void assertFigures(String code, String voted, String reserved, String committed) {
        BudgetLine line = budget.lines(2022).stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
        assertThat(List.of(line.voted(), line.reserved(), line.committed()))
                .as("voted, reserved, committed on %s", code)
                .containsExactly(new BigDecimal(voted), new BigDecimal(reserved), new BigDecimal(committed));
        assertThat(line.available().signum()).isPositive();
    }
}
