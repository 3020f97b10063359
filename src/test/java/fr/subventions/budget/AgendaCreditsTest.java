package fr.subventions.budget;

import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.SessionReadModels;
import fr.subventions.bureau.SessionService;
import fr.subventions.documents.DocumentLines;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The agenda shows, for each budget line, the total proposed at the séance against the line's credits. */
@ApplicationTest
class AgendaCreditsTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    BudgetLineRepository lines;
    @Autowired
    Scenarios scenarios;
    @Autowired
    SessionService sessions;
    @Autowired
    Agenda agenda;
    @Autowired
    SessionReadModels views;
    @Autowired
    AgendaCredits credits;
    @Autowired
    DocumentService documents;
    @Autowired
    MockMvc mvc;

    @Test
    void totalsTheProposalsOfTheAgendaPerLineAgainstItsCredits() throws Exception {
        BpmnAwareTests.init(engine);
        BudgetLine line = lines.save(new BudgetLine(2029, "65", "65748", "90", "Développement économique", "AGENDA",
                "Subventions — crédits de l'ordre du jour", new BigDecimal("50000.00")));
        SubsidyRequest first = scenarios.instructedRequest(2029, line.code(), 12000);
        SubsidyRequest second = scenarios.instructedRequest(2029, line.code(), 8000);
        SubsidyRequest elsewhere = scenarios.instructedRequest(2029, line.code(), 5000);
        AssemblySession session = scenarios.convenedSession(LocalDate.of(2029, 3, 1), LocalDate.of(2029, 3, 8),
                List.of(first.reference(), second.reference()));

        List<AgendaCredits.LineCredits> agenda = credits.of(this.agenda.requestsOnAgenda(session.id()));

        assertThat(agenda).hasSize(1);
        AgendaCredits.LineCredits figures = agenda.get(0);
        assertThat(figures.code()).isEqualTo(line.code());
        assertThat(figures.voted()).isEqualByComparingTo("50000.00");
        assertThat(figures.proposed()).isEqualByComparingTo("20000.00");
        // the third request, on no agenda, still holds its 5 000 € reservation
        assertThat(figures.availableAfter()).isEqualByComparingTo("25000.00");
        assertThat(figures.availableBefore()).isEqualByComparingTo("45000.00");
        assertThat(elsewhere.reference()).isNotIn(views.view(session.id()).agenda().stream().map(i -> i.reference()).toList());

        var convocation = documents.listForSession(session.id()).stream().filter(d -> d.type() == DocumentType.CONVOCATION)
                .findFirst().orElseThrow();
        assertThat(DocumentLines.of(documents.get(convocation.id(), scenarios.staff()).content())).contains(
                "Crédits budgétaires : montants proposés à la séance et crédits disponibles, par ligne",
                "Ligne " + line.code() + " – Subventions — crédits de l'ordre du jour : crédits votés 50 000 € ; disponible "
                        + "avant la séance 45 000 € ; proposé à la séance 20 000 € ; disponible ensuite 25 000 €.");

        MockHttpSession page = login(mvc, "secretariat");
        String html = mvc.perform(get("/seances/" + session.id()).session(page)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8).replace('\u202f', ' ').replace('\u00a0', ' ');
        assertThat(html).contains("id=\"credits\"", line.code(), "20 000 €", "25 000 €", "45 000 €");
    }
}
