package fr.subventions.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * axe-core, the accessibility engine of the npm package of that name, run inside the page the browser shows: the rules
 * tagged WCAG 2.0 and 2.1, levels A and AA. The script comes from the package's WebJar on the test classpath, so the
 * build needs no Node toolchain and the application never serves it.
 */
final class Axe {

    /** The rules RGAA 4.1 rests on: WCAG 2.1, levels A and AA. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";
    private static final String SOURCE = load();

    /** One rule broken on a page, with the CSS selectors of the elements that break it. */
    record Violation(String rule, String impact, String help, List<String> targets) {

        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + " — " + String.join(", ", targets);
        }
    }

    private Axe() {
    }

    static String version() {
        return properties().getProperty("version");
    }

    /** Injects axe into the page and its frames if it is not there yet, runs it on the whole document, returns what it found. */
    static List<Violation> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        inject(js);
        // a frame needs its own copy for axe.run to look inside it; a sandboxed frame without scripts stays unchecked
        for (WebElement frame : driver.findElements(By.cssSelector("iframe, frame"))) {
            try {
                driver.switchTo().frame(frame);
                inject(js);
            } catch (WebDriverException scriptsNotAllowed) {
                // axe reports such a frame among its incomplete results, not as a violation
            } finally {
                driver.switchTo().parentFrame();
            }
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object answer = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(function (results) {
                    done(results.violations.map(function (v) {
                      return {rule: v.id, impact: v.impact || '', help: v.help,
                              targets: v.nodes.map(function (n) { return String(n.target.join(' >>> ')); })};
                    }));
                  }, function (error) { done({error: String(error && error.stack || error)}); });
                """, TAGS);
        if (answer instanceof Map<?, ?> failure) {
            throw new IllegalStateException("axe-core failed on " + driver.getCurrentUrl() + ": " + failure.get("error"));
        }
        return ((List<?>) answer).stream().map(item -> {
            Map<?, ?> v = (Map<?, ?>) item;
            return new Violation((String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                    ((List<?>) v.get("targets")).stream().map(String::valueOf).toList());
        }).toList();
    }

    private static void inject(JavascriptExecutor js) {
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(SOURCE);
        }
    }

    private static String load() {
        String path = WEBJAR + version() + "/axe.min.js";
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath: the WebJar org.webjars.npm:axe-core is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties properties() {
        String path = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath: the WebJar org.webjars.npm:axe-core is missing");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
