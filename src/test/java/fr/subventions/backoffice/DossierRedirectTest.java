package fr.subventions.backoffice;

import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The link every request's Camunda Form opens with, /gestion/dossiers/{requestId}, leads to the request's dossier page. */
@ApplicationTest
class DossierRedirectTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    SubsidyRequestService requests;

    @Test
    void theFormsLinkLeadsAnOfficerToTheRequestsDossier() throws Exception {
        SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request();
        for (String staff : new String[] {"instructeur", "finances", "secretariat", "demo"}) {
            MockHttpServletResponse answer = open("/gestion/dossiers/" + request.id(), staff);
            assertThat(answer.getStatus()).as(staff).isEqualTo(302);
            assertThat(answer.getRedirectedUrl()).as(staff).isEqualTo("/gestion/demandes/" + request.reference());
        }
    }

    @Nested
    class Refused {

        @Test
        void toAnApplicant() throws Exception {
            SubsidyRequest own = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request();
            assertThat(open("/gestion/dossiers/" + own.id(), "demandeur").getStatus()).isEqualTo(403);
        }

        @Test
        void toSomeoneNotLoggedIn() throws Exception {
            MockHttpServletResponse answer = mvc.perform(get("/gestion/dossiers/1")).andReturn().getResponse();
            assertThat(answer.getStatus()).isEqualTo(302);
            assertThat(answer.getRedirectedUrl()).endsWith("/connexion");
        }

        @Test
        void forAnIdThatIsNoRequestsOrNoNumber() throws Exception {
            MockHttpServletResponse unknown = open("/gestion/dossiers/999999999", "instructeur");
            assertThat(unknown.getStatus()).isEqualTo(404);
            assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).contains("lang=\"fr\"", "Demande inconnue");
            MockHttpServletResponse reference = open("/gestion/dossiers/SUB-2025-0001", "instructeur");
            assertThat(reference.getStatus()).isEqualTo(400);
            assertThat(reference.getContentAsString(StandardCharsets.UTF_8)).contains("Paramètre invalide");
        }
    }

    private MockHttpServletResponse open(String path, String user) throws Exception {
        return mvc.perform(get(path).session(login(mvc, user))).andReturn().getResponse();
    }
}
