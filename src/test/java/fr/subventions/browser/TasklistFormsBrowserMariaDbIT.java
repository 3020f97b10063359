package fr.subventions.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.scenario.SeedCaseMariaDbIT;
import fr.subventions.submission.LegalForm;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.MariaDbIntegrationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda Tasklist as an officer opens it, in headless Chromium on MariaDB: the task names its request (reference and
 * applicant), its Camunda Form — rendered by the form-js of Camunda's webapps — opens with the request's summary, what
 * the applicant typed shown as typed, and a link to the request's dossier page; no banner asks to migrate to Camunda 8.
 * Screenshots under target/screenshots.
 */
class TasklistFormsBrowserMariaDbIT extends MariaDbIntegrationTest {

    /** An applicant's name that Markdown or HTML would read as markup, were it not escaped. */
    static final String APPLICANT = "Association <b>Gras</b> [piège](https://exemple.invalid) *étoile*";

    @LocalServerPort
    int port;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    TaskService tasks;

    @Test
    void anOfficerSeesInTasklistWhichRequestATaskIsAboutAndReachesItsDossier() {
        SubsidyRequest request = requests.submit(SeedRequests.of(new SeedRequests.Beneficiary(APPLICANT, SeedRequests.SIRET,
                "W212001234", LegalForm.ASSOCIATION), 2024, new BigDecimal("5000")), Scenarios.APPLICANT, null).request();
        String reference = request.reference();
        String name = "Vérifier la complétude " + reference + " — " + APPLICANT;
        SeedCaseMariaDbIT.await("the completeness task", () -> tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(SubsidyRequestProcess.TASK_CHECK_COMPLETENESS).count() == 1);
        String task = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("/camunda/app/tasklist/default/");
            assertThat(browser.find("[cam-widget-header]").getText()).doesNotContain("Camunda 8");
            browser.type("input[ng-model='username']", "instructeur");
            browser.type("input[ng-model='password']", "instructeur");
            browser.click("button[type=submit]");
            browser.find("li.task h4.task a");
            openTask(browser, task);

            // the list and the task's header name the request
            String header = browser.<String>until(d -> d.findElement(By.cssSelector(".names h2.task")).getText());
            assertThat(header).isEqualTo(name);
            // Tasklist redraws its list as it refreshes: read the names again until they hold the task's
            List<String> listed = browser.until(d -> {
                List<String> names = d.findElements(By.cssSelector("li.task h4.task a")).stream().map(WebElement::getText)
                        .toList();
                return names.contains(name) ? names : null;
            });
            assertThat(listed).contains(name);
            // Camunda's banner is drawn, and hidden by our stylesheet
            List<WebElement> banners = browser.driver.findElements(By.cssSelector(".ce-eol-banner"));
            assertThat(banners).isNotEmpty().noneMatch(WebElement::isDisplayed);
            assertThat(browser.text()).doesNotContain("migrate to Camunda 8");

            // the form opens with the request's summary, the applicant's markup shown as typed
            WebElement summary = browser.xpath("//h3[starts-with(normalize-space(), 'Demande " + reference + "')]");
            assertThat(summary.getText()).isEqualTo("Demande " + reference + " — " + APPLICANT);
            WebElement text = summary.findElement(By.xpath("./ancestor::div[contains(@class, 'fjs-form-field')][1]"));
            assertThat(text.getText()).contains("Demandeur : " + APPLICANT + " (association), SIRET 732 829 320 00074",
                    "Projet : Action de " + APPLICANT, "Étape : Déposée");
            assertThat(text.findElements(By.tagName("b"))).as("no markup from the applicant").isEmpty();
            // one link only: the dossier's, not the applicant's
            List<WebElement> links = text.findElements(By.tagName("a"));
            assertThat(links).hasSize(1);
            assertThat(links.get(0).getText()).isEqualTo("Ouvrir le dossier de la demande");
            assertThat(links.get(0).getAttribute("href"))
                    .isEqualTo("http://localhost:" + port + "/gestion/dossiers/" + request.id());
            browser.screenshot("tasklist-01-tache-nommee");

            // the link leads to the back office's own login, then to the request's dossier
            links.get(0).click();
            browser.until(d -> d.getCurrentUrl().contains("/connexion"));
            browser.type("#username", "instructeur");
            browser.type("#password", "instructeur");
            browser.click("button[type=submit]");
            browser.until(d -> !d.getCurrentUrl().contains("/connexion"));
            browser.open("/gestion/dossiers/" + request.id());
            browser.until(d -> d.getCurrentUrl().endsWith("/gestion/demandes/" + reference));
            assertThat(browser.find("h1").getText()).startsWith(reference);
            browser.screenshot("tasklist-02-dossier");
        }
    }

    /** Tasklist routes on the URL's fragment: loads the task's page afresh until its Claim button shows, and claims it. */
    private static void openTask(Browser browser, String id) {
        for (int attempt = 1; ; attempt++) {
            browser.open("/camunda/app/tasklist/default/#/?task=" + id);
            browser.driver.navigate().refresh();
            try {
                new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                        .until(d -> !d.findElements(By.cssSelector("button.claim")).isEmpty());
                break;
            } catch (TimeoutException notYet) {
                if (attempt == 3) {
                    browser.keep("echec-tasklist-nommee");
                    throw notYet;
                }
            }
        }
        browser.click("button.claim");
        browser.find("[id*='Field_']");
    }
}
