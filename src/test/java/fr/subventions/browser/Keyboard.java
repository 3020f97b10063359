package fr.subventions.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A person without a mouse: moves with Tab, types into whatever has the focus, acts with Enter or Space. Every step
 * checks that the element reached shows its focus (it matches :focus-visible and the page draws an outline or a shadow
 * of at least 2 px around it), and {@link #reachesEveryControlOf} that Tab reaches every control of a part of the page.
 */
final class Keyboard {

    /** Generous for our pages; a page needing more presses than this to go round has a trap or a loop. */
    private static final int MAX_PRESSES = 400;
    /** The most parts a date or time field has: day, month, year, hours, minutes, and the AM/PM of some locales. */
    private static final int DATE_PARTS = 6;

    /** The controls a keyboard must reach in a part of the page: shown, enabled, not taken out of the tab order. */
    private static final String CONTROLS = """
            var scope = document.querySelector(arguments[0]);
            var seen = {};
            return Array.prototype.filter.call(scope.querySelectorAll(
                'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'), function (el) {
              if (el.disabled || el.type === 'hidden' || el.tabIndex < 0) { return false; }
              if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') { return false; }
              if (el.type === 'radio') {
                // Tab stops once on a group of radio buttons; the arrows move within it
                if (seen[el.name]) { return false; }
                seen[el.name] = true;
              }
              return true;
            });
            """;

    private static final String FOCUS = """
            var el = document.activeElement;
            if (!el || el === document.body || el === document.documentElement) { return {element: null}; }
            var s = getComputedStyle(el);
            var rect = el.getBoundingClientRect();
            // a date's second and third parts leave the field matching :focus-within only
            var parts = el.matches('input[type=date], input[type=time], input[type=datetime-local]');
            return {element: el, focusVisible: el.matches(':focus-visible') || (parts && el.matches(':focus-within')),
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
                    shadow: s.boxShadow !== 'none', shown: rect.width > 0 && rect.height > 0,
                    style: 'outline ' + s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + ', box-shadow ' + s.boxShadow};
            """;

    private final WebDriver driver;

    Keyboard(WebDriver driver) {
        this.driver = driver;
    }

    /** Presses Tab until the element selected by css has the focus; fails if it is never reached or a step hides the focus. */
    WebElement tabTo(String css) {
        WebElement target = driver.findElement(By.cssSelector(css));
        List<String> path = new ArrayList<>();
        WebElement before = focused();
        for (int presses = 0; presses < MAX_PRESSES; presses++) {
            if (target.equals(before)) {
                return target;
            }
            WebElement now = tab(before);
            path.add(describe(now));
            if (now != null && now.equals(before)) {
                break; // Tab does not move: a trap
            }
            before = now;
        }
        throw new AssertionError("Tab never reaches " + css + " on " + driver.getCurrentUrl() + "; it went through " + path);
    }

    /**
     * Presses Tab and returns the element that then has the focus. A date or time field is a group of parts (day,
     * month, year; hours, minutes) that Tab walks one by one before leaving it, as Chromium does: the field keeping the
     * focus over those presses is no trap.
     */
    private WebElement tab(WebElement before) {
        press(Keys.TAB);
        WebElement now = focused();
        for (int part = 1; part < DATE_PARTS && now != null && now.equals(before) && hasParts(now); part++) {
            press(Keys.TAB);
            now = focused();
        }
        return now;
    }

    private static boolean hasParts(WebElement element) {
        return "input".equals(element.getTagName())
                && List.of("date", "datetime-local", "time", "month", "week").contains(element.getDomProperty("type"));
    }

    /** Types into the focused element, as a keyboard does. */
    Keyboard type(CharSequence text) {
        new Actions(driver).sendKeys(text).perform();
        return this;
    }

    /** Replaces what the focused field holds, as a keyboard does: Ctrl+A, then the new text. */
    Keyboard replace(CharSequence text) {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(text).perform();
        return this;
    }

    /** Presses a key (Tab, Enter, Space, an arrow); after a Tab, the element reached must show its focus. */
    Keyboard press(Keys key) {
        new Actions(driver).sendKeys(key).perform();
        if (key == Keys.TAB) {
            assertFocusShows();
        }
        return this;
    }

    /** Fails unless the element selected by css has the focus, naming the one that has it. */
    void assertFocusOn(String css, String why) {
        WebElement expected = driver.findElement(By.cssSelector(css));
        WebElement actual = focused();
        if (!expected.equals(actual)) {
            throw new AssertionError(why + ": the focus should be on " + describe(expected) + ", it is on " + describe(actual));
        }
    }

    WebElement focused() {
        Object element = ((Map<?, ?>) ((JavascriptExecutor) driver).executeScript(FOCUS)).get("element");
        return (WebElement) element;
    }

    /**
     * Goes round the page with Tab from where the focus is, and checks that every control inside the part selected by
     * css is reached, each showing its focus. Returns the part's controls in the order Tab reached them.
     */
    List<WebElement> reachesEveryControlOf(String css) {
        List<WebElement> expected = controls(css);
        List<WebElement> reached = new ArrayList<>();
        WebElement first = null;
        WebElement before = focused();
        for (int presses = 0; presses < MAX_PRESSES; presses++) {
            WebElement now = tab(before);
            if (now == null) {
                before = null;
                continue; // past the last control, the focus leaves the document before coming back to the first
            }
            if (now.equals(first) || now.equals(before)) {
                break; // round the page, or Tab does not move: a trap
            }
            before = now;
            if (first == null) {
                first = now;
            }
            if (expected.contains(now) && !reached.contains(now)) {
                reached.add(now);
            }
        }
        List<String> missed = expected.stream().filter(control -> !reached.contains(control)).map(Keyboard::describe).toList();
        if (!missed.isEmpty()) {
            throw new AssertionError("Tab never reaches, on " + driver.getCurrentUrl() + ": " + missed);
        }
        return reached;
    }

    List<WebElement> controls(String css) {
        List<?> found = (List<?>) ((JavascriptExecutor) driver).executeScript(CONTROLS, css);
        return found.stream().map(WebElement.class::cast).toList();
    }

    private void assertFocusShows() {
        Map<?, ?> focus = (Map<?, ?>) ((JavascriptExecutor) driver).executeScript(FOCUS);
        if (focus.get("element") == null) {
            return; // the focus has left the document: nothing on the page to show it
        }
        boolean shows = Boolean.TRUE.equals(focus.get("focusVisible")) && Boolean.TRUE.equals(focus.get("shown"))
                && (Boolean.TRUE.equals(focus.get("outline")) || Boolean.TRUE.equals(focus.get("shadow")));
        if (!shows) {
            throw new AssertionError("the focus does not show on " + describe((WebElement) focus.get("element")) + " at "
                    + driver.getCurrentUrl() + " (:focus-visible " + focus.get("focusVisible") + ", " + focus.get("style") + ")");
        }
    }

    static String describe(WebElement element) {
        if (element == null) {
            return "(outside the page)";
        }
        String id = element.getDomProperty("id");
        String text = element.getText();
        return element.getTagName() + (id == null || id.isEmpty() ? "" : "#" + id)
                + (text == null || text.isBlank() ? "" : " « " + text.strip().lines().findFirst().orElse("") + " »");
    }
}
