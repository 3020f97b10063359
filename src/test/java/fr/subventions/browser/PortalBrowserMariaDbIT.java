package fr.subventions.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.scenario.SeedCaseMariaDbIT;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ActsInBackground;
import fr.subventions.support.MariaDbIntegrationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The seed case by the people who live it, in headless Chromium on MariaDB: the applicant files the request with two
 * documents on the portal; the officer checks completeness and instructs it in Camunda Tasklist through its Camunda
 * Forms; the secretariat records the séance on the séance page; the applicant is told the convention waits for the
 * deliberation to be executory; once the prefecture has received it, the secretariat publishes the séance's acts from
 * their page; the applicant signs the convention and sees the subsidy granted. Screenshots under target/screenshots.
 *
 * <p>axe-core checks every page on the way against WCAG 2.1 A and AA: each violation is reported with its page (all of
 * them, at the end of the test), and the page kept as axe-&lt;page&gt;.png and .html. Another applicant files a request
 * with the keyboard alone.
 */
@ExtendWith(SoftAssertionsExtension.class)
class PortalBrowserMariaDbIT extends MariaDbIntegrationTest {

    static final String PASSWORD = "un mot de passe sûr";

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    Scenarios scenarios;
    @Autowired
    TaskCompleter completer;
    @Autowired
    ActsInBackground acts;
    @Autowired
    Clock clock;
    @InjectSoftAssertions
    SoftAssertions softly;

