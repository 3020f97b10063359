package fr.subventions.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's documentation as GitHub reads it — README.md and docs/*.md —: its code spans, its links and the anchors
 * of its headings, outside fenced code blocks. The tests run in the project's folder, so the paths are relative to it.
 */
final class Markdown {

    /** Something found in a file, with the line it starts on. */
    record Found(Path file, int line, String text) {

        String where() {
            return file + ":" + line;
        }
    }

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    // [text](target) and ![alt](target); the text may run over a line break
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private Markdown() {
    }

    /** README.md, then every Markdown file of docs/. */
    static List<Path> files() {
        List<Path> files = new ArrayList<>();
        files.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The code spans of a file, each span's text with its line breaks made spaces. */
    static List<Found> codeSpans(Path file) {
        String text = prose(file);
        List<Found> spans = new ArrayList<>();
        Matcher m = CODE_SPAN.matcher(text);
        while (m.find()) {
            spans.add(new Found(file, lineOf(text, m.start()), m.group(1).replace('\n', ' ').strip()));
        }
        return spans;
    }

    /** The targets of the links and images of a file, outside code. */
    static List<Found> links(Path file) {
        String text = prose(file);
        Matcher code = CODE_SPAN.matcher(text);
        StringBuilder withoutCode = new StringBuilder(text);
        while (code.find()) {
            for (int i = code.start(); i < code.end(); i++) {
                if (withoutCode.charAt(i) != '\n') {
                    withoutCode.setCharAt(i, ' ');
                }
            }
        }
        List<Found> links = new ArrayList<>();
        Matcher m = LINK.matcher(withoutCode);
        while (m.find()) {
            links.add(new Found(file, lineOf(text, m.start()), m.group(1)));
        }
        return links;
    }

    /** The anchors GitHub gives a file's headings; a heading met again gets "-1", "-2"… */
    static Set<String> anchors(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(file).split("\n", -1)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String anchor = anchor(m.group(1));
                int times = seen.merge(anchor, 1, Integer::sum);
                anchors.add(times == 1 ? anchor : anchor + "-" + (times - 1));
            }
        }
        return anchors;
    }

    /** GitHub's rule: lower case, punctuation dropped (letters, digits, marks, "-" and "_" kept), spaces made hyphens. */
    static String anchor(String heading) {
        StringBuilder anchor = new StringBuilder();
        heading.strip().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c == ' ') {
                anchor.append('-');
            } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                anchor.appendCodePoint(c);
            }
        });
        return anchor.toString();
    }

    /** The file's text with its fenced code blocks blanked out, line for line, so that line numbers hold. */
    private static String prose(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder text = new StringBuilder();
        boolean fenced = false;
        for (String line : lines) {
            boolean fence = line.strip().startsWith("```");
            text.append(fenced || fence ? "" : line).append('\n');
            if (fence) {
                fenced = !fenced;
            }
        }
        return text.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
