package fr.subventions.workflow;

import fr.subventions.shared.Caller;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What each group may do in Camunda's webapps once the engine checks authorizations
 * ({@code camunda.bpm.authorization.enabled}), granted at every start-up when missing, in every profile:
 *
 * <ul>
 * <li>{@code instructeurs}, {@code secretariat}, {@code finances}: the Tasklist application, their own group's filter
 * and « Mes tâches » (each user's assigned tasks), « Avis à donner » (the opinions asked of them), and reading the
 * four process definitions (the name and the diagram Tasklist shows with a task). Each task offered
 * to one of these groups gives that group READ and UPDATE on the task (the engine's default authorization for a
 * candidate group): they see, claim and complete their group's tasks, and no other;</li>
 * <li>{@code demandeurs}: nothing in the webapps. Applicants work on the portal and through the API, which check that a
 * request is theirs; the engine's default authorization would give the whole group every applicant's task, so it is
 * not given to this group ({@link #applicantTasksStayPrivate()});</li>
 * <li>{@code camunda-admin}: everything, Cockpit and Admin included, as Camunda grants it to the first administrator.
 * Nobody else is given Cockpit or Admin, nor any permission on users, groups, memberships or authorizations.</li>
 * </ul>
 *
 * The application's own engine calls run without authentication, or with the checks off ({@link TaskCompleter}).
 */
@Configuration
class EngineAuthorizations {

    private static final Logger LOG = LoggerFactory.getLogger(EngineAuthorizations.class);

    /** The groups that work in Tasklist, each on the tasks offered to it. */
    static final List<String> STAFF = List.of(Caller.OFFICERS, Caller.SECRETARIAT, Caller.FINANCE);

    static final List<String> PROCESSES = List.of(SubsidyRequestProcess.KEY, AssemblySessionProcess.KEY,
            SubsidyPaymentProcess.KEY, ServiceOpinionProcess.KEY);

    static final String TASKLIST = "tasklist";

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final JdbcTemplate jdbc;

    EngineAuthorizations(AuthorizationService authorizations, FilterService filters,
            JdbcTemplate jdbc) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.jdbc = jdbc;
    }

    /**
     * The engine's default authorizations, except that a task offered to the applicants' group gives that group
     * nothing: every applicant is in it, and one applicant must never see, claim or complete another's task.
     */
    @Bean
    static AbstractProcessEnginePlugin applicantTasksStayPrivate() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
                    @Override
                    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
                        return Caller.APPLICANTS.equals(groupId) ? null : super.newTaskGroupIdentityLink(task, groupId, type);
                    }
                });
            }
        };
    }

    /** After {@link TaskFilters} has created the filters. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void grant() {
        for (String group : STAFF) {
            ensure(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
            for (String process : PROCESSES) {
                ensure(group, Resources.PROCESS_DEFINITION, process, Permissions.READ);
            }
        }
        for (Map.Entry<String, String> filter : TaskFilters.BY_GROUP.entrySet()) {
            if (!STAFF.contains(filter.getKey())) {
                continue;
            }
            for (Filter f : filters.createFilterQuery().filterName(filter.getValue()).list()) {
                ensure(filter.getKey(), Resources.FILTER, f.getId(), Permissions.READ);
            }
        }
        for (String shared : List.of(TaskFilters.MY_TASKS, TaskFilters.OPINIONS)) {
            for (Filter f : filters.createFilterQuery().filterName(shared).list()) {
                for (String group : STAFF) {
                    ensure(group, Resources.FILTER, f.getId(), Permissions.READ);
                }
            }
        }
        int backfilled = grantOpenTasks();
        if (backfilled > 0) {
            LOG.info("Camunda authorizations: {} open task(s) given to their candidate group", backfilled);
        }
    }

    /**
     * Tasks created while authorizations were disabled (a database of an earlier version) carry no default
     * authorization: their staff candidate group gets the one the engine would have created, READ and UPDATE.
     *
     * @return how many grants were added
     */
    int grantOpenTasks() {
        // One query over the engine's tables rather than a task query and a grant lookup per open task: with 60 000
        // open tasks the per-task way took some 140 000 queries at every start. The NOT EXISTS is a lookup on
        // Camunda's unique key ACT_UNIQ_AUTH_GROUP (TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_).
        String groups = String.join(", ", Collections.nCopies(STAFF.size(), "?"));
        List<Object> parameters = new ArrayList<>();
        parameters.add(IdentityLinkType.CANDIDATE);
        parameters.addAll(STAFF);
        parameters.add(Authorization.AUTH_TYPE_GRANT);
        parameters.add(Resources.TASK.resourceType());
        List<Map<String, Object>> ungranted = jdbc.queryForList("select I.TASK_ID_ task, I.GROUP_ID_ grp"
                + " from ACT_RU_IDENTITYLINK I where I.TYPE_ = ? and I.TASK_ID_ is not null and I.GROUP_ID_ in (" + groups + ")"
                + " and not exists (select 1 from ACT_RU_AUTHORIZATION A where A.TYPE_ = ? and A.GROUP_ID_ = I.GROUP_ID_"
                + " and A.RESOURCE_TYPE_ = ? and A.RESOURCE_ID_ = I.TASK_ID_)", parameters.toArray());
        int added = 0;
        for (Map<String, Object> link : ungranted) {
            if (ensure((String) link.get("grp"), Resources.TASK, (String) link.get("task"), Permissions.READ,
                    Permissions.UPDATE)) {
                added++;
            }
        }
        return added;
    }

    /**
     * Grants the group these permissions on the resource unless it already has them.
     *
     * @return whether anything was written
     */
    boolean ensure(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).list().stream().findFirst().orElse(null);
        Authorization grant = existing;
        if (grant == null) {
            grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!grant.isPermissionGranted(permission)) {
                grant.addPermission(permission);
                changed = true;
            }
        }
        if (!changed) {
            return false;
        }
        authorizations.saveAuthorization(grant);
        return true;
    }
}
