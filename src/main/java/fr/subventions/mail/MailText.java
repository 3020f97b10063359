package fr.subventions.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Fills an e-mail template: plain text whose first line is {@code Objet : …}, the subject, then the body.
 * {@code {{name}}} is replaced by a text; a line holding only {@code {{*name}}} by one line per entry of a list; a line
 * starting with {@code {{?name}}} is kept only when {@code name} is set (yes, a text not blank, a list not empty), one
 * starting with {@code {{!name}}} only when it is not — so that an optional sentence is worded in the template and the
 * code gives only the fact. All in one pass: what users typed (a title, a name) is never read as a placeholder. The
 * message goes out as text and as simple HTML built from it — paragraphs between blank lines, every character escaped,
 * so that no text, the template's or a user's, can add markup; the values of placeholders named {@code …Url} become
 * links.
 */
public final class MailText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([*?!]?)\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");
    /** A condition at the start of a line, and the rest of the line. */
    private static final Pattern CONDITION = Pattern.compile("^\\s*\\{\\{\\s*([?!])\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}(.*)$");
    private static final Pattern SUBJECT = Pattern.compile("^\\s*Objet\\s*:\\s*(.*)$");

    /** A filled message. */
    public record Rendered(String subject, String text, String html) {
    }

    private MailText() {
    }

    /** Fills the template {@code name} (for the messages) with the model: texts, lists of texts, and yes/no. */
    public static Rendered render(String name, String template, Map<String, Object> model) {
        List<String> lines = new ArrayList<>(List.of(template.replace("\uFEFF", "").split("\\R", -1)));
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        Matcher subjectLine = lines.isEmpty() ? null : SUBJECT.matcher(lines.get(0));
        if (subjectLine == null || !subjectLine.matches()) {
            throw new MailTemplateException("Le modèle de courriel « " + name + " » doit commencer par la ligne de "
                    + "l'objet : « Objet : … ».");
        }
        String subject = text(fill(name, subjectLine.group(1), model, false)).replaceAll("\\s+", " ").strip();
        if (subject.isEmpty()) {
            throw new MailTemplateException("Le modèle de courriel « " + name + " » a un objet vide.");
        }
        List<List<Piece>> body = new ArrayList<>();
        for (String templateLine : lines.subList(1, lines.size())) {
            String line = templateLine;
            boolean shown = true;
            for (Matcher condition = CONDITION.matcher(line); condition.matches(); condition = CONDITION.matcher(line)) {
                shown &= isSet(value(name, condition.group(2), model)) == condition.group(1).equals("?");
                line = condition.group(3);
            }
            if (!shown) {
                // dropped whole, no blank line left behind
                continue;
            }
            Matcher list = PLACEHOLDER.matcher(line.strip());
            if (list.matches() && list.group(1).equals("*")) {
                for (String entry : list(name, list.group(2), model)) {
                    body.add(List.of(new Piece(entry, false)));
                }
            } else {
                body.add(fill(name, line, model, true));
            }
        }
        // blank lines at either end dropped, runs of them made one (an empty list or text leaves none behind)
        List<List<Piece>> kept = new ArrayList<>();
        for (List<Piece> line : body) {
            boolean blank = text(line).isBlank();
            if (blank && (kept.isEmpty() || text(kept.get(kept.size() - 1)).isBlank())) {
                continue;
            }
            kept.add(blank ? List.of() : line);
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        StringBuilder text = new StringBuilder();
        for (List<Piece> line : kept) {
            text.append(text(line).stripTrailing()).append('\n');
        }
        return new Rendered(subject, text.toString(), html(subject, kept));
    }

    /** One line's pieces: the template's own text, and the values put in it. */
    private static List<Piece> fill(String name, String line, Map<String, Object> model, boolean links) {
        List<Piece> pieces = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(line);
        int at = 0;
        while (m.find()) {
            pieces.add(new Piece(line.substring(at, m.start()), false));
            String key = m.group(2);
            if (m.group(1).equals("*")) {
                throw new MailTemplateException("Le modèle de courriel « " + name + " » : la liste {{*" + key + "}} doit "
                        + "être seule sur sa ligne.");
            }
            if (!m.group(1).isEmpty()) {
                throw new MailTemplateException("Le modèle de courriel « " + name + " » : la condition {{" + m.group(1)
                        + key + "}} doit être au début d'une ligne du corps du message.");
            }
            Object value = value(name, key, model);
            if (value instanceof Boolean) {
                throw yesNo(name, key);
            }
            if (!(value instanceof String text)) {
                throw new MailTemplateException("Le modèle de courriel « " + name + " » : {{" + key + "}} est une liste, "
                        + "à écrire seule sur sa ligne sous la forme {{*" + key + "}}.");
            }
            pieces.add(new Piece(text.replaceAll("\\R", " "), links && key.endsWith("Url")
                    && (text.startsWith("https://") || text.startsWith("http://"))));
            at = m.end();
        }
        pieces.add(new Piece(line.substring(at), false));
        return pieces;
    }

    private static List<String> list(String name, String key, Map<String, Object> model) {
        Object value = value(name, key, model);
        if (value instanceof Boolean) {
            throw yesNo(name, key);
        }
        if (!(value instanceof List<?> list)) {
            throw new MailTemplateException("Le modèle de courriel « " + name + " » : {{*" + key + "}} est un texte, "
                    + "à écrire {{" + key + "}}.");
        }
        return list.stream().map(String::valueOf).map(s -> s.replaceAll("\\R", " ")).toList();
    }

    /** Whether a condition on this value holds: yes, a text not blank, a list not empty. */
    private static boolean isSet(Object value) {
        return value instanceof Boolean yes ? yes
                : value instanceof List<?> list ? !list.isEmpty()
                : value != null && !value.toString().isBlank();
    }

    private static MailTemplateException yesNo(String name, String key) {
        return new MailTemplateException("Le modèle de courriel « " + name + " » : {{" + key + "}} est un oui/non, à "
                + "écrire en début de ligne sous la forme {{?" + key + "}} (ligne gardée si oui) ou {{!" + key + "}} "
                + "(ligne gardée si non).");
    }

    private static Object value(String name, String key, Map<String, Object> model) {
        if (!model.containsKey(key)) {
            throw new MailTemplateException("Le modèle de courriel « " + name + " » utilise {{" + key + "}}, que ce "
                    + "message ne fournit pas ; les champs disponibles : " + String.join(", ", model.keySet().stream()
                            .sorted().toList()) + ".");
        }
        return model.get(key);
    }

    private static String text(List<Piece> line) {
        StringBuilder text = new StringBuilder();
        line.forEach(piece -> text.append(piece.text()));
        return text.toString();
    }

    private static String html(String subject, List<List<Piece>> lines) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"fr\">\n<head><meta charset=\"UTF-8\">"
                + "<title>").append(escape(subject)).append("</title></head>\n<body style=\"font-family: Arial, "
                + "'Liberation Sans', sans-serif; font-size: 15px; line-height: 1.5; color: #1e1e1e\">\n");
        boolean open = false;
        for (List<Piece> line : lines) {
            if (line.isEmpty()) {
                if (open) {
                    html.append("</p>\n");
                    open = false;
                }
                continue;
            }
            html.append(open ? "<br>\n" : "<p>");
            open = true;
            for (Piece piece : line) {
                String escaped = escape(piece.text());
                html.append(piece.link() ? "<a href=\"" + escaped + "\">" + escaped + "</a>" : escaped);
            }
        }
        if (open) {
            html.append("</p>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** HTML-escaped, quotes included (the text may stand in an attribute), and without control characters. */
    static String escape(String text) {
        return HtmlUtils.htmlEscape(text.replaceAll("[\\p{Cntrl}&&[^\\t]]", ""), "UTF-8");
    }

    private record Piece(String text, boolean link) {
    }
}
