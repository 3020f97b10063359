package fr.subventions.bureau;

import fr.subventions.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An attendance sheet as typed: from the API lists of member ids and proxies {fromId, toId}; from Tasklist text areas
 * with one id per line and one proxy per line, "absent > mandataire". Without a list of the present, every member
 * in office not listed absent is present.
 */
public record AttendanceSheet(List<Long> present, List<Long> absent, Map<Integer, Roll.Proxy> proxies) {

    private static final String LINE = "écrivez « absent > mandataire » (identifiants des membres) ou « #numéro du pouvoir » "
            + "sur chaque ligne";

    public static AttendanceSheet from(Function<String, Object> field) {
        Object present = field.apply("present");
        return new AttendanceSheet(present == null ? null : ids(present, "present"), ids(field.apply("absent"), "absent"),
                proxies(field.apply("proxies")));
    }

    /**
     * A sheet as the API and the séance page give it: lists of member ids, and each proxy its giver and holder, or a
     * proxy of the register by its number ({@code null} fields all round: an empty line, skipped).
     */
    public static AttendanceSheet of(List<Long> present, List<Long> absent, List<Roll.Proxy> proxies) {
        Map<Integer, Roll.Proxy> lines = new LinkedHashMap<>();
        for (Roll.Proxy proxy : proxies) {
            String at = "proxies[" + lines.size() + "]";
            if (proxy != null && proxy.fromId() == null && proxy.toId() == null && proxy.proxyId() == null) {
                continue;
            }
            if (proxy == null || proxy.fromId() != null && proxy.toId() == null) {
                throw new InvalidInputException(at, LINE);
            }
            if (proxy.fromId() == null && proxy.toId() != null) {
                throw new InvalidInputException(at + ".fromId", "identifiant de membre invalide : ");
            }
            lines.put(lines.size(), proxy);
        }
        return new AttendanceSheet(present, absent, lines);
    }

    /** Member ids from a JSON array or from text, one per line (or separated by commas). */
    public static List<Long> ids(Object raw, String field) {
        List<Long> ids = new ArrayList<>();
        if (raw == null) {
            return ids;
        }
        Collection<?> items = raw instanceof Collection<?> c ? c : List.of(raw.toString().split("[\\n,;]"));
        for (Object item : items) {
            if (item == null) {
                ids.add(null);
                continue;
            }
            String text = item.toString().trim();
            if (text.isEmpty()) {
                continue;
            }
            ids.add(id(text, field + "[" + ids.size() + "]"));
        }
        return ids;
    }

    private static Map<Integer, Roll.Proxy> proxies(Object raw) {
        Map<Integer, Roll.Proxy> proxies = new LinkedHashMap<>();
        if (raw == null) {
            return proxies;
        }
        // a JSON array of {fromId, toId} or {proxyId}, a list of text lines (the séance page), or a text area (Tasklist)
        Collection<?> items = raw instanceof Collection<?> c ? c : List.of(raw.toString().split("\\R"));
        for (Object item : items) {
            String at = "proxies[" + proxies.size() + "]";
            if (item instanceof Map<?, ?> map) {
                proxies.put(proxies.size(), new Roll.Proxy(optionalId(map.get("fromId"), at + ".fromId"),
                        optionalId(map.get("toId"), at + ".toId"), optionalId(map.get("proxyId"), at + ".proxyId")));
            } else if (item instanceof CharSequence text) {
                if (!text.toString().isBlank()) {
                    proxies.put(proxies.size(), line(text.toString(), at));
                }
            } else {
                throw new InvalidInputException(at, "un pouvoir s'écrit {\"fromId\": absent, \"toId\": mandataire} ou {\"proxyId\": n}");
            }
        }
        return proxies;
    }

    /** "absent > mandataire", optionally followed by "#n" naming a proxy of the register; or "#n" alone. */
    private static Roll.Proxy line(String line, String at) {
        String[] registered = line.split("#", -1);
        if (registered.length > 2) {
            throw new InvalidInputException(at, "écrivez « absent > mandataire » ou « #numéro du pouvoir » sur chaque ligne");
        }
        Long proxyId = registered.length == 2 ? id(registered[1].trim(), at + ".proxyId") : null;
        if (registered[0].isBlank() && proxyId != null) {
            return new Roll.Proxy(null, null, proxyId);
        }
        String[] parts = registered[0].split(">");
        if (parts.length != 2) {
            throw new InvalidInputException(at, LINE);
        }
        return new Roll.Proxy(id(parts[0].trim(), at + ".fromId"), id(parts[1].trim(), at + ".toId"), proxyId);
    }

    private static Long optionalId(Object value, String field) {
        return value == null ? null : id(value.toString(), field);
    }

    static Long id(String text, String field) {
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "identifiant de membre invalide : " + text);
        }
    }
}
