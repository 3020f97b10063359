package fr.subventions.acts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.SessionReadModels;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.shared.Csv;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The year's deliberations on subsidies in the SCDL "délibérations" format, open to everyone. */
@ApplicationTest
class DeliberationsOpenDataTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    MockMvc mvc;
    @Autowired
    SessionService sessions;
    @Autowired
    Attendance attendance;
    @Autowired
    SessionReadModels views;
    @Autowired
    Voting voting;
    @Autowired
    Scenarios scenarios;

    @Test
    void publishesEachDeliberationOfTheYearWithItsVote() throws Exception {
        BpmnAwareTests.init(engine);
        SubsidyRequest request = scenarios.instructedRequest(2026, "2026-65-65748-71-ECOURB");
        AssemblySession session = scenarios.convenedSession(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 8),
                List.of(request.reference()));
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        voting.vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat");
        String number = views.view(session.id()).agenda().get(0).deliberationNumber();

        String csv = mvc.perform(get("/api/opendata/deliberations.csv?year=2026")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(DeliberationsOpenData.HEADER);
        assertThat(lines).anyMatch(line -> line.startsWith("Dijon Métropole,," + number + ",2026-10-08,7.5,Finances locales/Subventions,")
                && line.endsWith(",2026,Budget principal,,,43,40,40,0,0,"));
        assertThat(DeliberationsOpenData.header()).hasSize(17);
    }

    @Test
    void quotesTextThatHoldsACommaOrAQuote() {
        assertThat(Csv.field("Association « OF », Dijon")).isEqualTo("\"Association « OF », Dijon\"");
        assertThat(Csv.field("dit \"OF\"")).isEqualTo("\"dit \"\"OF\"\"\"");
        assertThat(Csv.field("simple")).isEqualTo("simple");
    }
}
