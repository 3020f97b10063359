package fr.subventions.backoffice;

import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.subventions.shared.Caller;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Refusals;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The opinions on the back office's pages, through the login form: an officer asks two services from the dossier page
 * (a file uploaded, a document of the dossier chosen); the expert finds the request in « Avis à donner », gives the
 * opinion from the dossier page, and the officer reads it in « Avis des services » and beside the instruction's
 * report; a refused form comes back with each message under its field and nothing filed; the asker withdraws a request
 * still awaited, another officer may not.
 */
@ApplicationTest
class OpinionPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    TaskCompleter tasks;
    @Autowired
    Scenarios scenarios;
    @Autowired
    MutableClock clock;
    @Autowired
    Refusals refusals;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;

    SubsidyRequest request;
    MockHttpSession officer;
    MockHttpSession finance;

    @BeforeEach
    void aRequestInInstruction() throws Exception {
        clock.set(LocalDate.of(2030, 5, 6));
        request = requests.submit(SeedRequests.of(SeedRequests.Beneficiary.newAssociation(), 2030,
                new BigDecimal("8000")), Scenarios.APPLICANT, null).request();
        scenarios.fileRepublicanCommitment(request.reference());
        scenarios.fileDocumentsOf(request.reference());
        tasks.complete(SubsidyRequestProcess.KEY, request.reference(), SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                Map.of("isComplete", true), "instructeur", "complétude");
        officer = login(mvc, "instructeur");
        finance = login(mvc, "finances");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anOfficerAsksTheExpertAnswersFromTheBackOfficeAndTheOfficerReadsItBesideTheReport() throws Exception {
        Long commitment = jdbc.queryForObject("select max(id) from request_document where request_id = ? and type ="
                + " 'CONTRAT_ENGAGEMENT_REPUBLICAIN'", Long.class, request.id());
        MvcResult asked = mvc.perform(multipart("/gestion/demandes/" + request.reference() + "/avis")
                .file(new MockMultipartFile("attachments", "note-de-cadrage.pdf", "application/pdf", Scenarios.PDF))
                .param("askedOf", "group:finances", "user:secretariat")
                .param("question", "Le plan de financement est-il soutenable ?")
                .param("dueOn", "2030-05-20").param("documentIds", commitment.toString())
                .session(officer).with(csrf())).andReturn();
        assertThat(asked.getResponse().getStatus()).isEqualTo(302);
        assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/gestion/demandes/" + request.reference()
                + "#avis-services");
        assertThat(asked.getFlashMap().get("message")).isEqualTo("2 avis demandés (« Direction des finances », « Paul "
                + "Secrétariat des assemblées »), pour le 20 mai 2030 : chacun en est averti par courriel.");
        Long opinion = jdbc.queryForObject("select id from opinion_request where request_id = ? and asked_group = "
                + "'finances'", Long.class, request.id());
        assertThat(jdbc.queryForList("select d.type from opinion_request_document o join request_document d on d.id ="
                + " o.document_id where o.opinion_request_id = ? order by d.id", String.class, opinion))
                .containsExactly("CONTRAT_ENGAGEMENT_REPUBLICAIN", "OPINION_ATTACHMENT");

        // the expert's worklist and dossier page
        assertThat(worklist(finance)).contains(">" + request.reference() + "<");
        assertThat(worklist(login(mvc, "secretariat"))).contains(">" + request.reference() + "<");
        MockHttpSession other = login(mvc, "instructeur");
        assertThat(worklist(other)).doesNotContain(">" + request.reference() + "<");
        String toGive = page(finance);
        assertThat(toGive).contains("Donner mon avis", "Le plan de financement est-il soutenable ?",
                "id=\"form-avis-" + opinion + "\"", "note-de-cadrage.pdf", "Contrat d&#39;Engagement Républicain")
                .doesNotContain("id=\"form-demander-avis\"");

        // refused: the form comes back with the message under its field, nothing recorded
        Map<String, Object> before = refusals.fingerprint();
        MockHttpServletResponse refused = mvc.perform(post("/gestion/avis/" + opinion).param("verdict", "RESERVED")
                .param("text", "").session(finance).with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"err-text-" + opinion + "\"",
                "le texte de l&#39;avis est obligatoire", "role=\"alert\"");
        assertThat(Refusals.changes(before, refusals.fingerprint())).isEmpty();

        MvcResult given = mvc.perform(post("/gestion/avis/" + opinion).param("verdict", "RESERVED")
                .param("text", "Sous réserve du bilan 2029.").session(finance).with(csrf())).andReturn();
        assertThat(given.getResponse().getStatus()).isEqualTo(302);
        assertThat(given.getFlashMap().get("message")).isEqualTo("Avis « Favorable avec réserves » enregistré : Claire "
                + "Instructrice en est averti par courriel.");
        assertThat(worklist(finance)).doesNotContain(">" + request.reference() + "<");

        // the officer reads it in the section and beside the instruction's report
        String dossier = page(officer);
        assertThat(dossier).contains("id=\"avis-services\"", "avis favorable avec réserves", "Sous réserve du bilan 2029.",
                "Inès Finances, le 06/05/2030", "id=\"action-avis\"", "Paul Secrétariat des assemblées",
                "attendu pour le 20/05/2030");
        assertThat(dossier.substring(dossier.indexOf("id=\"action-avis\""), dossier.indexOf("id=\"report\"")))
                .contains("Favorable avec réserves", "Sous réserve du bilan 2029.");
        // the one asked by name still has theirs to give
        assertThat(page(login(mvc, "secretariat"))).contains("Donner mon avis");
    }

    @Test
    void aRefusedRequestForAnOpinionComesBackWithEachMessageUnderItsField() throws Exception {
        Map<String, Object> before = refusals.fingerprint();
        MockHttpServletResponse refused = mvc.perform(multipart("/gestion/demandes/" + request.reference() + "/avis")
                .file(new MockMultipartFile("attachments", "programme.exe", "application/octet-stream",
                        new byte[] {'M', 'Z', 0, 0}))
                .param("question", "Une question gardée <b>telle quelle</b>").param("dueOn", "2030-05-06")
                .session(officer).with(csrf())).andReturn().getResponse();
        String page = refused.getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(page).contains("id=\"avis-erreurs\"", "id=\"err-askedOf\"", "id=\"err-dueOn\"", "id=\"err-attachments\"",
                "choisissez au moins un service ou un collègue à consulter", "l&#39;échéance doit tomber après aujourd&#39;hui",
                "« programme.exe » : format non accepté",
                "Une question gardée &lt;b&gt;telle quelle&lt;/b&gt;");
        assertThat(Refusals.changes(before, refusals.fingerprint())).isEmpty();
        // the same service twice while one is awaited
        mvc.perform(multipart("/gestion/demandes/" + request.reference() + "/avis").param("askedOf", "group:finances")
                .param("question", "Première question").param("dueOn", "2030-05-20").session(officer).with(csrf()));
        MockHttpServletResponse again = mvc.perform(multipart("/gestion/demandes/" + request.reference() + "/avis")
                .param("askedOf", "group:finances").param("question", "Seconde question").param("dueOn", "2030-05-21")
                .session(officer).with(csrf())).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(400);
        assertThat(again.getContentAsString(StandardCharsets.UTF_8)).contains("un avis est déjà attendu de « Direction des"
                + " finances » sur cette demande, pour le 20 mai 2030");
    }

    @Test
    void itsAskerWithdrawsARequestStillAwaitedAndNoOtherOfficer() throws Exception {
        DemoUsers.ensure(identity, "instructeur2", "Karim", "Second", Caller.OFFICERS);
        mvc.perform(multipart("/gestion/demandes/" + request.reference() + "/avis").param("askedOf", "group:secretariat")
                .param("question", "Le calendrier ?").param("dueOn", "2030-05-20").session(officer).with(csrf()));
        Long opinion = jdbc.queryForObject("select id from opinion_request where request_id = ?", Long.class, request.id());
        assertThat(page(login(mvc, "instructeur2"))).doesNotContain("id=\"retirer-avis-" + opinion + "\"");
        assertThat(mvc.perform(post("/gestion/avis/" + opinion + "/retrait").session(login(mvc, "instructeur2"))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);

        assertThat(page(officer)).contains("id=\"retirer-avis-" + opinion + "\"");
        MockHttpServletResponse withdrawn = mvc.perform(post("/gestion/avis/" + opinion + "/retrait").session(officer)
                .with(csrf())).andReturn().getResponse();
        assertThat(withdrawn.getStatus()).isEqualTo(302);
        assertThat(page(officer)).contains("retiré", "retirée par Claire Instructrice")
                .doesNotContain("id=\"retirer-avis-" + opinion + "\"");
        MockHttpServletResponse again = mvc.perform(post("/gestion/avis/" + opinion + "/retrait").session(officer)
                .with(csrf())).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString(StandardCharsets.UTF_8)).contains("Cette demande d&#39;avis a été retirée");
        assertThat(List.of(page(login(mvc, "secretariat")))).noneMatch(p -> p.contains("Donner mon avis"));
    }

    private String worklist(MockHttpSession session) throws Exception {
        MockHttpServletResponse page = mvc.perform(get(URI.create("/gestion?onglet=avis-a-donner&recherche="
                + request.reference())).session(session)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return page.getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(MockHttpSession session) throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/gestion/demandes/" + request.reference()).session(session))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return page.getContentAsString(StandardCharsets.UTF_8);
    }
}
