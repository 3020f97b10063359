package fr.subventions.backoffice;

import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Refusals;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests.Beneficiary;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The thread and the notes on the pages, through the login form: the dossier page's forms — a message with a file and
 * a question, a note and its correction — and the portal's; refused forms come back with their message under the
 * field, a closed request with the reason at the top; the applicant's page never shows a note.
 */
@ApplicationTest
class DossierMessagesPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    WorklistFixtures fixtures;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    Refusals refusals;
    @Autowired
    JdbcTemplate jdbc;

    MockHttpServletResponse call(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session)).andReturn().getResponse();
    }

    String page(String path, MockHttpSession session) throws Exception {
        MockHttpServletResponse response = call(get(path), session);
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The part of the page in the element of that id, up to the end of its section. */
    static String section(String html, String id) {
        int at = html.indexOf("<section id=\"" + id + "\"");
        assertThat(at).as("section #%s", id).isNotNegative();
        return html.substring(at, html.indexOf("</section>", at));
    }

    @Test
    void anOfficerWritesToTheApplicantWhoAnswersFromTheirPortal() throws Exception {
        SubsidyRequest request = fixtures.submitted(Beneficiary.newAssociation(), 2026, 5000);
        String dossier = "/gestion/demandes/" + request.reference();
        MockHttpSession officer = login(mvc, "instructeur");
        String empty = section(page(dossier, officer), "messages");
        assertThat(empty).contains("Aucun message n'a encore été échangé", "<label for=\"message\">",
                "<label for=\"files\">", "<label for=\"message-question\">Demander une réponse au demandeur</label>");

        MvcResult result = mvc.perform(multipart(dossier + "/messages")
                .file(new MockMultipartFile("files", "modele-budget.pdf", "application/pdf", Scenarios.PDF))
                .param("message", "Merci de compléter le budget joint.").param("question", "true").with(csrf())
                .session(officer)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(dossier + "#messages");
        assertThat(result.getFlashMap().get("message")).asString().contains("en attente de sa réponse");
        String thread = section(page(dossier, officer), "messages");
        assertThat(thread).contains("Merci de compléter le budget joint.", "Réponse demandée", "modele-budget.pdf",
                "/gestion/documents/", "id=\"attente-reponse\"");

        // the applicant reads it on their portal, without the officer's notes, and answers
        call(post(dossier + "/notes").param("note", "Demandeur à relancer vendredi.").with(csrf()), officer);
        MockHttpSession applicant = login(mvc, "demandeur");
        String portal = page("/portail/demandes/" + request.reference(), applicant);
        assertThat(section(portal, "messages")).contains("Merci de compléter le budget joint.", "Réponse attendue",
                "modele-budget.pdf", "/portail/documents/", "attend votre réponse");
        assertThat(portal).doesNotContain("Demandeur à relancer vendredi.", "Notes internes", "Demander une réponse");
        MockHttpServletResponse answer = call(multipart("/portail/demandes/" + request.reference() + "/messages")
                .file(new MockMultipartFile("files", "budget.pdf", "application/pdf", Scenarios.PDF))
                .param("message", "Voici le budget complété.").with(csrf()), applicant);
        assertThat(answer.getStatus()).isEqualTo(302);
        assertThat(answer.getRedirectedUrl()).isEqualTo("/portail/demandes/" + request.reference() + "#messages");
        String answered = section(page("/portail/demandes/" + request.reference(), applicant), "messages");
        assertThat(answered).contains("Voici le budget complété.", "budget.pdf").doesNotContain("attend votre réponse");
        assertThat(section(page(dossier, officer), "messages")).contains("Voici le budget complété.")
                .doesNotContain("id=\"attente-reponse\"");
    }

    @Test
    void refusedFormsComeBackWithTheirMessageUnderTheFieldAndAClosedRequestSaysWhy() throws Exception {
        SubsidyRequest request = fixtures.submitted(Beneficiary.newAssociation(), 2026, 5000);
        String dossier = "/gestion/demandes/" + request.reference();
        MockHttpSession officer = login(mvc, "instructeur");

        Map<String, Object> before = refusals.fingerprint();
        MockHttpServletResponse empty = call(multipart(dossier + "/messages")
                .file(new MockMultipartFile("files", "virus.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 0}))
                .param("message", "   ").with(csrf()), officer);
        assertThat(empty.getStatus()).isEqualTo(400);
        String html = empty.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("role=\"alert\"", "id=\"err-message\"", "écrivez le message", "id=\"err-files\"",
                "« virus.pdf » : format non accepté", "aria-describedby=\"aide-message err-message\"");
        MockHttpServletResponse applicantEmpty = call(multipart("/portail/demandes/" + request.reference() + "/messages")
                .param("message", "").with(csrf()), login(mvc, "demandeur"));
        assertThat(applicantEmpty.getStatus()).isEqualTo(400);
        assertThat(applicantEmpty.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"err-message\"");
        MockHttpServletResponse emptyNote = call(post(dossier + "/notes").param("note", "").with(csrf()), officer);
        assertThat(emptyNote.getStatus()).isEqualTo(400);
        assertThat(emptyNote.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"err-note\"", "écrivez la note");
        assertThat(Refusals.changes(before, refusals.fingerprint())).isEmpty();

        requests.withdraw(request.reference(), null, Scenarios.APPLICANT);
        String closed = section(page(dossier, officer), "messages");
        assertThat(closed).contains("id=\"messages-clos\"").doesNotContain("id=\"form-message\"");
        MockHttpServletResponse late = call(multipart(dossier + "/messages").param("message", "Une dernière chose.")
                .with(csrf()), officer);
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(late.getContentAsString(StandardCharsets.UTF_8)).contains("role=\"alert\"", "est close");
    }

    @Test
    void aNoteIsCorrectedOnThePageByItsAuthorAloneWhoSeesTheFormForIt() throws Exception {
        SubsidyRequest request = fixtures.submitted(Beneficiary.newAssociation(), 2026, 5000);
        String dossier = "/gestion/demandes/" + request.reference();
        MockHttpSession officer = login(mvc, "instructeur");
        MockHttpServletResponse written = call(post(dossier + "/notes").param("note", "Premier jet.").with(csrf()), officer);
        assertThat(written.getStatus()).isEqualTo(302);
        assertThat(written.getRedirectedUrl()).isEqualTo(dossier + "#notes");
        String notes = section(page(dossier, officer), "notes");
        Matcher id = Pattern.compile("id=\"corriger-note-(\\d+)\"").matcher(notes);
        assertThat(id.find()).isTrue();
        long note = Long.parseLong(id.group(1));
        assertThat(notes).contains("Premier jet.", "<label for=\"note-" + note + "-texte\">Corriger la note (possible "
                + "jusqu&#39;au");

        MockHttpSession colleague = login(mvc, "secretariat");
        assertThat(section(page(dossier, colleague), "notes")).contains("Premier jet.").doesNotContain("corriger-note-");
        MockHttpServletResponse refused = call(post(dossier + "/notes/" + note).param("note", "Réécrite.").with(csrf()),
                colleague);
        assertThat(refused.getStatus()).isEqualTo(403);

        MockHttpServletResponse blank = call(post(dossier + "/notes/" + note).param("note", " ").with(csrf()), officer);
        assertThat(blank.getStatus()).isEqualTo(400);
        assertThat(blank.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"err-note-" + note + "-texte\"");

        MockHttpServletResponse corrected = call(post(dossier + "/notes/" + note).param("note", "Premier jet, corrigé.")
                .with(csrf()), officer);
        assertThat(corrected.getStatus()).isEqualTo(302);
        assertThat(section(page(dossier, officer), "notes")).contains("Premier jet, corrigé.", "(corrigée le ");
        assertThat(jdbc.queryForObject("select text from internal_note where id = ?", String.class, note))
                .isEqualTo("Premier jet, corrigé.");
    }
}