    @Test
    void seedRequestGoesFromThePortalThroughTasklistAndTheSeancePageToItsGrant() throws Exception {
        Path statuts = Files.writeString(Files.createTempFile("statuts", ".pdf"), "%PDF-1.4\n% statuts\n%%EOF\n");
        Path budget = Files.writeString(Files.createTempFile("budget", ".pdf"), "%PDF-1.4\n% budget 72 000 €\n%%EOF\n");
        Path cer = Files.writeString(Files.createTempFile("cer", ".pdf"), "%PDF-1.4\n% CER\n%%EOF\n");
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("/inscription");
            browser.checkAccessible(softly, "inscription");
            browser.type("#username", "of-numerique");
            browser.type("#firstName", "Marie");
            browser.type("#lastName", "Dupont");
            browser.type("#email", "tresoriere@of-numerique.example");
            browser.type("#password", PASSWORD);
            browser.type("#confirmation", PASSWORD);
            browser.screenshot("01-inscription");
            // the login page has a #username too: wait until the registration page is gone
            browser.submit("button[type=submit]");
            browser.find("#username");
            browser.checkAccessible(softly, "connexion");
            browser.type("#username", "of-numerique");
            browser.type("#password", PASSWORD);
            browser.click("button[type=submit]");
            browser.until(d -> d.getCurrentUrl().endsWith("/portail"));
            browser.checkAccessible(softly, "portail");

            browser.click("a[href$='/portail/demandes/nouvelle']");
            browser.checkAccessible(softly, "nouvelle-demande-etape-1");
            browser.type("#applicant-name", "Association OF du Numérique");
            browser.type("#applicant-siret", "73282932000075");
            assertThat(browser.find("#siret-direct").getText()).contains("n’est pas valide");
            browser.type("#applicant-siret", "73282932000074");
            assertThat(browser.find("#siret-direct").getText()).isEmpty();
            browser.type("#applicant-rna", "W212001234");
            browser.type("#applicant-address", "2 rue Maréchal Leclerc, 21000 Dijon");
            browser.type("#applicant-representative", "Marie Dupont");
            browser.type("#applicant-email", "contact@of-numerique.example");
            browser.click("#etape-suivante");
            browser.checkAccessible(softly, "nouvelle-demande-etape-2");
            browser.type("#title", "État des lieux emplois et compétences de la filière numérique");
            browser.type("#description", "Un état des lieux des besoins en emplois et compétences numériques.");
            browser.type("#fiscalYear", "2023");
            browser.click("#etape-suivante");
            browser.checkAccessible(softly, "nouvelle-demande-etape-3");
            browser.type("#totalBudget", "72000");
            browser.type("#requestedAmount", "20000");
            browser.type("#cofinancing-0-funder", "NUMEUM France");
            browser.type("#cofinancing-0-amount", "10000");
            browser.type("#cofinancing-1-funder", "Autofinancement");
            browser.type("#cofinancing-1-amount", "42000");
            // WebDriver reads no-break spaces as spaces
            assertThat(browser.find("#total-somme").getText().replace('\u202f', ' ').replace('\u00a0', ' ')).isEqualTo("72 000 €");
            assertThat(browser.find("#totaux").getAttribute("class")).isEqualTo("quorum-ok");
            assertThat(browser.find("#etat-totaux").getText()).isEqualTo("Le plan de financement est équilibré.");
            browser.click("#etape-suivante");
            assertThat(browser.find("#navigation-etapes p").getText()).isEqualTo("Étape 4 sur 4 : Pièces jointes");
            browser.checkAccessible(softly, "nouvelle-demande-etape-4");
            browser.driver.findElement(By.id("statuts")).sendKeys(statuts.toString());
            browser.driver.findElement(By.id("cer")).sendKeys(cer.toString());
            browser.driver.findElement(By.id("budget")).sendKeys(budget.toString());
            browser.screenshot("02-nouvelle-demande");
            browser.click("#deposer");

            String reference = browser.until(d -> d.findElement(By.tagName("h1")).getText()).split(" ")[0];
            assertThat(reference).matches("SUB-2023-\\d{4}");
            assertThat(browser.text()).contains("Statuts", "Budget prévisionnel de l'action");
            browser.screenshot("03-demande-deposee");
            browser.checkAccessible(softly, "demande-deposee");
            logout(browser);

            // The officer, in Tasklist, through the Camunda Forms
            browser.open("/camunda/app/tasklist/default/");
            browser.type("input[ng-model='username']", "instructeur");
            browser.type("input[ng-model='password']", "instructeur");
            browser.click("button[type=submit]");
            browser.find("button.claim, a[href*='task=']");
            openTask(browser, reference, "Task_CheckCompleteness");
            browser.click("[id*='Field_isComplete']");
            browser.screenshot("04-tasklist-completude");
            complete(browser);
            awaitStatus(browser, reference, RequestStatus.IN_INSTRUCTION);
            openTask(browser, reference, "Task_InstructRequest");
            browser.until(d -> d.findElement(By.tagName("body")).getText().contains("2023-65-65748-90-DEVECO"));
            assertThat(browser.text()).contains("disponible");
            browser.xpath("//label[normalize-space()='Favorable']").click();
            fillFormField(browser, "input[id*='Field_proposedAmount']", "20000");
            fillFormField(browser, "textarea[id*='Field_budgetLines']", "2023-65-65748-90-DEVECO = 20000");
            fillFormField(browser, "textarea[id*='Field_report']",
                    "Dijon Métropole a fait de la filière numérique l'un des axes stratégiques de développement.");
            browser.screenshot("05-tasklist-instruction");
            complete(browser);
            awaitStatus(browser, reference, RequestStatus.AWAITING_AGENDA);
            browser.open("/camunda/app/welcome/default/#/logout");

            // The secretariat records the séance of 14 September 2023
            login(browser, "secretariat", "secretariat");
            // staff land on the back office's worklist; the séances are one link away
            browser.until(d -> d.getCurrentUrl().endsWith("/gestion"));
            browser.open("/seances");
            browser.checkAccessible(softly, "seances");
            // a date field's typing order depends on the browser's locale: set the ISO value as the picker would
            browser.setValue("#date", "2023-09-14");
            browser.setValue("#convocationSentOn", "2023-09-08");
            new Select(browser.find("#presidentId")).selectByVisibleText("Monsieur François REBSAMEN");
            new Select(browser.find("#secretaryId")).selectByVisibleText("Monsieur Antoine HOAREAU");
            browser.submit("#creer-seance");
            browser.find("#inscrire-" + reference);
            browser.checkAccessible(softly, "seance-preparation");
            retry(browser, () -> {
                browser.click("#inscrire-" + reference);
                browser.submit("#inscrire");
            }, () -> !browser.driver.findElements(By.cssSelector("#convoquer")).isEmpty());
            browser.submit("#convoquer");
            String seance = "seance-" + browser.driver.getCurrentUrl().replaceAll(".*/seances/(\\d+).*", "$1");
            // the convocation is produced in the background; the séance then waits for its attendance sheet
            SeedCaseMariaDbIT.await("the convocation", () -> tasks.createTaskQuery().processInstanceBusinessKey(seance)
                    .taskDefinitionKey("Task_RecordAttendance").count() == 1);
            browser.driver.navigate().refresh();
            Map<String, Object> seed = scenarios.seedAttendance();
            @SuppressWarnings("unchecked")
            List<Long> absent = (List<Long>) seed.get("absent");
            @SuppressWarnings("unchecked")
            List<Map<String, Long>> proxies = (List<Map<String, Long>>) seed.get("proxyPairs");
            browser.find("#presences");
            for (Long member : absent) {
                browser.click("#present-" + member);
            }
            for (Map<String, Long> proxy : proxies) {
                new Select(browser.find("#pouvoir-" + proxy.get("fromId"))).selectByValue(proxy.get("toId").toString());
            }
            assertThat(browser.find("#presents").getText()).isEqualTo("25");
            assertThat(browser.find("#etat-quorum").getText()).isEqualTo("quorum atteint");
            browser.screenshot("06-seance-presences");
            browser.checkAccessible(softly, "seance-presences");
            browser.submit("#enregistrer-presences");
            browser.checkAccessible(softly, "seance-votes");
            // a member steps out and comes back before the item: both movements are logged, quorum holds throughout
            Long detang = scenarios.bureauMember("DETANG").id();
            browser.click("#present-" + detang);
            assertThat(browser.find("#presents").getText()).isEqualTo("24");
            browser.submit("#enregistrer-presences");
            assertThat(browser.find("#mouvements").getText()).isEqualTo("Avant le point n° 1 : Monsieur Rémi DETANG quitte la séance.");
            browser.click("#present-" + detang);
            browser.submit("#enregistrer-presences");
            assertThat(browser.find("#mouvements").getText()).endsWith("Avant le point n° 1 : Monsieur Rémi DETANG arrive en séance.");
            browser.submit("#voter-" + reference);
            assertThat(browser.find("#resultat-" + reference).getText())
                    .isEqualTo("Adopté – pour 40, contre 0, abstention 0, ne se prononce pas 0, dont 15 procuration(s)");
            assertThat(browser.find("h1").getText()).isEqualTo("Bureau métropolitain du jeudi 14 septembre 2023");
            browser.screenshot("07-seance-vote");
            browser.checkAccessible(softly, "seance-apres-vote");
            logout(browser);

            // The applicant is told the subsidy is granted, the convention to be signed once the deliberation is executory
            login(browser, "of-numerique", PASSWORD);
            browser.open("/portail/demandes/" + reference);
            assertThat(browser.find("#attente-executoire").getText()).contains("dès que la délibération sera exécutoire");
            assertThat(browser.driver.findElements(By.id("signer"))).isEmpty();
            browser.screenshot("07b-demande-attente-executoire");
            browser.checkAccessible(softly, "demande-attente-executoire");
            logout(browser);

            // The deliberation is sent to the prefecture once its extract is signed and the convention filed, in the
            // background; the prefecture acknowledges it; the secretariat publishes the séance's acts from their page
            acts.acknowledged(reference, LocalDate.now(clock));
            login(browser, "secretariat", "secretariat");
            browser.open("/seances/" + seance.substring("seance-".length()) + "/actes");
            assertThat(browser.text()).contains("Accusé de réception reçu");
            browser.checkAccessible(softly, "seance-actes");
            browser.submit("#publier");
            assertThat(browser.find("[role=status]").getText()).endsWith("publié(s) sur la page publique des actes.");
            assertThat(browser.text()).contains("Exécutoire");
            browser.screenshot("07c-seance-actes-publies");
            browser.checkAccessible(softly, "seance-actes-publies");
            logout(browser);

            // The applicant signs the convention and sees the subsidy granted
            login(browser, "of-numerique", PASSWORD);
            browser.open("/portail/demandes/" + reference);
            retry(browser, () -> browser.open("/portail/demandes/" + reference),
                    () -> !browser.driver.findElements(By.cssSelector("#signer")).isEmpty());
            assertThat(browser.text()).contains("Convention");
            browser.checkAccessible(softly, "demande-signature");
            browser.type("#signedBy", "Marie Dupont, présidente");
            browser.submit("#signer");
            assertThat(browser.find(".succes").getText()).contains("Convention signée");
            awaitStatus(browser, reference, RequestStatus.AWAITING_SIGNATURES);
            completer.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT,
                    Map.of("signedBy", "François Rebsamen", "signedOn", LocalDate.now(clock).toString()), "secretariat",
                    "signature du Président");
            browser.open("/portail/demandes/" + reference);
            assertThat(browser.find("#decision").getAttribute("data-outcome")).isEqualTo("GRANTED");
            assertThat(browser.find("#decision").getText()).isEqualTo("Subvention accordée");
            assertThat(browser.find("#montant-attribue").getText().replace('\u202f', ' ').replace('\u00a0', ' '))
                    .isEqualTo("20 000 €");
            browser.screenshot("08-demande-accordee");
            browser.checkAccessible(softly, "demande-accordee");
        }
    }

    /**
     * An applicant who uses no mouse creates an account, logs in and files a request: Tab reaches every control of each
     * form and shows where it is, Enter submits and activates the buttons. A first filing without the RNA number comes
     * back refused with its messages; from the error summary, the keyboard goes to the field, completes it and files.
     */
    @Test
    void applicantFilesARequestWithTheKeyboardAlone() throws Exception {
        Path statuts = Files.writeString(Files.createTempFile("statuts", ".pdf"), "%PDF-1.4\n% statuts\n%%EOF\n");
        Path cer = Files.writeString(Files.createTempFile("cer", ".pdf"), "%PDF-1.4\n% CER\n%%EOF\n");
        try (Browser browser = new Browser("http://localhost:" + port)) {
            Keyboard keys = browser.keyboard();
            browser.open("/inscription");
            keys.reachesEveryControlOf("main form");
            fill(keys, "#username", "clavier-asso");
            fill(keys, "#firstName", "Jeanne");
            fill(keys, "#lastName", "Martin");
            fill(keys, "#email", "jeanne.martin@clavier.example");
            fill(keys, "#password", PASSWORD);
            fill(keys, "#confirmation", PASSWORD).press(Keys.ENTER);
            browser.until(d -> d.getCurrentUrl().contains("/connexion"));

            keys.reachesEveryControlOf("main form");
            fill(keys, "#username", "clavier-asso");
            fill(keys, "#password", "pas le bon mot de passe").press(Keys.ENTER);
            browser.until(d -> d.getCurrentUrl().endsWith("/connexion?error"));
            assertThat(browser.find("#username").getDomAttribute("aria-describedby")).isEqualTo("erreur-connexion");
            browser.checkAccessible(softly, "connexion-refusee");
            // the page comes back empty, its message read out as the first field's description
            fill(keys, "#username", "clavier-asso");
            fill(keys, "#password", PASSWORD).press(Keys.ENTER);
            browser.until(d -> d.getCurrentUrl().endsWith("/portail"));
            keys.tabTo("a[href$='/portail/demandes/nouvelle']");
            keys.press(Keys.ENTER);
            browser.until(d -> d.getCurrentUrl().endsWith("/portail/demandes/nouvelle"));

            // step by step; the RNA number is left out, which an association may not do
            keys.reachesEveryControlOf("#demande");
            fill(keys, "#applicant-name", "Association Dijon Clavier");
            fill(keys, "#applicant-siret", "73282932000074");
            fill(keys, "#applicant-address", "1 place de la Libération, 21000 Dijon");
            fill(keys, "#applicant-representative", "Jeanne Martin");
            fill(keys, "#applicant-email", "contact@clavier.example");
            nextStep(browser, keys, "Étape 2 sur 4 : Le projet");
            keys.assertFocusOn("#title", "the new step's first field");
            keys.reachesEveryControlOf("#demande");
            fill(keys, "#title", "Ateliers numériques pour les associations");
            fill(keys, "#description", "Des ateliers pour apprendre à se servir des outils numériques.");
            nextStep(browser, keys, "Étape 3 sur 4 : Budget et plan de financement");
            keys.reachesEveryControlOf("#demande");
            fill(keys, "#totalBudget", "30000");
            fill(keys, "#requestedAmount", "10000");
            fill(keys, "#cofinancing-0-funder", "Région Bourgogne-Franche-Comté");
            fill(keys, "#cofinancing-0-amount", "5000");
            fill(keys, "#cofinancing-1-funder", "Autofinancement");
            fill(keys, "#cofinancing-1-amount", "10000");
            assertThat(browser.find("#etat-totaux").getText().replace('\u202f', ' ').replace('\u00a0', ' '))
                    .isEqualTo("Écart de 5 000 € : le montant demandé et les financements doivent égaler le budget.");
            keys.tabTo("#ajouter-financeur");
            keys.press(Keys.ENTER);
            keys.assertFocusOn("#cofinancing-2-funder", "the new row's first field");
            keys.type("Ville de Dijon");
            browser.screenshot("09-clavier-focus");
            fill(keys, "#cofinancing-2-amount", "5000");
            assertThat(browser.find("#totaux").getDomAttribute("class")).isEqualTo("quorum-ok");
            nextStep(browser, keys, "Étape 4 sur 4 : Pièces jointes");
            keys.reachesEveryControlOf("#demande");
            keys.tabTo("#deposer");
            keys.press(Keys.ENTER);

            browser.until(d -> !d.findElements(By.id("resume-erreurs")).isEmpty());
            assertThat(browser.find("#err-applicant-rna").getText()).isEqualTo("le numéro RNA est obligatoire pour une association");
            assertThat(browser.find("#applicant-rna").getDomAttribute("aria-describedby")).isEqualTo("err-applicant-rna");
            browser.checkAccessible(softly, "nouvelle-demande-refusee");
            browser.keep("10-clavier-demande-refusee");
            keys.assertFocusOn("#resume-erreurs", "the refused form opens on its error summary");
            keys.press(Keys.TAB);
            assertThat(keys.focused().getText()).isEqualTo("le numéro RNA est obligatoire pour une association");
            keys.press(Keys.ENTER);
            keys.assertFocusOn("#applicant-rna", "the summary's link leads to its field");
            keys.type("W212009876");
            for (String step : List.of("Le projet", "Budget et plan de financement", "Pièces jointes")) {
                nextStep(browser, keys, step);
            }
            // no file chooser opens in a headless browser: the file is handed to the field that has the focus
            keys.tabTo("#statuts");
            keys.focused().sendKeys(statuts.toString());
            keys.tabTo("#cer");
            keys.focused().sendKeys(cer.toString());
            keys.tabTo("#deposer");
            keys.press(Keys.ENTER);

            String reference = browser.until(d -> d.findElement(By.tagName("h1")).getText()).split(" ")[0];
            assertThat(reference).matches("SUB-\\d{4}-\\d{4}");
            assertThat(requests.byReference(reference).applicant().rna()).isEqualTo("W212009876");
            assertThat(browser.find("#documents").getText()).contains("Statuts", "Contrat d'Engagement Républicain");
            browser.checkAccessible(softly, "demande-deposee-clavier");
            keys.tabTo("a[href$='/portail']");
            keys.press(Keys.ENTER);
            browser.until(d -> d.getCurrentUrl().endsWith("/portail"));
            assertThat(browser.find("table").getText()).contains(reference);
            browser.checkAccessible(softly, "portail-une-demande");
            browser.screenshot("11-clavier-mes-demandes");
            browser.open("/portail/demandes/SUB-1999-9999");
            browser.find("h1");
            browser.checkAccessible(softly, "erreur");
        }
    }


    private static Keyboard fill(Keyboard keys, String css, String text) {
        keys.tabTo(css);
        return keys.type(text);
    }

    /** Moves to the form's next step with the keyboard: Tab to the button, Enter. */
    private static void nextStep(Browser browser, Keyboard keys, String expected) {
        keys.tabTo("#etape-suivante");
        keys.press(Keys.ENTER);
        assertThat(browser.find("#navigation-etapes p").getText()).endsWith(expected);
    }

    private void openTask(Browser browser, String reference, String taskKey) {
        SeedCaseMariaDbIT.await(taskKey, () -> tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskKey).count() == 1);
        String id = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
        // Tasklist routes on the URL's fragment: load the task's page afresh until its Claim button shows
        for (int attempt = 1; ; attempt++) {
            browser.open("/camunda/app/tasklist/default/#/?task=" + id);
            browser.driver.navigate().refresh();
            try {
                new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                        .until(d -> !d.findElements(By.cssSelector("button.claim")).isEmpty());
                break;
            } catch (TimeoutException notYet) {
                if (attempt == 3) {
                    browser.keep("echec-tasklist");
                    throw notYet;
                }
            }
        }
        browser.click("button.claim");
        browser.find("[id*='Field_']");
    }

    /**
     * Types into a Camunda Form field until the form keeps the text: the form renderer sometimes re-renders a field
     * right after it gets focus and drops the keystrokes, so the text is typed again, or set as an input event.
     */
    /**
     * Types into a Camunda Form field until the form holds exactly the text: on a loaded machine form-js sometimes
     * drops keystrokes, so every other attempt sets the value as an input event would.
     */
    private static void fillFormField(Browser browser, String css, String text) {
        for (int attempt = 1; attempt <= 6; attempt++) {
            WebElement field = browser.find(css);
            if (attempt % 2 == 1) {
                field.click();
                field.sendKeys(Keys.chord(Keys.CONTROL, "a"),
                        Keys.DELETE);
                field.sendKeys(text);
            } else {
                ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, text);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (text.equals(browser.find(css).getAttribute("value"))) {
                return;
            }
        }
        browser.keep("echec-saisie");
        throw new AssertionError("the form never kept the text typed into " + css);
    }

    private static void complete(Browser browser) {
        // leave the last field first, so that the form has taken in everything typed
        ((JavascriptExecutor) browser.driver).executeScript("document.activeElement.blur();");
        browser.until(d -> d.findElement(By.cssSelector("button[ng-click='complete()']")).isEnabled());
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the forms open with the request's summary: the button may sit under Tasklist's footer until scrolled to
        WebElement button = browser.find("button[ng-click='complete()']");
        ((JavascriptExecutor) browser.driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    private void awaitStatus(Browser browser, String reference, RequestStatus status) {
        try {
            SeedCaseMariaDbIT.await("status " + status, () -> requests.byReference(reference).status() == status);
        } catch (AssertionError e) {
            browser.keep("echec-" + status);
            throw e;
        }
    }

    private static void login(Browser browser, String user, String password) {
        browser.open("/connexion");
        browser.type("#username", user);
        browser.type("#password", password);
        browser.click("button[type=submit]");
        browser.until(d -> !d.getCurrentUrl().contains("/connexion"));
    }

    private static void logout(Browser browser) {
        browser.click("header form button");
        browser.until(d -> d.getCurrentUrl().contains("/connexion"));
    }

    /** Repeats a step refused while a document is produced in the background (a 409 shown on the page). */
    private static void retry(Browser browser, Runnable step, BooleanSupplier done) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                step.run();
            } catch (RuntimeException e) {
                browser.keep("echec-etape");
                throw e;
            }
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                browser.keep("echec-" + System.currentTimeMillis());
                throw new AssertionError("the page never got there: " + browser.text());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
