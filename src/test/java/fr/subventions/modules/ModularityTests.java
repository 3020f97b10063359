package fr.subventions.modules;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.SubventionsApplication;
import fr.subventions.docs.Diagrams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

/**
 * The modules are the packages under {@code fr.subventions}: each stage, the documents, the e-mails, the back office
 * and the portal. Spring Modulith reads their dependencies from the bytecode and refuses a cycle between them or a
 * reach into another module's internals; the picture of the graph in docs/ is the graph as it stands.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(SubventionsApplication.class);

    /** The graph as PlantUML, and the picture drawn from it, which the README shows. */
    static final Path SOURCE = Path.of("docs", "modules", "modules.puml");
    static final Path PICTURE = Path.of("docs", "modules", "modules.svg");
    /** Writes both again from the code. */
    static final String REDRAW = "mvn -B test -Dtest=ModularityTests -Dmodules.redraw=true";
    private static final Pattern STAMP = Pattern.compile("<!-- drawn from docs/modules/modules.puml SHA-256 ([0-9a-f]{64})");

    @Test
    void noModuleDependsOnItselfThroughOthersNorReachesIntoAnotherOnesInternals() {
        MODULES.verify();
    }

    @Test
    void theModuleDiagramInDocsIsTheGraphAsItStands() throws IOException {
        String source = plantUml();
        if (Boolean.getBoolean("modules.redraw")) {
            Files.createDirectories(SOURCE.getParent());
            Files.writeString(SOURCE, source);
            Files.writeString(PICTURE, svg(source, Diagrams.sha256(SOURCE)));
        }
        assertThat(SOURCE).as("the module graph changed: draw it again with " + REDRAW).exists();
        assertThat(Files.readString(SOURCE)).as("the module graph changed: draw it again with " + REDRAW)
                .isEqualTo(source);
        Matcher stamp = STAMP.matcher(Files.readString(PICTURE));
        assertThat(stamp.find() ? stamp.group(1) : "no stamp").as(PICTURE + " drawn from " + SOURCE + " as it stands; "
                + REDRAW).isEqualTo(Diagrams.sha256(SOURCE));
    }

    /**
     * The modules and their dependencies as a UML component diagram, laid out without Graphviz; {@code shared}, which
     * every module uses and which uses none, left out. Modulith lists elements and arrows in no fixed order: sorted.
     * One arrow per pair of modules, unlabelled.
     */
    private static String plantUml() throws IOException {
        Path folder = Path.of("target", "spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramStyle.UML)
                        .withExclusions(module -> module.getName().equals("shared"))
                        .withDefaultDisplayName(ApplicationModule::getName));
        List<String> lines = Files.readAllLines(folder.resolve("components.puml"));
        List<String> head = new ArrayList<>();
        List<String> components = new ArrayList<>();
        List<String> arrows = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("component ")) {
                components.add(line);
            } else if (line.startsWith("SubventionsApplication.")) {
                // one arrow per pair of modules, whether it uses, listens to or depends on the other: fewer lines to follow
                String arrow = line.replaceFirst(" : \"[^\"]*\"$", "");
                if (!arrows.contains(arrow)) {
                    arrows.add(arrow);
                }
            } else if (!line.equals("@enduml")) {
                head.add(line);
            }
        }
        Collections.sort(components);
        Collections.sort(arrows);
        head.add(1, "!pragma layout smetana");
        return String.join("\n", head) + "\n" + String.join("\n", components) + "\n" + String.join("\n", arrows)
                + "\n@enduml\n";
    }

    /** The picture, which records the SHA-256 of the source it was drawn from. */
    private static String svg(String source, String sha256) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
        String svg = out.toString(StandardCharsets.UTF_8);
        int start = svg.indexOf("<svg");
        int afterTag = svg.indexOf('>', start) + 1;
        return svg.substring(0, afterTag) + "<!-- drawn from docs/modules/modules.puml SHA-256 " + sha256 + "; redraw with: "
                + REDRAW + " -->" + svg.substring(afterTag);
    }
}
