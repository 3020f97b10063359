package fr.subventions.consultation;

import java.util.Optional;

/**
 * Who an opinion is asked of: a service — one of the staff groups, {@code instructeurs}, {@code finances},
 * {@code secretariat} — whose members may each give it, or one named colleague (a staff user).
 */
public record Recipient(Kind kind, String id) {

    public enum Kind {
        GROUP,
        USER
    }

    public static Recipient group(String group) {
        return new Recipient(Kind.GROUP, group);
    }

    public static Recipient user(String user) {
        return new Recipient(Kind.USER, user);
    }

    public boolean isGroup() {
        return kind == Kind.GROUP;
    }

    /** As a page's form sends it: {@code group:finances}, {@code user:inès}. */
    public String key() {
        return (isGroup() ? "group:" : "user:") + id;
    }

    /** A form's value read back; empty for anything else. */
    public static Optional<Recipient> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.startsWith("group:") && key.length() > "group:".length()) {
            return Optional.of(group(key.substring("group:".length())));
        }
        if (key.startsWith("user:") && key.length() > "user:".length()) {
            return Optional.of(user(key.substring("user:".length())));
        }
        return Optional.empty();
    }
}
