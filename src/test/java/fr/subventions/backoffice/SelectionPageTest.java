package fr.subventions.backoffice;

import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Refusals;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The worklist's selection as a browser uses it, with its session and CSRF token: lines ticked (or the whole page) and
 * an action chosen, then the summary page — what was done and what was refused, each with its reason. A refused form
 * comes back with the requests still ticked and each message under its field, and nothing is done.
 */
@ApplicationTest
class SelectionPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    SelectionFixtures fixtures;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    TaskService taskService;
    @Autowired
    Refusals refusals;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void today() {
        clock.reset();
    }

    static String html(MockHttpServletResponse response) throws Exception {
        return HtmlUtils.htmlUnescape(response.getContentAsString(StandardCharsets.UTF_8));
    }

    String assignee(SubsidyRequest request) {
        return taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult().getAssignee();
    }

    @Test
    void theWorklistOffersEachUserTheActionsOfTheirGroupsOnTheLinesTicked() throws Exception {
        fixtures.submitted();
        String officer = html(mvc.perform(get("/gestion?onglet=a-verifier").session(login(mvc, "instructeur")))
                .andReturn().getResponse());
        assertThat(officer).contains("<form id=\"selection\" action=\"/gestion/lot\" method=\"post\"",
                "name=\"_csrf\"", "formaction=\"/gestion/lot/pieces.zip\"", "name=\"reference\" form=\"selection\"",
                "name=\"pageReference\"", "id=\"toutes\"", "<option value=\"TAKE\">Prendre les tâches</option>",
                "<option value=\"RELEASE\">Libérer les tâches</option>", "/js/gestion-selection.js");
        assertThat(officer).doesNotContain("value=\"CLOSE\"", "value=\"RECORD_PAYMENT\"", "value=\"ASSIGN\"",
                "id=\"sessionId\"", "id=\"paidOn\"", "id=\"assignee\"");
        String finance = html(mvc.perform(get("/gestion?onglet=tous").session(login(mvc, "finances"))).andReturn()
                .getResponse());
        assertThat(finance).contains("value=\"RECORD_PAYMENT\"", "id=\"paidOn\"", "id=\"mandateReference\"")
                .doesNotContain("value=\"CLOSE\"");
        String secretariat = html(mvc.perform(get("/gestion?onglet=tous").session(login(mvc, "secretariat"))).andReturn()
                .getResponse());
        assertThat(secretariat).contains("value=\"CLOSE\"", "value=\"ADD_TO_AGENDA\"", "id=\"sessionId\"")
                .doesNotContain("value=\"RECORD_PAYMENT\"");
        String administrator = html(mvc.perform(get("/gestion?onglet=tous").session(login(mvc, "demo"))).andReturn()
                .getResponse());
        assertThat(administrator).contains("value=\"ASSIGN\"", "id=\"assignee\"", "<option value=\"instructeur\">");
    }

    @Test
    void theLinesTickedAreActedOnAndTheSummarySaysWhatWasDoneAndRefused() throws Exception {
        SubsidyRequest first = fixtures.submitted();
        SubsidyRequest second = fixtures.submitted();
        MockHttpSession officer = login(mvc, "instructeur");

        MockHttpServletResponse response = mvc.perform(post("/gestion/lot").session(officer).with(csrf())
                .param("action", "TAKE").param("reference", first.reference(), "SUB-2025-9999X", second.reference())
                .param("pageReference", first.reference(), second.reference())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        String page = html(response);
        assertThat(page).contains("Récapitulatif : Prendre les tâches", "role=\"status\"",
                "« Prendre les tâches » sur 3 demandes : 2 faites, 1 refusée.", "id=\"refusees\"", "id=\"faites\"",
                "Demande inconnue : SUB-2025-9999X", "tâche « Vérifier la complétude » prise",
                "href=\"/gestion/demandes/" + first.reference() + "\"");
        assertThat(page.indexOf("id=\"refusees\"")).as("the refused first").isLessThan(page.indexOf("id=\"faites\""));
        assertThat(assignee(first)).isEqualTo("instructeur");
        assertThat(assignee(second)).isEqualTo("instructeur");

        // « tout sélectionner »: every line of the page, whichever are ticked
        MockHttpServletResponse released = mvc.perform(post("/gestion/lot").session(officer).with(csrf())
                .param("action", "RELEASE").param("toutes", "oui").param("reference", first.reference())
                .param("pageReference", first.reference(), second.reference())).andReturn().getResponse();
        assertThat(html(released)).contains("« Libérer les tâches » sur 2 demandes : 2 faites, 0 refusée.");
        assertThat(assignee(first)).isNull();
        assertThat(assignee(second)).isNull();
    }

    @Test
    void aRefusedFormComesBackWithItsMessagesUnderTheirFieldsAndNothingDone() throws Exception {
        SubsidyRequest submitted = fixtures.submitted();
        MockHttpSession finance = login(mvc, "finances");
        Map<String, Object> before = refusals.fingerprint();

        MockHttpServletResponse nothingTicked = mvc.perform(post("/gestion/lot").session(finance).with(csrf())
                .param("action", "RECORD_PAYMENT").param("paidOn", "2025-13-45").param("mandateReference", "M-1"))
                .andReturn().getResponse();
        assertThat(nothingTicked.getStatus()).isEqualTo(400);
        assertThat(html(nothingTicked)).contains("role=\"alert\"", "Rien n'a été fait : corrigez les champs signalés.",
                "id=\"err-paidOn\"", "date invalide");

        MockHttpServletResponse noDate = mvc.perform(post("/gestion/lot").session(finance).with(csrf())
                .param("action", "RECORD_PAYMENT").param("reference", submitted.reference(), submitted.reference())
                .param("mandateReference", "M-1")).andReturn().getResponse();
        assertThat(noDate.getStatus()).isEqualTo(400);
        String page = html(noDate);
        assertThat(page).contains("id=\"err-paidOn\"", "la date du versement est obligatoire", "id=\"err-reference\"",
                "la demande " + submitted.reference() + " figure deux fois dans la sélection",
                "<option value=\"RECORD_PAYMENT\" selected=\"selected\">",
                "name=\"reference\" value=\"" + submitted.reference() + "\" checked", "value=\"M-1\"");

        MockHttpServletResponse noAction = mvc.perform(post("/gestion/lot").session(finance).with(csrf())
                .param("reference", submitted.reference())).andReturn().getResponse();
        assertThat(noAction.getStatus()).isEqualTo(400);
        assertThat(html(noAction)).contains("id=\"err-action\"", "choisissez une action");
        assertThat(Refusals.changes(before, refusals.fingerprint())).isEmpty();
    }

    @Test
    void anActionOfAnotherGroupAndAFormWithoutItsTokenAreRefused() throws Exception {
        SubsidyRequest closable = fixtures.awaitingClosure();
        Map<String, Object> before = refusals.fingerprint();
        MockHttpServletResponse officer = mvc.perform(post("/gestion/lot").session(login(mvc, "instructeur"))
                .with(csrf()).param("action", "CLOSE").param("reference", closable.reference())).andReturn().getResponse();
        assertThat(officer.getStatus()).isEqualTo(403);
        MockHttpServletResponse forged = mvc.perform(post("/gestion/lot").session(login(mvc, "secretariat"))
                .param("action", "CLOSE").param("reference", closable.reference())).andReturn().getResponse();
        assertThat(forged.getStatus()).isEqualTo(403);
        MockHttpServletResponse applicant = mvc.perform(post("/gestion/lot").session(login(mvc, "demandeur"))
                .with(csrf()).param("action", "TAKE").param("reference", closable.reference())).andReturn().getResponse();
        assertThat(applicant.getStatus()).isEqualTo(403);
        assertThat(Refusals.changes(before, refusals.fingerprint())).isEmpty();

        MockHttpServletResponse closed = mvc.perform(post("/gestion/lot").session(login(mvc, "secretariat"))
                .with(csrf()).param("action", "CLOSE").param("reference", closable.reference())).andReturn().getResponse();
        assertThat(html(closed)).contains("1 faite, 0 refusée", "demande clôturée");
        assertThat(requests.byId(closable.id()).status()).isEqualTo(RequestStatus.CLOSED);
    }
}
