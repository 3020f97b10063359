package fr.subventions.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.subventions.consultation.OpinionQuestion;
import fr.subventions.consultation.OpinionService;
import fr.subventions.consultation.Recipient;
import fr.subventions.shared.Caller;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine with Camunda authorizations on, as the webapps call it for a logged-in user: who opens which webapp, sees
 * which filter and which task, and what nobody but an administrator may do — change memberships, authorizations, users,
 * deployments, or start a process from Tasklist. The application's own completions still go through.
 */
@ApplicationTest
class EngineAuthorizationTest {

    @Autowired
    ProcessEngineConfiguration configuration;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService taskService;
    @Autowired
    FilterService filters;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    TaskCompleter tasks;
    @Autowired
    Scenarios scenarios;
    @Autowired
    EngineAuthorizations grants;
    @Autowired
    TaskFilters taskFilters;
    @Autowired
    OpinionService opinions;
    @Autowired
    Clock clock;

    @Test
    void authorizationsAreChecked() {
        assertThat(configuration.isAuthorizationEnabled()).isTrue();
        assertThat(configuration.isAuthorizationEnabledForCustomCode()).as("listeners and delegates run as the application")
                .isFalse();
    }

    /** The check by EXISTS subqueries, not the join MariaDB cannot index (application.yml, docs/benchmarks.md). */
    @Test
    void queriesCheckEachResultByItsOwnGrantsRevokesIncluded() {
        assertThat(((ProcessEngineConfigurationImpl) configuration)
                .getAuthorizationCheckRevokes()).isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
    }

    @Test
    void onlyStaffOpenTasklistAndOnlyTheAdministratorCockpitAndAdmin() {
        Map<String, List<String>> expected = Map.of(
                "demandeur", List.of(),
                "instructeur", List.of("tasklist"),
                "secretariat", List.of("tasklist"),
                "finances", List.of("tasklist"),
                "demo", List.of("tasklist", "cockpit", "admin"));
        expected.forEach((user, apps) -> {
            for (String app : List.of("tasklist", "cockpit", "admin")) {
                assertThat(authorizations.isUserAuthorized(user, groupsOf(user), Permissions.ACCESS, Resources.APPLICATION, app))
                        .as("%s may open %s", user, app).isEqualTo(apps.contains(app));
            }
        });
    }

    @Test
    void eachStaffGroupSeesItsOwnFilterAndMyTasksOnly() {
        assertThat(as("instructeur", () -> filterNames())).containsExactlyInAnyOrder("Instruction", "Mes tâches",
                "Avis à donner");
        assertThat(as("secretariat", () -> filterNames())).containsExactlyInAnyOrder("Secrétariat des assemblées",
                "Mes tâches", "Avis à donner");
        assertThat(as("finances", () -> filterNames())).containsExactlyInAnyOrder("Finances", "Mes tâches", "Avis à donner");
        assertThat(as("demandeur", () -> filterNames())).isEmpty();
        assertThat(as("demo", () -> filterNames())).contains("Instruction", "Secrétariat des assemblées", "Finances",
                "Demandeurs", "Toutes les tâches", "Mes tâches", "Avis à donner");
    }

    /**
     * « Avis à donner » lists the opinions asked of the logged-in user, by name or through one of their groups, and Tasklist
     * lets them work those and no other: the service asked sees its task, the colleague named theirs.
     */
    @Test
    void theOpinionsAskedOfAUserAreTheirsInTasklist() {
        String filter = filters.createFilterQuery().filterName(TaskFilters.OPINIONS).singleResult().getId();
        SubsidyRequest request = submitted();
        Caller officer = new Caller("instructeur", Set.of(Caller.OFFICERS));
        for (OpinionQuestion.Asked asked : List.of(new OpinionQuestion.Asked(Recipient.group(Caller.FINANCE), "group"),
                new OpinionQuestion.Asked(Recipient.user("secretariat"), "user"))) {
            opinions.ask(request.reference(), new OpinionQuestion(List.of(asked), "group", "Votre avis ?",
                    LocalDate.now(clock).plusDays(5), false, List.of(), List.of()), officer);
        }
        List<Task> asked = taskService.createTaskQuery().processDefinitionKey(ServiceOpinionProcess.KEY)
                .processInstanceBusinessKey(request.reference()).list();
        assertThat(asked).hasSize(2);
        Task toFinance = asked.stream().filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
                .anyMatch(l -> Caller.FINANCE.equals(l.getGroupId()))).findFirst().orElseThrow();
        Task toSecretariat = asked.stream().filter(t -> t != toFinance).findFirst().orElseThrow();

