package fr.subventions.docs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Member;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
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
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The documentation names only code that exists, as {@code ModelConventionsTest} does for the code's element IDs: in
 * README.md and docs/*.md, every code span that names a class ({@code Roll}), a class's method, field or nested type
 * ({@code Roll.quorumReached}, {@code FormFields.discard()}), a package or class of ours
 * ({@code fr.subventions.mail}), or a BPMN element ID ({@code Task_VoteItem}) must find it — in src/main/java or
 * src/test/java, by reflection, or in bpmn/. A class renamed, split or removed fails here until the docs follow.
 */
class DocumentedNamesTest {

    /** Library classes the documentation names; the compiler checks they exist, reflection checks their members. */
    private static final Map<String, Class<?>> LIBRARY = Map.ofEntries(
            Map.entry("ManagementService", ManagementService.class),
            Map.entry("DecisionService", DecisionService.class),
            Map.entry("FilterService", FilterService.class),
            Map.entry("AuthorizationException", AuthorizationException.class),
            Map.entry("CommandContext", CommandContext.class),
            Map.entry("RequestMappingHandlerMapping", RequestMappingHandlerMapping.class),
            Map.entry("ZipSecureFile", ZipSecureFile.class),
            Map.entry("SendFailedException", SendFailedException.class),
            Map.entry("BigDecimal", BigDecimal.class),
            Map.entry("Files", Files.class),
            Map.entry("Process", Process.class),
            Map.entry("Documenter", Documenter.class));

