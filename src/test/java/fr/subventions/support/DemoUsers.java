package fr.subventions.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The demo users as the tests call the application on MockMvc, through its real filter chain: the API by HTTP Basic,
 * checked against the real user store (a demo user's password is its login); the pages in a session that the login
 * form opened. Forms are posted {@code .with(csrf())}; a test of CSRF itself posts without it.
 */
public final class DemoUsers {

    private DemoUsers() {
    }

    /** HTTP Basic as that demo user. */
    public static RequestPostProcessor as(String user) {
        return httpBasic(user, user);
    }

    /** A page session, as the login form opens it for that demo user. */
    public static MockHttpSession login(MockMvc mvc, String user) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/connexion").session(session).param("username", user).param("password", user).with(csrf()));
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                .as("%s logged in", user).isNotNull();
        return session;
    }

    /**
     * A user beside the demo ones (a second officer, another applicant), created once in the group if missing; its
     * password is its login, as the demo users'.
     */
    public static void ensure(IdentityService identity, String id, String firstName, String lastName, String group) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setPassword(id);
        user.setEmail(id + "@demo.invalid");
        identity.saveUser(user);
        identity.createMembership(id, group);
    }
}
