package fr.subventions.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pictures of the processes: each diagram of bpmn/ drawn as an SVG of docs/diagrams/ under the same name, which
 * records in a comment the SHA-256 of the BPMN file it was drawn from, so that a test can tell a picture gone stale
 * without drawing it again.
 */
public final class Diagrams {

    public static final Path BPMN = Path.of("bpmn");
    public static final Path SVG = Path.of("docs", "diagrams");
    /** Draws them all again (fr.subventions.browser.DiagramExport, profile "diagrams" of the pom). */
    public static final String REDRAW = "mvn -B -Pdiagrams process-test-classes";

    private static final Pattern STAMP = Pattern.compile("<!-- drawn from bpmn/(\\S+) SHA-256 ([0-9a-f]{64})");

    private Diagrams() {
    }

    /** bpmn/*.bpmn, by name. */
    public static List<Path> diagrams() {
        return list(BPMN, ".bpmn");
    }

    /** docs/diagrams/*.svg, by name. */
    public static List<Path> pictures() {
        return list(SVG, ".svg");
    }

    public static Path pictureOf(Path diagram) {
        return SVG.resolve(diagram.getFileName().toString().replaceAll("\\.bpmn$", ".svg"));
    }

    public static Path diagramOf(Path picture) {
        return BPMN.resolve(picture.getFileName().toString().replaceAll("\\.svg$", ".bpmn"));
    }

    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SVG bpmn-js drew, with the stamp of the diagram it was drawn from after its XML declaration. */
    public static String stamped(String svg, Path diagram) {
        String stamp = "<!-- drawn from bpmn/" + diagram.getFileName() + " SHA-256 " + sha256(diagram)
                + " by fr.subventions.browser.DiagramExport; redraw with: " + REDRAW + " -->\n";
        int afterDeclaration = svg.startsWith("<?xml") ? svg.indexOf("?>") + 2 : 0;
        String rest = svg.substring(afterDeclaration).replaceFirst("^\\R", "");
        return svg.substring(0, afterDeclaration) + (afterDeclaration > 0 ? "\n" : "") + stamp + rest;
    }

    /** The SHA-256 of the BPMN file the picture says it was drawn from, if it says. */
    public static Optional<String> drawnFrom(Path picture) {
        try {
            Matcher m = STAMP.matcher(Files.readString(picture));
            return m.find() && m.group(1).equals(diagramOf(picture).getFileName().toString())
                    ? Optional.of(m.group(2)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path folder, String extension) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
