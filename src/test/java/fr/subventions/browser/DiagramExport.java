package fr.subventions.browser;

import fr.subventions.docs.Diagrams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Draws every diagram of bpmn/ as an SVG of docs/diagrams/ with bpmn-js, the renderer Camunda's own webapps draw
 * diagrams with, in Debian's headless Chromium; bpmn-js comes from its WebJar on the test classpath, so nothing is
 * downloaded. Each SVG records the SHA-256 of the diagram it was drawn from ({@code DiagramsInStepTest} checks them).
 * Run it from the project's folder with {@code mvn -B -Pdiagrams process-test-classes}, then commit docs/diagrams/.
 */
public final class DiagramExport {

    private static final String VIEWER =
            "classpath*:META-INF/resources/webjars/bpmn-js/*/dist/bpmn-viewer.production.min.js";

    private DiagramExport() {
    }

    public static void main(String[] args) throws IOException {
        String viewer = viewer();
        Files.createDirectories(Diagrams.SVG);
        try (Browser browser = new Browser("")) {
            for (Path diagram : Diagrams.diagrams()) {
                Path picture = Diagrams.pictureOf(diagram);
                Files.writeString(picture, Diagrams.stamped(draw(browser.driver, viewer, Files.readString(diagram)), diagram));
                System.out.println("Drew " + diagram + " as " + picture);
            }
        }
    }

    /** Opens an empty page, loads bpmn-js into it, imports the diagram and answers the SVG bpmn-js saves of it. */
    static String draw(WebDriver driver, String viewer, String bpmn) {
        driver.get("about:blank");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("document.body.innerHTML = '<div id=\"canvas\" style=\"width: 1600px; height: 1000px\"></div>';");
        js.executeScript(viewer);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object answer = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var viewer = new BpmnJS({container: '#canvas'});
                viewer.importXML(arguments[0])
                  .then(function (imported) {
                    return viewer.saveSVG().then(function (saved) {
                      done({svg: saved.svg, warnings: (imported.warnings || []).map(function (w) { return String(w.message || w); })});
                    });
                  })
                  .catch(function (error) { done({error: String(error && error.stack || error)}); });
                """, bpmn);
        Map<?, ?> result = (Map<?, ?>) answer;
        if (result.get("error") != null) {
            throw new IllegalStateException("bpmn-js could not draw the diagram: " + result.get("error"));
        }
        List<?> warnings = (List<?>) result.get("warnings");
        if (!warnings.isEmpty()) {
            throw new IllegalStateException("bpmn-js warned while importing the diagram: " + warnings);
        }
        return (String) result.get("svg");
    }

    private static String viewer() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources(VIEWER);
        if (found.length != 1) {
            throw new IllegalStateException(found.length + " copies of " + VIEWER + " on the test classpath: the WebJar "
                    + "org.webjars.npm:bpmn-js (test scope in the pom) should give one");
        }
        return found[0].getContentAsString(StandardCharsets.UTF_8);
    }
}
