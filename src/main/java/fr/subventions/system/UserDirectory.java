package fr.subventions.system;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who the application writes to: the e-mail addresses of the applicants' portal accounts and of Camunda's users, and
 * the members of a Camunda group (the officers of {@code instructeurs}, the secretariat…). The engine's users are read
 * without its authorization checks, whoever's action asks (an officer in Tasklist may not read the other users).
 */
@Component
@Transactional(readOnly = true)
public class UserDirectory {

    /** A user the application can write to. */
    public record Person(String id, String name, String email) {
    }

    private final ApplicantAccountRepository accounts;
    private final IdentityService identity;
    private final CommandExecutor commands;

    UserDirectory(ApplicantAccountRepository accounts, IdentityService identity, ProcessEngineConfigurationImpl engine) {
        this.accounts = accounts;
        this.identity = identity;
        this.commands = engine.getCommandExecutorTxRequired();
    }

    private <T> T unchecked(Supplier<T> query) {
        return commands.execute(context -> context.runWithoutAuthorization(query::get));
    }

    /** The user's address: their portal account's, or else their Camunda user's; none if they gave none. */
    public Optional<Person> person(String username) {
        if (username == null) {
            return Optional.empty();
        }
        Optional<Person> account = accounts.findById(username)
                .map(a -> new Person(a.username(), a.fullName(), a.email()));
        if (account.isPresent()) {
            return account.filter(p -> hasText(p.email()));
        }
        return Optional.ofNullable(unchecked(() -> identity.createUserQuery().userId(username).singleResult()))
                .map(UserDirectory::person).filter(p -> hasText(p.email()));
    }

    /**
     * How the user is named to others, address or not: their portal account's full name, or their Camunda user's first
     * and last names; the login itself for a user without a name (or unknown).
     */
    public String name(String username) {
        if (username == null) {
            return null;
        }
        Optional<String> account = accounts.findById(username).map(a -> a.fullName().strip()).filter(n -> !n.isEmpty());
        if (account.isPresent()) {
            return account.get();
        }
        return Optional.ofNullable(unchecked(() -> identity.createUserQuery().userId(username).singleResult()))
                .map(UserDirectory::person).map(Person::name).orElse(username);
    }

    /** The members of a Camunda group who have an e-mail address, by id. */
    public List<Person> membersOf(String group) {
        return unchecked(() -> identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()).stream()
                .map(UserDirectory::person).filter(p -> hasText(p.email())).toList();
    }

    /** Whether the user belongs to the group (Camunda's groups; a portal account is only ever an applicant). */
    public boolean isMember(String username, String group) {
        return username != null
                && unchecked(() -> identity.createUserQuery().userId(username).memberOfGroup(group).count()) > 0;
    }

    private static Person person(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new Person(user.getId(), name.isEmpty() ? user.getId() : name, user.getEmail());
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