    /** Capitalised words in code spans that are not Java types. */
    private static final Set<String> NOT_TYPES = Set.of(
            "Location", "Link", // HTTP headers
            "Problem", // the OpenAPI schema of the API's errors
            "VmHWM", // a line of /proc/<pid>/status
            "NaN", "Infinity"); // JSON numbers a hostile input tries

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*");
    private static final Pattern MEMBER = Pattern.compile("(" + TYPE + ")\\.([A-Za-z_][A-Za-z0-9_]*)(\\(.*\\))?");
    private static final Pattern OURS = Pattern.compile("fr\\.subventions(\\.[A-Za-z_][A-Za-z0-9_]*)+");
    private static final Pattern ELEMENT_ID =
            Pattern.compile("(StartEvent|EndEvent|Task|Gateway|Flow|Event|Timer|SubProcess|CallActivity|Message)_[A-Za-z0-9]+");
    private static final Pattern BPMN_ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern BPMN_MESSAGE = Pattern.compile("<bpmn:message [^>]*name=\"([^\"]+)\"");
    // a type declared at the start of a line: the file's own class, or another top-level type beside it
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "^(?:public |final |abstract |sealed |non-sealed )*(?:class|interface|record|enum|@interface) +([A-Za-z0-9_]+)",
            Pattern.MULTILINE);
    private static final List<Path> SOURCES = List.of(Path.of("src", "main", "java"), Path.of("src", "test", "java"));

    private final Map<String, List<Class<?>>> ourTypes = ourTypes();
    private final Set<String> elementIds = new HashSet<>();
    private final Set<String> messageNames = new HashSet<>();

    DocumentedNamesTest() {
        for (String diagram : diagrams()) {
            BPMN_ID.matcher(diagram).results().forEach(r -> elementIds.add(r.group(1)));
            BPMN_MESSAGE.matcher(diagram).results().forEach(r -> messageNames.add(r.group(1)));
        }
    }

    @Test
    void everyClassMemberPackageAndElementIdTheDocumentationNamesExists() {
        List<String> missing = new ArrayList<>();
        for (Path file : Markdown.files()) {
            for (Markdown.Found span : Markdown.codeSpans(file)) {
                String problem = problemOf(span.text());
                if (problem != null) {
                    missing.add(span.where() + ": `" + span.text() + "` " + problem);
                }
            }
        }
        assertThat(missing).as("names in the documentation that the code does not have").isEmpty();
    }

    @Test
    void aNameTheCodeDoesNotHaveIsReported() {
        assertThat(problemOf("Roll")).isNull();
        assertThat(problemOf("Roll.quorumReached")).isNull();
        assertThat(problemOf("Roll.Proxy")).isNull();
        assertThat(problemOf("Tally.notParticipating")).isNull();
        assertThat(problemOf("Convocation.URGENT_NOTICE_DAYS")).isNull();
        assertThat(problemOf("ManagementService.setJobRetries(jobId, 1)")).isNull();
        assertThat(problemOf("fr.subventions.mail")).isNull();
        assertThat(problemOf("Task_VoteItem")).isNull();
        assertThat(problemOf("RequestVoteRecorded")).isNull();

        assertThat(problemOf("QuorumRule")).contains("no class");
        assertThat(problemOf("Roll.quorumMissed")).contains("no method, field or nested type");
        assertThat(problemOf("fr.subventions.nowhere")).contains("no package or class");
        assertThat(problemOf("Task_Nowhere")).contains("no element");
    }

    /** Null when the span names nothing or something that exists, else what is missing. */
    private String problemOf(String span) {
        if (ELEMENT_ID.matcher(span).matches()) {
            return elementIds.contains(span) ? null : "no element with that ID in bpmn/*.bpmn";
        }
        if (OURS.matcher(span).matches()) {
            return ours(span) ? null : "no package or class of that name in src/main/java or src/test/java";
        }
        Matcher member = MEMBER.matcher(span);
        if (member.matches()) {
            List<Class<?>> types = types(member.group(1));
            if (types.isEmpty()) {
                return "no class " + member.group(1) + " in src/main/java or src/test/java, nor a library class listed here";
            }
            return types.stream().anyMatch(t -> hasMember(t, member.group(2))) ? null
                    : "no method, field or nested type " + member.group(2) + " in " + types;
        }
        if (TYPE.matcher(span).matches() && !NOT_TYPES.contains(span) && !messageNames.contains(span)
                && types(span).isEmpty()) {
            return "no class of that name in src/main/java or src/test/java, nor a library class listed here";
        }
        return null;
    }

    private List<Class<?>> types(String simpleName) {
        if (LIBRARY.containsKey(simpleName)) {
            return List.of(LIBRARY.get(simpleName));
        }
        return ourTypes.getOrDefault(simpleName, List.of());
    }

    private boolean ours(String dotted) {
        String relative = dotted.replace('.', '/');
        return SOURCES.stream().anyMatch(root -> Files.isDirectory(root.resolve(relative))
                || Files.isRegularFile(root.resolve(relative + ".java")));
    }

    /** A method, field (enum constants included), nested type or record component, declared or inherited. */
    private static boolean hasMember(Class<?> type, String name) {
        if (type == null) {
            return false;
        }
        Stream<String> names = Stream.of(
                Stream.of(type.getDeclaredMethods()).map(Member::getName),
                Stream.of(type.getDeclaredFields()).map(Member::getName),
                Stream.of(type.getDeclaredClasses()).map(Class::getSimpleName),
                type.isRecord() ? Stream.of(type.getRecordComponents()).map(RecordComponent::getName) : Stream.<String>empty())
                .flatMap(s -> s);
        return names.anyMatch(name::equals) || hasMember(type.getSuperclass(), name)
                || Stream.of(type.getInterfaces()).anyMatch(i -> hasMember(i, name));
    }

    /** Simple name → the types of that name in our sources: the top-level types of each file, and those nested in them. */
    private static Map<String, List<Class<?>>> ourTypes() {
        Map<String, List<Class<?>>> types = new HashMap<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    String pkg = root.relativize(p.getParent()).toString().replace(p.getFileSystem().getSeparator(), ".");
                    TOP_LEVEL_TYPE.matcher(read(p)).results().forEach(r -> index(types, load(pkg + "." + r.group(1))));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return types;
    }

    private static void index(Map<String, List<Class<?>>> types, Class<?> type) {
        types.computeIfAbsent(type.getSimpleName(), k -> new ArrayList<>()).add(type);
        for (Class<?> nested : type.getDeclaredClasses()) {
            index(types, nested);
        }
    }

    private static Class<?> load(String qualifiedName) {
        try {
            return Class.forName(qualifiedName, false, DocumentedNamesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(qualifiedName + " is declared in the sources but not compiled", e);
        }
    }

    private static List<String> diagrams() {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).map(DocumentedNamesTest::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
