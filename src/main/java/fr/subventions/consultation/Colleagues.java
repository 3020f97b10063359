package fr.subventions.consultation;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * The staff an opinion may be asked of by name: the Camunda users of the staff groups, read without the engine's
 * authorization checks (an officer may not list the users in Tasklist), with the names the pages show.
 */
@Component
public class Colleagues {

    /** A member of staff: their login, the name the pages show, their e-mail address (or null). */
    public record Colleague(String id, String name, String email) {

        /** "Inès Finances (finances)", or the login alone for a user without a name. */
        public String label() {
            return name.equals(id) ? id : name + " (" + id + ")";
        }
    }

    private final IdentityService identity;
    private final CommandExecutor commands;

    Colleagues(IdentityService identity, ProcessEngineConfigurationImpl engine) {
        this.identity = identity;
        this.commands = engine.getCommandExecutorTxRequired();
    }

    private <T> T unchecked(Supplier<T> query) {
        return commands.execute(context -> context.runWithoutAuthorization(query::get));
    }

    /** Every member of a staff group, once, by name. */
    public List<Colleague> staff() {
        Map<String, Colleague> staff = new LinkedHashMap<>();
        for (String group : OpinionSettings.STAFF_GROUPS) {
            for (User user : unchecked(() -> identity.createUserQuery().memberOfGroup(group).list())) {
                staff.putIfAbsent(user.getId(), colleague(user));
            }
        }
        return staff.values().stream().sorted(Comparator.comparing(Colleague::name).thenComparing(Colleague::id)).toList();
    }

    /** The user, if they are a member of staff. */
    public Optional<Colleague> staffMember(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        for (String group : OpinionSettings.STAFF_GROUPS) {
            if (unchecked(() -> identity.createUserQuery().userId(id).memberOfGroup(group).count()) > 0) {
                return find(id);
            }
        }
        return Optional.empty();
    }

    /** The members of a group. */
    public List<Colleague> membersOf(String group) {
        return unchecked(() -> identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()).stream()
                .map(Colleagues::colleague).toList();
    }

    /** Any user by login: a member of staff, or one who left. */
    public Optional<Colleague> find(String id) {
        return Optional.ofNullable(unchecked(() -> identity.createUserQuery().userId(id).singleResult()))
                .map(Colleagues::colleague);
    }

    /** The name the pages show for a login: the user's, or the login itself (a user gone, "système"). */
    public String name(String id) {
        return id == null ? null : find(id).map(Colleague::name).orElse(id);
    }

    private static Colleague colleague(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new Colleague(user.getId(), name.isEmpty() ? user.getId() : name, user.getEmail());
    }
}
