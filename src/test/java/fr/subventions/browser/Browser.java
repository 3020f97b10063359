package fr.subventions.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven through Debian's chromedriver: nothing is downloaded. */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final String base;
    private final Path profile;

    Browser(String base) {
        this.base = base;
        try {
            this.profile = Files.createTempDirectory("chromium-profile");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("/usr/bin/chromium", "chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1600", "--lang=fr-FR", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(executable("/usr/bin/chromedriver", "chromium-driver")).toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    private static String executable(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: apt-get install " + debianPackage + " (.ci/run does)");
        }
        return path;
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return until(d -> d.findElement(By.cssSelector(css)));
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void setValue(String css, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", find(css), value);
    }

    void click(String css) {
        find(css).click();
    }

    /** Clicks a form's button and waits for the next page: the button goes stale when the browser leaves its page. */
    void submit(String css) {
        WebElement button = find(css);
        button.click();
        until(d -> {
            try {
                button.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // stale, or Chromium's « Node with given id does not belong to the document » while the page is replaced
                return true;
            }
        });
    }

    /** Waits up to 20 s; a page that never gets there is kept (timeout-*.png and .html) for whoever reads the failure. */
    <T> T until(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(NoSuchElementException.class)
                    .ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            String kept = "timeout-" + System.currentTimeMillis();
            keep(kept);
            throw new TimeoutException("waited 20 s on " + driver.getCurrentUrl() + ", page kept as "
                    + SCREENSHOTS.resolve(kept) + ".png/.html", e);
        }
    }

    void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Screenshot and page source, for a reviewer or a failing test. */
    void keep(String name) {
        screenshot(name);
        try {
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebElement xpath(String expression) {
        return until(d -> d.findElement(By.xpath(expression)));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** axe-core's WCAG 2.1 A and AA rules on the page as it stands: what it breaks, rule by rule (none on a good page). */
    List<Axe.Violation> accessibilityViolations() {
        return Axe.violations(driver);
    }

    /** axe-core's WCAG 2.1 A and AA rules, asserted softly on the page as it stands; a page that breaks one is kept as axe-<page>. */
    void checkAccessible(SoftAssertions softly, String page) {
        List<Axe.Violation> violations = accessibilityViolations();
        if (!violations.isEmpty()) {
            keep("axe-" + page);
        }
        softly.assertThat(violations).as("WCAG 2.1 A and AA on %s (%s)", page, driver.getCurrentUrl()).isEmpty();
    }

    /** The page used with the keyboard alone. */
    Keyboard keyboard() {
        return new Keyboard(driver);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