        assertThat(as("finances", () -> ids(filters.list(filter)))).contains(toFinance.getId())
                .doesNotContain(toSecretariat.getId());
        assertThat(as("secretariat", () -> ids(filters.list(filter)))).contains(toSecretariat.getId())
                .doesNotContain(toFinance.getId());
        assertThat(as("instructeur", () -> ids(filters.list(filter)))).doesNotContain(toFinance.getId(),
                toSecretariat.getId());
        // the colleague named works theirs in Tasklist, and only theirs
        assertThat(as("secretariat", () -> taskService.createTaskQuery().taskId(toSecretariat.getId()).count())).isOne();
        assertThat(as("secretariat", () -> taskService.createTaskQuery().taskId(toFinance.getId()).count())).isZero();
        assertThat(as("finances", () -> taskService.createTaskQuery().taskId(toSecretariat.getId()).count())).isZero();
        as("secretariat", () -> {
            taskService.claim(toSecretariat.getId(), "secretariat");
            return null;
        });
        assertThat(as("secretariat", () -> ids(filters.list(filter)))).as("taken, still listed").contains(toSecretariat.getId());
        assertThatThrownBy(() -> as("finances", () -> {
            taskService.claim(toSecretariat.getId(), "finances");
            return null;
        })).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void myTasksExistsOnceAfterTwoStartUpsAndIsReadByStaffOnly() {
        taskFilters.create();
        grants.grant();
        taskFilters.create();
        grants.grant();
        List<Filter> mine = filters.createFilterQuery().filterName(TaskFilters.MY_TASKS).list();
        assertThat(mine).hasSize(1);
        String id = mine.get(0).getId();
        for (String group : EngineAuthorizations.STAFF) {
            assertThat(authorizations.isUserAuthorized("agent", List.of(group), Permissions.READ, Resources.FILTER, id))
                    .as(group).isTrue();
            assertThat(authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER)
                    .resourceId(id).count()).as("one grant for %s", group).isOne();
        }
        assertThat(authorizations.isUserAuthorized("agent", List.of(Caller.APPLICANTS), Permissions.READ, Resources.FILTER,
                id)).as("demandeurs").isFalse();
        assertThat(authorizations.isUserAuthorized("demandeur", groupsOf("demandeur"), Permissions.READ, Resources.FILTER,
                id)).as("demandeur").isFalse();
        for (String user : List.of("instructeur", "secretariat", "finances")) {
            assertThat(authorizations.isUserAuthorized(user, groupsOf(user), Permissions.READ, Resources.FILTER, id))
                    .as(user).isTrue();
        }
        assertThatThrownBy(() -> as("demandeur", () -> filters.list(id))).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void myTasksListsExactlyTheCallersAssignedTasksNewestFirst() {
        String mine = filters.createFilterQuery().filterName(TaskFilters.MY_TASKS).singleResult().getId();
        SubsidyRequest request = submitted();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult();
        assertThat(as("instructeur", () -> ids(filters.list(mine)))).as("not claimed yet").doesNotContain(task.getId());

        as("instructeur", () -> {
            taskService.claim(task.getId(), "instructeur");
            return null;
        });
        List<String> assigned = taskService.createTaskQuery().taskAssignee("instructeur").orderByTaskCreateTime().desc()
                .list().stream().map(Task::getId).toList();
        assertThat(assigned).contains(task.getId());
        assertThat(as("instructeur", () -> ids(filters.list(mine)))).containsExactlyElementsOf(assigned);
        assertThat(as("instructeur", () -> filters.count(mine))).isEqualTo(assigned.size());
        assertThat(as("instructeur", () -> ids(filters.listPage(mine, 0, 1)))).containsExactly(assigned.get(0));
        // another user's « Mes tâches » is theirs, even for the administrator, who may read every task
        assertThat(as("secretariat", () -> ids(filters.list(mine)))).doesNotContain(task.getId())
                .allSatisfy(id -> assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee())
                        .isEqualTo("secretariat"));
        assertThat(as("demo", () -> ids(filters.list(mine)))).doesNotContain(task.getId());

