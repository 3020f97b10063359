package fr.subventions.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every file of forms/, whatever its name, as Tasklist will get it: JSON whose id is its file name, of a schema version
 * that the form renderer shipped with Camunda's webapps reads, each field's key once and each component's id once;
 * and all of them deployed together on a bare engine, which registers one form definition per file.
 */
class FormFilesTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                    .setJdbcUrl("jdbc:h2:mem:form-files;DB_CLOSE_DELAY=-1")
                    .setJobExecutorActivate(false)
                    .buildProcessEngine())
            .build();

    ProcessEngine engine;

    /** Components that hold a value, and so need a key (form-js's input fields). */
    static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "checkbox", "checklist", "radio", "select",
            "taglist", "datetime", "filepicker");

    static List<Path> formFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".form")).sorted().toList();
        }
    }

    /** The highest schema version of the form-js bundled in the webapps' webjar, which renders the forms in Tasklist. */
    static int rendererSchemaVersion() throws IOException {
        try (InputStream deps = FormFilesTest.class.getResourceAsStream("/META-INF/resources/webjars/camunda/lib/deps.js")) {
            assertThat(deps).as("Camunda's webapp webjar on the classpath").isNotNull();
            Matcher version = Pattern.compile("schemaVersion=(\\d+)")
                    .matcher(new String(deps.readAllBytes(), StandardCharsets.UTF_8));
            int highest = 0;
            while (version.find()) {
                highest = Math.max(highest, Integer.parseInt(version.group(1)));
            }
            assertThat(highest).as("form-js schema version in deps.js").isPositive();
            return highest;
        }
    }

    @Test
    void everyFormIsValidForTasklist() throws IOException {
        List<Path> files = formFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(14);
        int supported = rendererSchemaVersion();
        ObjectMapper json = new ObjectMapper();
        for (Path file : files) {
            String name = file.getFileName().toString();
            JsonNode form = json.readTree(file.toFile());
            assertThat(form.path("id").asText()).as(name + " id").isEqualTo(name.substring(0, name.length() - ".form".length()));
            assertThat(form.path("type").asText()).as(name + " type").isEqualTo("default");
            assertThat(form.path("schemaVersion").isInt()).as(name + " schemaVersion").isTrue();
            assertThat(form.path("schemaVersion").asInt()).as(name + " schemaVersion readable by Tasklist's form-js")
                    .isBetween(1, supported);
            List<JsonNode> components = new ArrayList<>();
            collect(form.path("components"), components);
            assertThat(components).as(name + " components").isNotEmpty();
            Set<String> keys = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode component : components) {
                String type = component.path("type").asText();
                assertThat(type).as(name + " component type").isNotBlank();
                if (component.hasNonNull("id")) {
                    assertThat(ids.add(component.get("id").asText())).as(name + ": id " + component.get("id") + " once").isTrue();
                }
                if (INPUTS.contains(type)) {
                    String key = component.path("key").asText();
                    assertThat(key).as(name + ": key of a " + type).isNotBlank();
                    assertThat(keys.add(key)).as(name + ": key " + key + " once").isTrue();
                }
            }
        }
    }

    /**
     * Every form opens with what its task is about — the case's summary the task carries ({@link TaskSubject}) — and a
     * link to the case's page: a request's dossier by the id its process holds (a redirect to /gestion/demandes/{ref}),
     * or the séance's page.
     */
    @Test
    void everyFormStartsWithItsCaseSummaryAndALinkToItsPage() throws IOException {
        Map<String, String> processOfForm = new HashMap<>();
        try (Stream<Path> diagrams = Files.list(Path.of("bpmn"))) {
            for (Path diagram : diagrams.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                String process = diagram.getFileName().toString().replace(".bpmn", "");
                Matcher ref = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(Files.readString(diagram));
                while (ref.find()) {
                    processOfForm.put(ref.group(1), process);
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (Path file : formFiles()) {
            JsonNode form = json.readTree(file.toFile());
            String process = processOfForm.get(form.path("id").asText());
            assertThat(process).as(file + " is the form of a user task").isNotNull();
            JsonNode first = form.path("components").path(0);
            assertThat(first.path("type").asText()).as(file + ": first component").isEqualTo("text");
            String link = process.equals(AssemblySessionProcess.KEY)
                    ? "[Ouvrir la page de la séance](/seances/{{" + AssemblySessionProcess.VAR_SESSION_ID + "}})"
                    : "[Ouvrir le dossier de la demande](/gestion/dossiers/{{" + SubsidyRequestProcess.VAR_REQUEST_ID + "}})";
            assertThat(first.path("text").asText()).as(file + ": summary, then link")
                    .isEqualTo("{{" + TaskSubject.VAR_SUMMARY + "}}\n\n" + link);
        }
    }

    @Test
    void theEngineDeploysEveryForm() throws IOException {
        List<Path> files = formFiles();
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("forms");
        for (Path file : files) {
            deployment.addInputStream("forms/" + file.getFileName(), Files.newInputStream(file));
        }
        String id = deployment.deploy().getId();
        assertThat(engine.getRepositoryService().getDeploymentResourceNames(id)).hasSize(files.size());
        assertThat(engine.getManagementService().getTableCount().get("ACT_RE_CAMFORMDEF")).isEqualTo(files.size());
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode component : components) {
            into.add(component);
            collect(component.path("components"), into);
        }
    }
}
