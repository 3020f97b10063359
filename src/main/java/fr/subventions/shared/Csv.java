package fr.subventions.shared;

import java.util.List;
import java.util.stream.Collectors;

/** CSV as the open data formats want it (RFC 4180): comma-separated, CRLF, quoted only when needed. */
public final class Csv {

    private Csv() {
    }

    /** Quoted when it holds a comma, a quote or a line break (line breaks become spaces), quotes doubled. */
    public static String field(String value) {
        String text = value == null ? "" : value.replace("\r", " ").replace("\n", " ");
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    public static String line(List<String> values) {
        return values.stream().map(Csv::field).collect(Collectors.joining(","));
    }

    /** A header and its rows, each line ending with CRLF. */
    public static String document(String header, List<String> rows) {
        StringBuilder csv = new StringBuilder(header).append("\r\n");
        rows.forEach(row -> csv.append(row).append("\r\n"));
        return csv.toString();
    }
}