        as("instructeur", () -> {
            taskService.setAssignee(task.getId(), null);
            return null;
        });
        assertThat(as("instructeur", () -> ids(filters.list(mine)))).as("unclaimed").doesNotContain(task.getId());
    }

    @Test
    void aTaskIsSeenAndWorkedByItsCandidateGroupOnly() {
        SubsidyRequest request = submitted();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(SubsidyRequestProcess.TASK_CHECK_COMPLETENESS);

        assertThat(as("instructeur", () -> taskService.createTaskQuery().taskId(task.getId()).count())).isOne();
        for (String other : List.of("secretariat", "finances", "demandeur")) {
            assertThat(as(other, () -> taskService.createTaskQuery().taskId(task.getId()).count())).as(other).isZero();
            assertThatThrownBy(() -> as(other, () -> {
                taskService.claim(task.getId(), other);
                return null;
            })).as(other).isInstanceOf(AuthorizationException.class);
        }
        // the officer claims and completes it as Tasklist would
        as("instructeur", () -> {
            taskService.claim(task.getId(), "instructeur");
            taskService.complete(task.getId(), Map.of("isComplete", false, "missing", "RIB"));
            return null;
        });
        assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.INCOMPLETE);
    }

    @Test
    void nobodyButTheAdministratorChangesMembershipsAuthorizationsUsersOrDeployments() {
        for (String user : List.of("instructeur", "secretariat", "finances", "demandeur")) {
            assertThatThrownBy(() -> as(user, () -> {
                identity.createMembership(user, "camunda-admin");
                return null;
            })).as("%s joins camunda-admin", user).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> as(user, () -> {
                identity.createMembership(user, Caller.FINANCE.equals(user) ? Caller.OFFICERS : Caller.FINANCE);
                return null;
            })).as("%s joins another group", user).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> as(user, () -> {
                Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                grant.setUserId(user);
                grant.setResource(Resources.APPLICATION);
                grant.setResourceId("admin");
                grant.addPermission(Permissions.ACCESS);
                return authorizations.saveAuthorization(grant);
            })).as("%s grants themselves Admin", user).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> as(user, () -> {
                identity.saveUser(identity.newUser("complice-" + user));
                return null;
            })).as("%s creates a user", user).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> as(user, () -> repository.createDeployment().addString("p.bpmn", "x").deploy()))
                    .as("%s deploys", user).isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> as(user, () -> runtime.startProcessInstanceByKey(SubsidyRequestProcess.KEY)))
                    .as("%s starts a request's process without a request", user).isInstanceOf(AuthorizationException.class);
        }
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(u -> u.getId())
                .containsExactly("demo");
        // the administrator may
        as("demo", () -> {
            identity.createMembership("instructeur", Caller.FINANCE);
            identity.deleteMembership("instructeur", Caller.FINANCE);
            return null;
        });
    }

    /**
     * A portal account is no engine user and has no authorization at all: the application completes the task for it
     * (it checked the ownership), and the history names the account.
     */
    @Test
    void theApplicationCompletesATaskForACallerTheEngineKnowsNothingOf() {
        SubsidyRequest request = submitted();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult();
        identity.setAuthenticatedUserId("agent-sans-compte");
        try {
            assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("isComplete", false, "missing", "RIB")))
                    .as("the engine alone, with that caller").isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
        tasks.complete(SubsidyRequestProcess.KEY, request.reference(), SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                Map.of("isComplete", false, "missing", List.of("RIB")), "agent-sans-compte", "complétude");
        assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.INCOMPLETE);
        assertThat(requests.view(request.reference(), Scenarios.APPLICANT).history())
                .anyMatch(entry -> entry.actor().equals("agent-sans-compte"));
        assertThat(identity.getCurrentAuthentication()).as("authentication cleared").isNull();
    }

    @Test
    void theStartUpGrantsAreIdempotentAndOpenTasksGetTheirGroupsGrantBack() {
        long before = authorizations.createAuthorizationQuery().count();
        grants.grant();
        grants.grant();
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(before);

        // a task created while authorizations were off has no grant for its group
        SubsidyRequest request = submitted();
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult();
        Authorization grant = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
                .groupIdIn(Caller.OFFICERS).singleResult();
        assertThat(grant).isNotNull();
        authorizations.deleteAuthorization(grant.getId());
        assertThat(as("instructeur", () -> taskService.createTaskQuery().taskId(task.getId()).count())).isZero();

        assertThat(grants.grantOpenTasks()).isGreaterThanOrEqualTo(1);
        assertThat(as("instructeur", () -> taskService.createTaskQuery().taskId(task.getId()).count())).isOne();
        assertThat(grants.grantOpenTasks()).isZero();
    }

    // ------------------------------------------------------------------------------------------------------------

    private SubsidyRequest submitted() {
        SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request();
        scenarios.fileDocumentsOf(request.reference());
        return request;
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }

    private List<String> filterNames() {
        return filters.createFilterQuery().list().stream().map(Filter::getName).toList();
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    /** As Tasklist calls the engine for a logged-in user: the user and their groups. */
    private <T> T as(String user, Supplier<T> call) {
        identity.setAuthentication(user, groupsOf(user));
        try {
            return call.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
