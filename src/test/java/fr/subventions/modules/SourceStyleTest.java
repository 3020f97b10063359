package fr.subventions.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the formatter (Spotless, run by every build) does not see: a class named by its full name in the code where an
 * import would do, and a class of src/main over 300 lines that does not say why in its comment.
 */
class SourceStyleTest {

    static final List<Path> SOURCES = List.of(Path.of("src", "main", "java"), Path.of("src", "test", "java"));
    static final int MAX_LINES = 300;
    /** What a class over {@link #MAX_LINES} lines writes in its comment, followed by its reason. */
    static final String LONG_CLASS = "Over 300 lines:";

    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.$\"])((?:java|javax|jakarta|org|com|fr|net)(?:\\.[a-z_][a-z0-9_]*)+)\\.([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import ([\\w.]+)\\.(\\w+);");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Z]\\w*)");
    private static final Pattern HEADER_END = Pattern.compile("(?m)^(?:import|package) [^;]+;\\n");

    @Test
    void noClassIsNamedInFullWhereAnImportWouldDo() throws IOException {
        List<String> qualified = new ArrayList<>();
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            Matcher pkg = PACKAGE.matcher(source);
            String ownPackage = pkg.find() ? pkg.group(1) : "";
            Map<String, String> imported = new HashMap<>();
            Matcher im = IMPORT.matcher(source);
            while (im.find()) {
                imported.put(im.group(2), im.group(1) + "." + im.group(2));
            }
            Set<String> declared = new HashSet<>();
            Matcher d = DECLARED.matcher(source);
            while (d.find()) {
                declared.add(d.group(1));
            }
            Set<String> neighbours = packageMembers(ownPackage);
            int codeStart = 0;
            Matcher header = HEADER_END.matcher(source);
            while (header.find()) {
                codeStart = header.end();
            }
            String code = codeOnly(source);
            Matcher m = QUALIFIED.matcher(code);
            Map<String, String> taken = new HashMap<>();
            while (m.find(codeStart)) {
                codeStart = m.end();
                String packageName = m.group(1);
                String simple = m.group(2);
                String name = packageName + "." + simple;
                boolean clash = !packageName.equals(ownPackage) && (declared.contains(simple) || neighbours.contains(simple)
                        || (imported.containsKey(simple) && !imported.get(simple).equals(name)) || inJavaLang(simple)
                        || !taken.getOrDefault(simple, name).equals(name));
                taken.putIfAbsent(simple, name);
                if (!clash) {
                    qualified.add(file + ":" + (lineOf(code, m.start())) + ": " + name);
                }
            }
        }
        assertThat(qualified).as("classes named in full where an import would do").isEmpty();
    }

    @Test
    void aClassOfTheApplicationOverThreeHundredLinesSaysWhy() throws IOException {
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.get(0))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() > MAX_LINES && !String.join("\n", lines).contains(LONG_CLASS)) {
                    long_.add(file + ": " + lines.size() + " lines");
                }
            }
        }
        assertThat(long_).as("classes over " + MAX_LINES + " lines: split them, or say why in their comment (\""
                + LONG_CLASS + " …\")").isEmpty();
    }

    private static List<Path> javaFiles() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(all::add);
            }
        }
        return all;
    }

    /** The types of the package, in either source folder. */
    private static Set<String> packageMembers(String packageName) throws IOException {
        Set<String> names = new HashSet<>();
        for (Path root : SOURCES) {
            Path folder = root.resolve(packageName.replace('.', '/'));
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".java"))
                            .forEach(f -> names.add(f.substring(0, f.length() - 5)));
                }
            }
        }
        return names;
    }

    private static boolean inJavaLang(String simple) {
        try {
            Class.forName("java.lang." + simple);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The source with its comments, strings, characters and text blocks blanked out, lines kept. */
    static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source);
        int i = 0;
        int n = source.length();
        while (i < n) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                end = i + 1;
                while (end < n && source.charAt(end) != quote) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (code.charAt(k) != '\n') {
                    code.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return code.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int k = 0; k < offset; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
