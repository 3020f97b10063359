package fr.subventions.bureau;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.budget.BudgetService;
import fr.subventions.budget.Reservation;
import fr.subventions.documents.DocumentGeneratorAccess;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The assembly grants less than proposed: the grant is the voted amount and the difference is released at once. */
@ApplicationTest
class AmendedVoteTest {

    static final String LINE = "2026-65-65748-90-DEVECO";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Scenarios scenarios;
    @Autowired
    SessionService sessions;
    @Autowired
    Attendance attendance;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    BudgetService budget;
    @Autowired
    AgendaItemRepository items;
    @Autowired
    DocumentGeneratorAccess extracts;
    @Autowired
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aLowerVotedAmountBecomesTheGrantAndReleasesTheDifference() throws Exception {
        BpmnAwareTests.init(engine);
        SubsidyRequest request = scenarios.instructedRequest(2026, LINE, 20000);
        AssemblySession session = scenarios.convenedSession(LocalDate.of(2044, 1, 8), LocalDate.of(2044, 1, 15),
                List.of(request.reference()));
        // the séance is recorded on its day
        clock.set(LocalDate.of(2044, 1, 15));
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        BigDecimal reservedBefore = reserved();

        JsonNode above = vote(session, request, Map.of("amount", 25000), 400);
        assertThat(above.path("errors").get(0).path("field").asText()).isEqualTo("amount");
        assertThat(above.path("errors").get(0).path("message").asText()).contains("ne peut dépasser le montant proposé");
        assertThat(reserved()).isEqualByComparingTo(reservedBefore);

        JsonNode adopted = vote(session, request, Map.of("amount", 15000), 200);

        assertThat(adopted.path("outcome").asText()).isEqualTo("ADOPTED");
        SubsidyRequest granted = requests.byId(request.id());
        assertThat(granted.grantedAmount()).isEqualByComparingTo("15000");
        assertThat(granted.proposedAmount()).isEqualByComparingTo("20000");
        assertThat(reserved()).isEqualByComparingTo(reservedBefore.subtract(new BigDecimal("5000")));
        assertThat(budget.reservationsOf(request.id()).stream().filter(Reservation::active).map(Reservation::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("15000");
        Long itemId = items.findByRequestId(request.id()).get(0).id();
        assertThat(extracts.lines(itemId)).anySatisfy(line -> assertThat(line.replace('\u202f', ' ').replace('\u00a0', ' '))
                .startsWith("- d’attribuer une subvention de 15 000 € à Association OF du Numérique"));
    }

    private BigDecimal reserved() {
        return budget.lines(2026).stream().filter(l -> l.code().equals(LINE)).findFirst().orElseThrow().reserved();
    }

    private JsonNode vote(AssemblySession session, SubsidyRequest request, Object body, int expected) throws Exception {
        String answer = mvc.perform(post("/api/sessions/" + session.id() + "/items/" + request.reference() + "/vote")
                .with(as("secretariat")).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(answer);
    }
}
