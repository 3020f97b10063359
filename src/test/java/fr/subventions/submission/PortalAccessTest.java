package fr.subventions.submission;

import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.subventions.shared.Caller;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Applicant A neither sees nor acts on applicant B's request through the portal's pages; pages need a login. */
@ApplicationTest
class PortalAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    DocumentService documents;
    @Autowired
    Scenarios scenarios;

    String reference;
    Long document;

    @BeforeEach
    void requestOfApplicantA() {
        DemoUsers.ensure(identity, "applicantb", "", "", Caller.APPLICANTS);
        reference = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request().reference();
        document = documents.upload(reference, DocumentType.STATUTS, "statuts.pdf", "%PDF-1.4\n%%EOF".getBytes(),
                Scenarios.APPLICANT).id();
    }

    @Test
    void applicantBCannotSeeOrActOnApplicantAsRequest() throws Exception {
        MockHttpSession b = login(mvc, "applicantb");
        String refused = mvc.perform(get("/portail/demandes/" + reference).session(b)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        // a page, in French, not a problem document
        assertThat(refused).contains("<html", "Ressource introuvable", "Demande inconnue");
        mvc.perform(get("/portail/documents/" + document).session(b)).andExpect(status().isNotFound());
        String listing = mvc.perform(get("/portail").session(b)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(listing).doesNotContain(reference);
        for (String action : new String[] {"retrait", "renvoi", "signature", "pieces"}) {
            mvc.perform(post("/portail/demandes/" + reference + "/" + action).session(b).with(csrf()));
        }
        SubsidyRequest unchanged = requests.byReference(reference);
        assertThat(unchanged.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(documents.list(unchanged)).hasSize(1);
    }

    @Test
    void applicantASeesTheirOwnRequest() throws Exception {
        MockHttpSession a = login(mvc, "demandeur");
        String page = mvc.perform(get("/portail/demandes/" + reference).session(a)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains(reference, "statuts.pdf");
    }

    @Test
    void aRegisteredApplicantUsesThePortalButIsNoEngineUser() throws Exception {
        MockHttpSession anonymous = new MockHttpSession();
        mvc.perform(post("/inscription").session(anonymous).with(csrf()).param("username", "asso-velo")
                .param("firstName", "Léa").param("lastName", "Martin").param("email", "lea@velo.example")
                .param("password", "douze caractères").param("confirmation", "douze caractères"))
                .andExpect(status().is3xxRedirection());
        assertThat(identity.createUserQuery().userId("asso-velo").count()).isZero();
        assertThat(identity.checkPassword("asso-velo", "douze caractères")).isFalse();

        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/connexion").session(session).param("username", "asso-velo").param("password", "douze caractères")
                .with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/portail").session(session)).andExpect(status().isOk());
        mvc.perform(get("/seances").session(session)).andExpect(status().isForbidden());
    }

    @Test
    void pagesNeedALoginAndTheRightRole() throws Exception {
        mvc.perform(get("/portail")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/seances").session(login(mvc, "demandeur"))).andExpect(status().isForbidden());
        mvc.perform(get("/portail").session(login(mvc, "secretariat"))).andExpect(status().isForbidden());
    }
}
