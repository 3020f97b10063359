package fr.subventions.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.subventions.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The login page names its refusal to screen readers through the identifier field, and points at nothing otherwise. */
@ApplicationTest
class LoginPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aRefusedLoginTiesItsMessageToTheIdentifierField() throws Exception {
        String page = mvc.perform(get("/connexion").queryParam("error", "")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("id=\"erreur-connexion\"", "Identifiant ou mot de passe incorrect.")
                .contains("autocomplete=\"username\" required aria-describedby=\"erreur-connexion\"");
    }

    @Test
    void aFirstVisitDescribesTheFieldByNothingThatIsAbsent() throws Exception {
        String page = mvc.perform(get("/connexion")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"username\"").doesNotContain("erreur-connexion");
    }
}
