package fr.subventions.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.MariaDbIntegrationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.support.Waiting;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An opinion asked of the finance department, in headless Chromium on MariaDB: the officer asks it from the dossier
 * page; finance finds the request in its tab « Avis à donner », opens the dossier and gives its opinion there; the
 * officer reads it beside the report of the instruction form, instructs, and the instruction report produced in the
 * background quotes it. axe-core checks every page on the way against WCAG 2.1 A and AA; screenshots under
 * target/screenshots (avis-*).
 */
@ExtendWith(SoftAssertionsExtension.class)
class OpinionsBrowserMariaDbIT extends MariaDbIntegrationTest {

    static final int YEAR = 2026;

    @LocalServerPort
    int port;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    DocumentService documents;
    @Autowired
    Scenarios scenarios;
    @Autowired
    TaskCompleter completer;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @InjectSoftAssertions
    SoftAssertions softly;

    @Test
    void anOfficerAsksFinanceForAnOpinionFinanceGivesItAndTheReportQuotesIt() throws Exception {
        SubsidyRequest filed = requests.submit(SeedRequests.of(SeedRequests.Beneficiary.newAssociation(), YEAR,
                new BigDecimal("12000")), Scenarios.APPLICANT, null).request();
        String reference = filed.reference();
        scenarios.fileRepublicanCommitment(reference);
        completer.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                Map.of("isComplete", true, "missing", List.of(), "comment", "Dossier complet"), "instructeur", "complétude");
        String due = LocalDate.now(clock).plusDays(10).toString();

        // the officer asks finance from the dossier page
        try (Browser browser = as("instructeur")) {
            browser.open("/gestion/demandes/" + reference);
            browser.find("#form-demander-avis");
            browser.checkAccessible(softly, "avis-dossier-a-demander");
            browser.click("#askedOf-group-finances");
            browser.type("#question", "Le plan de financement est-il soutenable, compte tenu des comptes 2025 ?");
            browser.setValue("#dueOn", due);
            browser.screenshot("avis-01-demande");
            browser.submit("#demander-avis");
            browser.until(d -> d.findElement(By.cssSelector(".succes")).getText().contains("Avis demandé à « Direction des finances »"));
            assertThat(browser.find("#avis-services").getText()).contains("Direction des finances – attendu",
                    "Le plan de financement est-il soutenable");
            browser.checkAccessible(softly, "avis-dossier-demande");
            browser.screenshot("avis-02-demandee");
        }
        Long opinion = jdbc.queryForObject("select id from opinion_request where request_id = ?", Long.class, filed.id());

        // finance: its tab « Avis à donner », then the dossier and the form
        try (Browser browser = as("finances")) {
            browser.submit("#effacer");
            browser.driver.findElement(By.id("onglet-avis-a-donner")).click();
            browser.until(d -> "page".equals(d.findElement(By.id("onglet-avis-a-donner")).getDomAttribute("aria-current")));
            browser.type("#recherche", reference);
            browser.submit("#filtrer");
            browser.until(d -> d.findElements(By.linkText(reference)).size() == 1);
            browser.checkAccessible(softly, "avis-a-donner");
            browser.screenshot("avis-03-onglet");
            browser.driver.findElement(By.linkText(reference)).click();
            browser.find("#avis-attendu-" + opinion);
            assertThat(browser.find("#avis-a-donner").getText()).contains("Donner mon avis",
                    "Le plan de financement est-il soutenable");
            browser.checkAccessible(softly, "avis-dossier-a-donner");
            browser.click("#verdict-" + opinion + "-RESERVED");
            browser.type("#text-" + opinion, "Favorable sous réserve : les comptes 2025 montrent une trésorerie tendue,"
                    + " un versement en deux fois est préférable.");
            browser.screenshot("avis-04-formulaire");
            browser.submit("#donner-avis-" + opinion);
            browser.until(d -> d.findElement(By.cssSelector(".succes")).getText().contains("Favorable avec réserves"));
            assertThat(browser.driver.findElements(By.id("avis-a-donner"))).isEmpty();
            browser.checkAccessible(softly, "avis-dossier-donne");
            browser.screenshot("avis-05-donne");
        }

        // the officer: beside the report, then the instruction; the report produced quotes the opinion
        try (Browser browser = as("instructeur")) {
            browser.open("/gestion/demandes/" + reference);
            assertThat(browser.find("#action-avis").getText()).contains("Direction des finances", "Favorable avec réserves",
                    "Inès Finances", "un versement en deux fois est préférable");
            browser.checkAccessible(softly, "avis-instruction");
            browser.screenshot("avis-06-instruction");
            browser.click("#opinion-defavorable");
            browser.type("#report", "Au vu de l'avis de la direction des finances, la trésorerie de l'association ne "
                    + "permet pas de porter l'action cette année.");
            browser.submit("#enregistrer-instruction");
            browser.until(d -> requests.byReference(reference).status() != RequestStatus.IN_INSTRUCTION);
            browser.checkAccessible(softly, "avis-instruite");
        }
        Waiting.upTo(Duration.ofSeconds(90), "the instruction report of " + reference, () -> report(filed) != null);
        assertThat(report(filed)).contains("Avis des services consultés",
                "1 avis demandé(s) à d'autres services : 1 donné(s), 0 manquant(s).",
                "Direction des finances – Favorable avec réserves (Inès Finances, le ",
                "un versement en deux fois est préférable.");
    }

    /** Logged in through the form, on the worklist. */
    private Browser as(String user) {
        Browser browser = new Browser("http://localhost:" + port);
        browser.open("/connexion");
        browser.type("#username", user);
        browser.type("#password", user);
        browser.click("button[type=submit]");
        browser.until(d -> d.getCurrentUrl().endsWith("/gestion"));
        return browser;
    }

    /** The text of the request's instruction report, once produced. */
    private String report(SubsidyRequest request) {
        for (RequestDocument document : documents.list(request)) {
            if (document.type() == DocumentType.INSTRUCTION_REPORT && DocumentType.DOCX.equals(document.mediaType())) {
                byte[] docx = documents.withContent(document.id()).orElseThrow().content();
                try (XWPFDocument report = new XWPFDocument(new ByteArrayInputStream(docx));
                        XWPFWordExtractor text = new XWPFWordExtractor(report)) {
                    return text.getText();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return null;
    }
}
