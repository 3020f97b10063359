package fr.subventions.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

/**
 * The accessibility checks of the browser tests, on small pages made for the purpose in headless Chromium: axe-core
 * finds what a page breaks and nothing on a sound one; the keyboard check sees a hidden focus and a control that Tab
 * cannot reach, and passes the application's own style sheet. A check that never fails would prove nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityHarnessIT {

    static final Path PAGES = Path.of("target", "accessibility-harness");
    static final String APP_CSS = Path.of("src/main/resources/static/css/app.css").toAbsolutePath().toUri().toString();

    Browser browser;

    @BeforeAll
    void start() throws IOException {
        Files.createDirectories(PAGES);
        page("sound.html", """
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Page saine</title>
                <link rel="stylesheet" href="%s"></head>
                <body><a class="visually-hidden" href="#contenu">Aller au contenu</a>
                <main id="contenu"><h1>Une page saine</h1>
                <form><label for="nom">Nom</label><input type="text" id="nom" name="nom">
                <label for="theme">Thème</label><select id="theme" name="theme"><option>Culture</option></select>
                <label><input type="checkbox" id="accord" name="accord"> J'accepte</label>
                <input type="hidden" name="cache" value="1"><button type="button" hidden>Caché</button>
                <button type="submit" id="envoyer">Envoyer</button></form>
                <p><a href="#contenu" id="haut">Haut de page</a></p></main></body></html>
                """.formatted(APP_CSS));
        page("broken.html", """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>Page cassée</title></head>
                <body><main><h1>Une page cassée</h1>
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                <form><input type="text" id="sans-libelle"></form>
                <p style="color:#aaaaaa;background:#ffffff">Un texte trop pâle pour être lu.</p>
                </main></body></html>
                """);
        page("hidden-focus.html", """
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Focus caché</title>
                <link rel="stylesheet" href="%s"><style>#b:focus { outline: none; box-shadow: none; }</style></head>
                <body><main><h1>Focus caché</h1><form><label for="a">A</label><input type="text" id="a">
                <label for="b">B</label><input type="text" id="b"></form></main></body></html>
                """.formatted(APP_CSS));
        page("trap.html", """
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Piège</title>
                <link rel="stylesheet" href="%s"></head>
                <body><main><h1>Piège au clavier</h1><form><label for="a">A</label><input type="text" id="a">
                <label for="b">B</label><input type="text" id="b"></form></main>
                <script>document.getElementById('a').addEventListener('keydown', function (e) {
                  if (e.key === 'Tab') { e.preventDefault(); } });</script></body></html>
                """.formatted(APP_CSS));
        browser = new Browser(PAGES.toAbsolutePath().toUri().toString().replaceAll("/$", ""));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Nested
    class AxeCore {

        @Test
        void findsNothingOnASoundPage() {
            browser.open("/sound.html");
            assertThat(browser.accessibilityViolations()).isEmpty();
        }

        @Test
        void namesEachRuleABrokenPageBreaksWithItsElements() {
            browser.open("/broken.html");
            List<Axe.Violation> violations = browser.accessibilityViolations();
            assertThat(violations).extracting(Axe.Violation::rule)
                    .containsExactlyInAnyOrder("html-has-lang", "image-alt", "label", "color-contrast");
            assertThat(violations).filteredOn(v -> v.rule().equals("label")).singleElement()
                    .satisfies(v -> assertThat(v.targets()).containsExactly("#sans-libelle"))
                    .satisfies(v -> assertThat(v.toString()).startsWith("label (critical): Form elements must have labels — "));
        }
    }

    @Nested
    class KeyboardOnly {

        @Test
        void reachesEveryShownControlInOrderWithTheApplicationsFocusStyle() {
            browser.open("/sound.html");
            List<WebElement> reached = browser.keyboard().reachesEveryControlOf("main");
            assertThat(reached).extracting(Keyboard::describe)
                    .containsExactly("input#nom", "select#theme « Culture »", "input#accord", "button#envoyer « Envoyer »",
                            "a#haut « Haut de page »");
        }

        @Test
        void seesAControlWhoseFocusDoesNotShow() {
            browser.open("/hidden-focus.html");
            assertThatThrownBy(() -> browser.keyboard().reachesEveryControlOf("main"))
                    .isInstanceOf(AssertionError.class).hasMessageStartingWith("the focus does not show on input#b");
        }

        @Test
        void seesAControlThatTabNeverReaches() {
            browser.open("/trap.html");
            assertThatThrownBy(() -> browser.keyboard().reachesEveryControlOf("main"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("Tab never reaches").hasMessageEndingWith("[input#b]");
            assertThatThrownBy(() -> browser.keyboard().tabTo("#b"))
                    .isInstanceOf(AssertionError.class).hasMessageStartingWith("Tab never reaches #b");
        }
    }

    private static void page(String name, String html) throws IOException {
        Files.writeString(PAGES.resolve(name), html);
    }
}
