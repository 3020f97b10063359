package fr.subventions.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures as they come, printed at once and written at the end to docs/benchmarks.md. */
final class Report {

    record Target(String measure, String figure, String target, String verdict, String load) {
    }

    private final List<String> machine = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final ZonedDateTime started = ZonedDateTime.now();

    void machine(List<String> lines) {
        machine.addAll(lines);
    }

    void target(String measure, String figure, String target, Boolean met) {
        Target t = new Target(measure, figure, target, met == null ? "—" : met ? "met" : "**not met**",
                Machine.loadAverage());
        targets.add(t);
        System.out.printf("%-70s %-28s %-22s %s%n", measure, figure, target, t.verdict());
    }

    /** A section of its own: a title and a Markdown table (header first). */
    void table(String title, List<String[]> rows) {
        StringBuilder s = new StringBuilder("### ").append(title).append("\n\n");
        for (int r = 0; r < rows.size(); r++) {
            s.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
            if (r == 0) {
                s.append("|").append("---|".repeat(rows.get(0).length)).append("\n");
            }
        }
        sections.add(s.toString());
        System.out.println();
        System.out.println(title);
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (String cell : row) {
                line.append(String.format("%-" + Math.max(12, Math.min(48, cell.length() + 2)) + "s", cell));
            }
            System.out.println(line);
        }
    }

    void note(String note) {
        notes.add(note);
        System.out.println("note: " + note);
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    String markdown(String command) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by the benchmark itself (`fr.subventions.benchmark.Benchmark`, in the test sources), from one run:\n\n");
        md.append("```sh\n").append(command).append("\n```\n\n");
        md.append("What each part measures and how: [docs/benchmark-suite.md](benchmark-suite.md).\n\n");
        md.append("## Run of ").append(started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\n\n");
        for (String line : machine) {
            md.append("- ").append(line).append("\n");
        }
        md.append("\n## Figures against the targets\n\n");
        md.append("| measure | figure | target | verdict | load average (1, 5, 15 min) when measured |\n|---|---|---|---|---|\n");
        for (Target t : targets) {
            md.append("| ").append(t.measure()).append(" | ").append(t.figure()).append(" | ").append(t.target()).append(" | ")
                    .append(t.verdict()).append(" | ").append(t.load()).append(" |\n");
        }
        md.append("\n## Details\n\n");
        for (String section : sections) {
            md.append(section).append("\n");
        }
        if (!notes.isEmpty()) {
            md.append("## Notes of the run\n\n");
            for (String note : notes) {
                md.append("- ").append(note).append("\n");
            }
            md.append("\n");
        }
        return md.toString();
    }

    /** Replaces the generated part of the file, keeping what follows the marker (the hand-written tuning notes). */
    void write(Path file, String command) throws IOException {
        String marker = "<!-- end of the generated part: what follows is kept from one run to the next -->";
        String kept = "";
        if (Files.exists(file)) {
            String old = Files.readString(file, StandardCharsets.UTF_8);
            int at = old.indexOf(marker);
            if (at >= 0) {
                kept = old.substring(at + marker.length());
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown(command) + marker + kept, StandardCharsets.UTF_8);
    }
}
