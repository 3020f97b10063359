package fr.subventions.instruction;

import java.util.Arrays;
import java.util.List;

/**
 * The instruction report as the deliberation's extract and the instruction report lay it out, and as the back office
 * previews it while the officer types: one paragraph a line, blank lines dropped.
 */
public final class ReportParagraphs {

    private ReportParagraphs() {
    }

    public static List<String> of(String report) {
        if (report == null) {
            return List.of();
        }
        return Arrays.stream(report.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
