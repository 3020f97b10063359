package fr.subventions.system;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The application as production starts it — without the demo profile — on an empty database of its own: no user,
 * group or administrator, no member of any assembly, no budget line; the demo's passwords open nothing. Only what
 * every profile sets up is there: the Tasklist filters and the groups' authorizations.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:subventions-without-demo;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class WithoutDemoProfileTest {

    static final List<String> DEMO_USERS = List.of("demo", "demandeur", "instructeur", "secretariat", "finances");

    @Autowired
    Environment environment;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    FilterService filters;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void runsWithoutTheDemoProfile() {
        assertThat(environment.getActiveProfiles()).containsExactly("test");
        assertThat(environment.getProperty("camunda.bpm.admin-user.id")).as("Camunda's initial administrator").isNull();
        assertThat(environment.getProperty("camunda.bpm.admin-user.password")).isNull();
    }

    @Test
    void hasNoUserGroupOrAdministrator() {
        for (String user : DEMO_USERS) {
            assertThat(identity.createUserQuery().userId(user).count()).as(user).isZero();
            assertThat(identity.checkPassword(user, user)).as(user + "/" + user).isFalse();
        }
        assertThat(identity.createUserQuery().count()).as("engine users").isZero();
        assertThat(identity.createGroupQuery().count()).as("groups").isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_ID_MEMBERSHIP", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from applicant_account", Long.class)).as("portal accounts").isZero();
    }

    @Test
    void hasNoMemberBudgetLineOrRequest() {
        for (String table : List.of("assembly_member", "member_mandate", "budget_line", "subsidy_request",
                "assembly_session", "request_document")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).as(table).isZero();
        }
    }

    @Test
    void setsUpTheFiltersAndTheGroupsAuthorizationsAheadOfTheGroups() {
        assertThat(filters.createFilterQuery().list()).extracting(Filter::getName)
                .containsExactlyInAnyOrder("Instruction", "Secrétariat des assemblées", "Finances", "Demandeurs", "Mes tâches",
                        "Avis à donner");
        for (String group : List.of("instructeurs", "secretariat", "finances")) {
            assertThat(authorizations.isUserAuthorized("agent", List.of(group), Permissions.ACCESS, Resources.APPLICATION,
                    "tasklist")).as(group).isTrue();
            assertThat(authorizations.isUserAuthorized("agent", List.of(group), Permissions.ACCESS, Resources.APPLICATION,
                    "cockpit")).as(group).isFalse();
        }
        assertThat(authorizations.isUserAuthorized("agent", List.of("demandeurs"), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isFalse();
    }

    @Test
    void theDemoPasswordsOpenNothing() throws Exception {
        for (String user : DEMO_USERS) {
            assertThat(mvc.perform(get("/api/requests").with(as(user))).andReturn()
                    .getResponse().getStatus()).as(user).isEqualTo(401);
            MockHttpSession session = new MockHttpSession();
            String landing = mvc.perform(post("/connexion").session(session).param("username", user).param("password", user)
                    .with(csrf())).andReturn().getResponse().getRedirectedUrl();
            assertThat(landing).as(user).contains("/connexion?error");
        }
    }
}
