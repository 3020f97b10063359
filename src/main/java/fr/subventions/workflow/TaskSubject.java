package fr.subventions.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a user task is about — a request, a séance, an item of its agenda — as the task shows it: its name (« Instruire
 * la demande SUB-2023-0001 — Association OF du Numérique »), its description (Tasklist's « Description » tab) and the
 * summary its Camunda Form opens with. Made by the {@link TaskSubjects} of the case's own package; applied by
 * {@link TaskNaming} when the task is created.
 *
 * <p>The texts are display text on the task, never in the process: the name and the description are the task's own
 * attributes, the summary a variable local to the task, gone with it (and never in the history: history level
 * {@code activity}). The summary is Markdown, which the form renders: every character of the applicant's text that
 * Markdown reads as syntax is escaped, so that a name holding {@code [a link](https://…)} or {@code <b>} shows as typed.
 */
public final class TaskSubject {

    /** The task-local variable whose Markdown the forms' first text shows, as {@code {{caseSummary}}}. */
    public static final String VAR_SUMMARY = "caseSummary";

    /** The engine's columns: ACT_RU_TASK.NAME_, and DESCRIPTION_ as a string variable's TEXT_. */
    static final int NAME_LENGTH = 255;
    static final int TEXT_LENGTH = 4000;
    /** A fact longer than this (a title, a list of funders) is cut: the dossier page has it in full. */
    static final int VALUE_LENGTH = 400;

    /** ASCII punctuation: CommonMark lets a backslash escape each of them, and each may start some syntax. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A link's target: a path of this application, never an address typed by someone. */
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9/_-]*");

    private final String label;
    private final String heading;
    private final List<String[]> facts = new ArrayList<>();
    private final List<String[]> links = new ArrayList<>();

    private TaskSubject(String label, String heading) {
        this.label = oneLine(label);
        this.heading = oneLine(heading);
    }

    /**
     * @param label what the task's name gets after the stage's: "SUB-2023-0001 — Association OF du Numérique"
     * @param heading the summary's title: "Demande SUB-2023-0001 — Association OF du Numérique"
     */
    public static TaskSubject of(String label, String heading) {
        return new TaskSubject(label, heading);
    }

    /** A line of the summary, "Projet : …"; none when there is no value. */
    public TaskSubject fact(String name, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new String[] {name, cut(oneLine(value), VALUE_LENGTH)});
        }
        return this;
    }

    /** A link of the summary to one of the application's pages. */
    public TaskSubject link(String text, String path) {
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not a path of the application: " + path);
        }
        links.add(new String[] {text, path});
        return this;
    }

    public String label() {
        return label;
    }

    /** The task's name: the stage's, then what it is about, within the engine's 255 characters. */
    public String nameFor(String stage) {
        String name = oneLine(stage);
        return cut(name.isEmpty() ? label : name + " " + label, NAME_LENGTH);
    }

    /** Plain text, one fact a line, for Tasklist's « Description » tab (which shows it as text). */
    public String description() {
        List<String> lines = new ArrayList<>();
        for (String[] fact : facts) {
            lines.add(fact[0] + " : " + fact[1]);
        }
        for (String[] link : links) {
            lines.add(link[0] + " : " + link[1]);
        }
        return fit(heading, lines, "\n");
    }

    /** Markdown for the form: a heading, then a list of the facts and links, the applicant's text escaped. */
    public String summary() {
        List<String> lines = new ArrayList<>();
        for (String[] fact : facts) {
            lines.add("- **" + markdown(fact[0]) + " :** " + markdown(fact[1]));
        }
        for (String[] link : links) {
            lines.add("- [" + markdown(link[0]) + "](" + link[1] + ")");
        }
        return fit("### " + markdown(heading) + "\n", lines, "\n");
    }

    /** The head and as many lines as the engine's 4000 characters hold, the first ones first. */
    private static String fit(String head, List<String> lines, String separator) {
        StringBuilder text = new StringBuilder(cut(head, TEXT_LENGTH));
        for (String line : lines) {
            if (text.length() + separator.length() + line.length() > TEXT_LENGTH) {
                break;
            }
            text.append(separator).append(line);
        }
        return text.toString();
    }

    /** Text that Markdown shows as it is: whitespace runs become one space, each punctuation sign is escaped. */
    static String markdown(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        oneLine(text).chars().forEach(c -> {
            if (c < 128 && PUNCTUATION.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append((char) c);
        });
        return out.toString();
    }

    static String oneLine(String text) {
        return text == null ? "" : SPACES.matcher(text).replaceAll(" ").strip();
    }

    static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = length - 1;
        // never split a surrogate pair (an emoji in a name)
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
