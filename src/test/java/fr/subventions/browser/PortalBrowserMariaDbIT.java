package fr.subventions.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.support.MariaDbIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The applicant's portal in headless Chromium, on MariaDB. */
class PortalBrowserMariaDbIT extends MariaDbIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void applicantCreatesAnAccountAndFilesTheSeedRequestWithTwoDocuments() throws Exception {
        Path statuts = Files.writeString(Files.createTempFile("statuts", ".pdf"), "%PDF-1.4\n% statuts\n%%EOF\n");
        Path budget = Files.writeString(Files.createTempFile("budget", ".pdf"), "%PDF-1.4\n% budget 72 000 €\n%%EOF\n");
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("/inscription");
            browser.type("#username", "of-numerique");
            browser.type("#firstName", "Marie");
            browser.type("#lastName", "Dupont");
            browser.type("#email", "tresoriere@of-numerique.example");
            browser.type("#password", "un mot de passe sûr");
            browser.type("#confirmation", "un mot de passe sûr");
            browser.screenshot("01-inscription");
            browser.click("button[type=submit]");
            browser.find("#username");
            browser.type("#username", "of-numerique");
            browser.type("#password", "un mot de passe sûr");
            browser.click("button[type=submit]");
            browser.until(d -> d.getCurrentUrl().endsWith("/portail"));

            browser.click("a[href$='/portail/demandes/nouvelle']");
            browser.type("#applicant-name", "Association OF du Numérique");
            browser.type("#applicant-siret", "73282932000075");
            assertThat(browser.find("#siret-direct").getText()).contains("n’est pas valide");
            browser.type("#applicant-siret", "73282932000074");
            assertThat(browser.find("#siret-direct").getText()).isEmpty();
            browser.type("#applicant-rna", "W212001234");
            browser.type("#applicant-address", "2 rue Maréchal Leclerc, 21000 Dijon");
            browser.type("#applicant-representative", "Marie Dupont");
            browser.type("#applicant-email", "contact@of-numerique.example");
            browser.type("#title", "État des lieux emplois et compétences de la filière numérique");
            browser.type("#description", "Un état des lieux des besoins en emplois et compétences numériques.");
            browser.type("#fiscalYear", "2023");
            browser.type("#totalBudget", "72000");
            browser.type("#requestedAmount", "20000");
            browser.type("#cofinancing-0-funder", "NUMEUM France");
            browser.type("#cofinancing-0-amount", "10000");
            browser.type("#cofinancing-1-funder", "Autofinancement");
            browser.type("#cofinancing-1-amount", "42000");
            // WebDriver reads no-break spaces as spaces
            assertThat(browser.find("#total-somme").getText().replace('\u202f', ' ').replace('\u00a0', ' ')).isEqualTo("72 000 €");
            assertThat(browser.find("#totaux").getAttribute("class")).isEqualTo("quorum-ok");
            browser.driver.findElement(By.id("statuts")).sendKeys(statuts.toString());
            browser.driver.findElement(By.id("budget")).sendKeys(budget.toString());
            browser.screenshot("02-nouvelle-demande");
            browser.click("#deposer");

            String reference = browser.until(d -> d.findElement(By.tagName("h1")).getText()).split(" ")[0];
            assertThat(reference).matches("SUB-2023-\\d{4}");
            assertThat(browser.text()).contains("Statuts", "Budget prévisionnel de l'action");
            browser.screenshot("03-demande-deposee");
        }
    }
}
