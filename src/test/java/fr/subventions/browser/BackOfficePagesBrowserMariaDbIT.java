package fr.subventions.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.acts.Act;
import fr.subventions.backoffice.WorklistTab;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.scenario.SeedCaseMariaDbIT;
import fr.subventions.shared.Caller;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ActsInBackground;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.MariaDbIntegrationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.support.TestPrefecture;
import fr.subventions.workflow.SubsidyPaymentProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The back office beyond the day's two journeys, in headless Chromium on MariaDB: every tab of the worklist and the
 * dossier page at every stage a request goes through, each checked by axe-core against WCAG 2.1 A and AA and kept as a
 * screenshot (target/screenshots/gestion-onglet-*, gestion-etape-*); the register of acts' pages, the séance's for the
 * secretariat and the public /actes (actes-*); two officers racing for the same task from their own browsers; an
 * officer who uses no mouse taking, checking and instructing a request with the keyboard alone.
 */
@ExtendWith(SoftAssertionsExtension.class)
class BackOfficePagesBrowserMariaDbIT extends MariaDbIntegrationTest {

    static final int YEAR = 2026;
    static final String DEVECO = YEAR + "-65-65748-90-DEVECO";
    static final String ECOURB = YEAR + "-65-65748-76-ECOURB";
    /** A second officer of the instructeurs' group, for the race. */
    static final String LUCIE = "instructrice-lucie";

    @LocalServerPort
    int port;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    Scenarios scenarios;
    @Autowired
    TaskCompleter completer;
    @Autowired
    TaskService taskService;
    @Autowired
    SessionService sessions;
    @Autowired
    Agenda agenda;
    @Autowired
    Attendance attendance;
    @Autowired
    Voting voting;
    @Autowired
    IdentityService identity;
    @Autowired
    ActsInBackground acts;
    @Autowired
    TestPrefecture prefecture;
    /** The application's clock, the real time here: a séance held today, signatures of today. */
    @Autowired
    MutableClock clock;
    @InjectSoftAssertions
    SoftAssertions softly;

    @BeforeEach
    void aSecondOfficer() {
        DemoUsers.ensure(identity, LUCIE, "Lucie", "Instructrice", Caller.OFFICERS);
    }

    @Test
    void everyTabOfTheWorklistAndEveryStageOfADossierAreShownAndAccessible() throws Exception {
        Map<RequestStatus, String> atStage = requestsAtEveryStage();
        try (Browser browser = new Browser("http://localhost:" + port)) {
            logIn(browser, "instructeur");
            browser.submit("#effacer");
            for (WorklistTab tab : WorklistTab.values()) {
                browser.driver.findElement(By.id("onglet-" + tab.slug())).click();
                browser.until(d -> "page".equals(d.findElement(By.id("onglet-" + tab.slug())).getDomAttribute("aria-current")));
                browser.checkAccessible(softly, "gestion-onglet-" + tab.slug());
                browser.screenshot("gestion-onglet-" + tab.slug());
                if (tab.stage() == null) {
                    continue;
                }
                // the stage's tab lists the request brought there; its dossier page shows the stage
                String reference = atStage.get(tab.stage());
                browser.type("#recherche", reference);
                browser.submit("#filtrer");
                browser.until(d -> d.findElements(By.linkText(reference)).size() == 1);
                browser.driver.findElement(By.linkText(reference)).click();
                browser.until(d -> d.getCurrentUrl().endsWith("/gestion/demandes/" + reference));
                softly.assertThat(browser.find("#etape").getText()).as(reference).isEqualTo(tab.stage().label());
                browser.checkAccessible(softly, "gestion-etape-" + tab.slug());
                browser.screenshot("gestion-etape-" + tab.slug());
                browser.open("/gestion");
                browser.submit("#effacer");
            }
        }
        // the other groups' own queues: what finance and the secretariat have to do
        for (String user : List.of("finances", "secretariat")) {
            String expected = atStage.get("finances".equals(user) ? RequestStatus.AWAITING_IMPUTATION
                    : RequestStatus.AWAITING_CLOSURE);
            try (Browser browser = new Browser("http://localhost:" + port)) {
                logIn(browser, user);
                browser.submit("#effacer");
                browser.driver.findElement(By.id("onglet-" + WorklistTab.TO_DO.slug())).click();
                browser.until(d -> "page".equals(d.findElement(By.id("onglet-a-traiter")).getDomAttribute("aria-current")));
                browser.checkAccessible(softly, "gestion-a-traiter-" + user);
                browser.screenshot("gestion-a-traiter-" + user);
                browser.type("#recherche", expected);
                browser.submit("#filtrer");
                browser.until(d -> d.findElements(By.linkText(expected)).size() == 1);
                browser.submit("#effacer");
            }
        }
    }

    /**
     * The register of acts' pages: the séance's, for the secretariat, its acts in every state — received by the
     * prefecture, refused by it, sent and awaiting its answer —, published from there, the one refused sent again; the
     * public /actes, for anyone and for the secretariat, searched by number, a wrong year refused under its field; the
     * séance's page, to anyone else, the login page. Each checked by axe-core against WCAG 2.1 A and AA.
     */
    @Test
    void theActsPagesOfTheSecretariatAndOfThePublicAreShownAndAccessible() throws Exception {
        LocalDate today = LocalDate.now(clock);
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String reference = submitted();
            complete(reference, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                    Map.of("isComplete", true, "missing", List.of(), "comment", "Dossier complet"), "instructeur");
            complete(reference, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST,
                    Map.of("opinion", "FAVORABLE", "proposedAmount", new BigDecimal("20000"), "budgetLines",
                            DEVECO + " = 20000", "report", "Rapport d'instruction."), "instructeur");
            references.add(reference);
        }
        AssemblySession held = session(today, today.minusDays(6));
        agenda.addToAgenda(held.id(), references, "secretariat");
        sessions.convene(held.id(), "secretariat");
        attendance.recordAttendance(held.id(), scenarios.seedSheet(), "secretariat");
        for (String reference : references) {
            voting.vote(held.id(), reference, CastVote.unanimous(), "secretariat");
        }
        // the first received by the prefecture, the second refused by it, the third sent and awaiting its answer
        Act first = acts.acknowledged(references.get(0), today);
        String received = first.number();
        String refused = acts.sent(references.get(1)).number();
        prefecture.refuse(refused, today, "Le document principal est illisible.");
        String sent = acts.sent(references.get(2)).number();

        try (Browser browser = new Browser("http://localhost:" + port)) {
            logIn(browser, "secretariat");
            browser.open("/seances/" + held.id());
            browser.driver.findElement(By.linkText("actes de la séance")).click();
            browser.until(d -> d.getCurrentUrl().endsWith("/seances/" + held.id() + "/actes"));
            browser.find("#publier");
            assertThat(browser.text()).contains(received, refused, sent, "Accusé de réception reçu",
                    "Anomalie signalée par la préfecture", "Le document principal est illisible.", "Transmis à la préfecture",
                    "3 acte(s) à publier au plus tard le");
            // when it was sent, in the authority's time, whatever the server's zone
            assertThat(browser.text()).contains(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                    .format(first.transmittedAt().atZone(clock.getZone())));
            browser.checkAccessible(softly, "actes-seance");
            browser.screenshot("actes-01-seance");

            browser.submit("#publier");
            assertThat(browser.find("[role=status]").getText())
                    .isEqualTo("3 acte(s) publié(s) sur la page publique des actes.");
            // received and now published, the first is executory
            assertThat(browser.text()).contains("Exécutoire").doesNotContain("à publier au plus tard");
            browser.checkAccessible(softly, "actes-seance-publies");
            browser.screenshot("actes-02-seance-publies");

            browser.submit("form[action$='/actes/" + refused + "/transmission'] button");
            assertThat(browser.find("[role=status]").getText())
                    .isEqualTo("L'acte n° " + refused + " est de nouveau transmis à la préfecture.");
            browser.checkAccessible(softly, "actes-seance-retransmis");

            // the public page, the secretariat logged in
            browser.open("/actes?numero=" + received);
            assertThat(browser.text()).contains(received, "Adoptée");
            browser.checkAccessible(softly, "actes-publics-secretariat");
        }
        try (Browser anyone = new Browser("http://localhost:" + port)) {
            anyone.open("/actes");
            anyone.find("form[role=search]");
            anyone.checkAccessible(softly, "actes-publics");
            anyone.screenshot("actes-03-publics");
            anyone.type("#numero", received);
            anyone.submit("form[role=search] button[type=submit]");
            anyone.until(d -> d.findElements(By.cssSelector("a[href$='/actes/" + received + ".pdf']")).size() == 1);
            anyone.checkAccessible(softly, "actes-publics-recherche");
            anyone.screenshot("actes-04-publics-recherche");
            anyone.type("#numero", "");
            anyone.type("#annee", "deux");
            anyone.submit("form[role=search] button[type=submit]");
            anyone.find("#annee[aria-invalid=true]");
            assertThat(anyone.text()).contains("Indiquez une année en chiffres, par exemple 2023.");
            anyone.checkAccessible(softly, "actes-publics-erreur");
            // the séance's acts are the secretariat's: anyone else is asked to log in
            anyone.open("/seances/" + held.id() + "/actes");
            anyone.until(d -> d.getCurrentUrl().endsWith("/connexion"));
        }
        assertThat(requests.byReference(references.get(0)).executoryOn()).isEqualTo(today);
        await(references.get(0), SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY);
        assertThat(requests.byReference(references.get(1)).executoryOn()).isNull();
    }

    /**
     * Claire and Lucie have the same request's page open and both press « Prendre la tâche » at the same instant: one
     * has it, the other's page comes back saying who has it and offers her no form to complete.
     */
    @Test
    void twoOfficersRacingForTheSameTaskOneHasItTheOtherIsToldWho() throws Exception {
        String reference = submitted();
        await(reference, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try (Browser claire = new Browser("http://localhost:" + port);
                Browser lucie = new Browser("http://localhost:" + port)) {
            for (Browser browser : List.of(claire, lucie)) {
                logIn(browser, browser == claire ? "instructeur" : LUCIE);
                browser.open("/gestion/demandes/" + reference);
                browser.find("#prendre");
            }
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<?>> clicks = new ArrayList<>();
            for (Browser browser : List.of(claire, lucie)) {
                clicks.add(both.submit((Callable<Void>) () -> {
                    together.await(20, TimeUnit.SECONDS);
                    browser.submit("#prendre");
                    return null;
                }));
            }
            for (Future<?> click : clicks) {
                click.get(60, TimeUnit.SECONDS);
            }
            String holder = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                    .taskDefinitionKey(SubsidyRequestProcess.TASK_CHECK_COMPLETENESS).singleResult().getAssignee();
            assertThat(holder).isIn("instructeur", LUCIE);
            Browser winner = "instructeur".equals(holder) ? claire : lucie;
            Browser loser = winner == claire ? lucie : claire;
            String winnerName = winner == claire ? "Claire Instructrice (instructeur)" : "Lucie Instructrice (" + LUCIE + ")";

            winner.find("#action-tache-a-moi");
            assertThat(winner.driver.findElements(By.id("form-completude"))).hasSize(1);
            winner.screenshot("gestion-course-gagnee");

            assertThat(loser.find("[role=alert]").getText()).isEqualTo("Cette tâche est prise par " + winnerName
                    + " : demandez-lui de la libérer, ou à un administrateur de vous la confier.");
            assertThat(loser.find("#action-tache-prise").getText()).contains(winnerName);
            assertThat(loser.driver.findElements(By.id("form-completude"))).isEmpty();
            assertThat(loser.driver.findElements(By.id("prendre"))).isEmpty();
            loser.checkAccessible(softly, "gestion-course-perdue");
            loser.screenshot("gestion-course-perdue");

            // the winner goes on; the loser's page, reloaded, follows the request to its next stage
            winner.click("#complete");
            winner.submit("#enregistrer-completude");
            winner.find("#form-instruction");
            loser.open("/gestion/demandes/" + reference);
            assertThat(loser.find("#etape").getText()).isEqualTo(RequestStatus.IN_INSTRUCTION.label());
        } finally {
            both.shutdownNow();
        }
    }

    /**
     * An officer who uses no mouse: from the login to the worklist's search, the dossier, the task taken, the request
     * declared complete, then its instruction split over two lines — first refused, the error summary taking the focus
     * and leading to the field, then recorded. Tab reaches every control of each form and shows where it is.
     */
    @Test
    void anOfficerChecksAndInstructsARequestWithTheKeyboardAlone() {
        String reference = submitted();
        await(reference, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS);
        try (Browser browser = new Browser("http://localhost:" + port)) {
            Keyboard keys = browser.keyboard();
            browser.open("/connexion");
            fill(keys, "#username", "instructeur");
            fill(keys, "#password", "instructeur").press(Keys.ENTER);
            browser.until(d -> d.getCurrentUrl().endsWith("/gestion"));

            // the tab and filters kept from an earlier visit may hide it: every request, then the search
            keys.tabTo("#onglet-tous");
            keys.press(Keys.ENTER);
            browser.until(d -> "page".equals(d.findElement(By.id("onglet-tous")).getDomAttribute("aria-current")));
            fill(keys, "#recherche", reference).press(Keys.ENTER);
            browser.until(d -> d.findElements(By.linkText(reference)).size() == 1);
            keys.tabTo("main table a[href$='/gestion/demandes/" + reference + "']");
            keys.press(Keys.ENTER);
            browser.until(d -> d.getCurrentUrl().endsWith("/gestion/demandes/" + reference));

            keys.tabTo("#prendre");
            keys.press(Keys.ENTER);
            browser.find("#action-tache-a-moi");
            keys.reachesEveryControlOf("#form-completude");
            keys.tabTo("#complete");
            keys.press(Keys.SPACE);
            assertThat(browser.find("#complete").isSelected()).isTrue();
            keys.tabTo("#enregistrer-completude");
            keys.press(Keys.ENTER);

            browser.find("#form-instruction");
            keys.reachesEveryControlOf("#form-instruction");
            keys.tabTo("#opinion");
            keys.press(Keys.SPACE);
            fill(keys, "#proposedAmount", "20000");
            fill(keys, "#montant-" + DEVECO, "5000");
            fill(keys, "#montant-" + ECOURB, "10000");
            fill(keys, "#report", "Dijon Métropole a fait de la filière numérique l'un des axes stratégiques de son "
                    + "développement économique.");
            keys.tabTo("#enregistrer-instruction");
            keys.press(Keys.ENTER);

            // refused: the lines make 15 000 € for 20 000 € proposed; the summary has the focus and leads to the field
            browser.until(d -> !d.findElements(By.id("action-erreurs")).isEmpty());
            keys.assertFocusOn("#action-erreurs", "the refused form opens on its error summary");
            browser.checkAccessible(softly, "gestion-instruction-refusee-clavier");
            browser.screenshot("gestion-instruction-refusee-clavier");
            keys.press(Keys.TAB);
            assertThat(keys.focused().getText()).startsWith("la somme des lignes");
            keys.press(Keys.ENTER);
            // the page lists the year's lines by function: 71, 76 (ECOURB), 90 (DEVECO)
            keys.assertFocusOn("#montant-" + ECOURB, "the summary's link leads to the split's first line given an amount");
            keys.replace("15000");
            keys.tabTo("#enregistrer-instruction");
            keys.press(Keys.ENTER);
            browser.until(d -> requests.byReference(reference).status() == RequestStatus.AWAITING_AGENDA);
            browser.find("#etape");
            browser.checkAccessible(softly, "gestion-instruite-clavier");
            browser.screenshot("gestion-instruite-clavier");
        }
        assertThat(requests.byReference(reference).proposedAmount()).isEqualByComparingTo("20000");
    }

    // ------------------------------------------------------------------------------------------------ fixtures

    private String submitted() {
        return submitted(new BigDecimal("20000"));
    }

    private String submitted(BigDecimal requested) {
        SubsidyRequest filed = requests.submit(SeedRequests.ofNumerique(YEAR, requested), Scenarios.APPLICANT, null).request();
        scenarios.fileRepublicanCommitment(filed.reference());
        return filed.reference();
    }

    /**
     * One request at each stage, brought there through the processes as the staff would: the incomplete one asked for
     * its RIB, one on the agenda of a séance to come, the voted ones adopted today (executory once signed, but the one
     * awaiting its signatures, whose deliberation the prefecture has not received), the one awaiting its compte rendu
     * financier granted 40 000 € and paid its advance, the closed one paid and closed.
     */
    private Map<RequestStatus, String> requestsAtEveryStage() throws InterruptedException {
        LocalDate today = LocalDate.now(clock);
        Map<RequestStatus, String> at = new EnumMap<>(RequestStatus.class);
        for (RequestStatus status : RequestStatus.values()) {
            at.put(status, submitted(new BigDecimal(status == RequestStatus.AWAITING_FINANCIAL_REPORT ? "40000" : "20000")));
        }
        for (Map.Entry<RequestStatus, String> request : at.entrySet()) {
            RequestStatus status = request.getKey();
            String reference = request.getValue();
            if (status == RequestStatus.SUBMITTED) {
                continue;
            }
            boolean complete = status != RequestStatus.INCOMPLETE;
            complete(reference, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS, complete
                    ? Map.of("isComplete", true, "missing", List.of(), "comment", "Dossier complet")
                    : Map.of("isComplete", false, "missing", List.of("RIB"), "comment", "Le RIB manque."), "instructeur");
            if (status.compareTo(RequestStatus.IN_INSTRUCTION) <= 0) {
                continue;
            }
            String amount = status == RequestStatus.AWAITING_FINANCIAL_REPORT ? "40000" : "20000";
            complete(reference, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST,
                    Map.of("opinion", "FAVORABLE", "proposedAmount", new BigDecimal(amount), "budgetLines",
                            DEVECO + " = " + amount, "report", "Rapport d'instruction."), "instructeur");
        }
        AssemblySession later = session(today.plusDays(14), today);
        agenda.addToAgenda(later.id(), List.of(at.get(RequestStatus.ON_AGENDA)), "secretariat");
        List<String> voted = at.entrySet().stream().filter(e -> e.getKey().compareTo(RequestStatus.AWAITING_SIGNATURES) >= 0)
                .map(Map.Entry::getValue).toList();
        AssemblySession held = session(today, today.minusDays(6));
        agenda.addToAgenda(held.id(), voted, "secretariat");
        sessions.convene(held.id(), "secretariat");
        attendance.recordAttendance(held.id(), scenarios.seedSheet(), "secretariat");
        for (String reference : voted) {
            voting.vote(held.id(), reference, CastVote.unanimous(), "secretariat");
        }
        for (Map.Entry<RequestStatus, String> request : at.entrySet()) {
            RequestStatus status = request.getKey();
            String reference = request.getValue();
            if (status.compareTo(RequestStatus.AWAITING_IMPUTATION) < 0) {
                continue;
            }
            // received by the prefecture and published: executory (the one awaiting its signatures is not yet)
            acts.makeExecutory(reference);
            complete(reference, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY,
                    Map.of("signedBy", "Marie Dupont, présidente", "signedOn", today.toString()), "demandeur");
            complete(reference, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT,
                    Map.of("signedBy", "François Rebsamen", "signedOn", today.toString()), "secretariat");
            if (status == RequestStatus.AWAITING_IMPUTATION) {
                continue;
            }
            String amount = status == RequestStatus.AWAITING_FINANCIAL_REPORT ? "40000" : "20000";
            complete(reference, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_IMPUTE_BUDGET,
                    Map.of("lines", DEVECO + " = " + amount), "finances");
            if (status == RequestStatus.AWAITING_PAYMENT) {
                continue;
            }
            complete(reference, SubsidyPaymentProcess.KEY, SubsidyPaymentProcess.TASK_PAY_FIRST,
                    Map.of("paidOn", today.toString(), "mandateReference", "M-" + YEAR + "-" + reference.substring(9)),
                    "finances");
            if (status == RequestStatus.CLOSED) {
                complete(reference, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_CLOSE_REQUEST, Map.of(),
                        "secretariat");
            }
        }
        at.forEach((status, reference) -> SeedCaseMariaDbIT.await(reference + " " + status,
                () -> requests.byReference(reference).status() == status));
        return at;
    }

    private AssemblySession session(LocalDate date, LocalDate convocation) {
        return sessions.create(new CreateSession(AssemblyBody.BUREAU, date, "Salle du Conseil, 40 avenue du Drapeau, Dijon",
                scenarios.bureauMember("REBSAMEN").id(), scenarios.bureauMember("HOAREAU").id(), convocation));
    }

    /** Completes the task once the process has reached it: documents are produced beside the case, by the job executor. */
    private void complete(String reference, String processKey, String taskKey, Map<String, Object> variables, String user) {
        await(reference, processKey, taskKey);
        completer.complete(processKey, reference, taskKey, variables, user, taskKey);
    }

    private void await(String reference, String processKey, String taskKey) {
        SeedCaseMariaDbIT.await(reference + " at " + taskKey, () -> taskService.createTaskQuery()
                .processInstanceBusinessKey(reference).processDefinitionKey(processKey).taskDefinitionKey(taskKey)
                .count() == 1);
    }

    private static void logIn(Browser browser, String user) {
        browser.open("/connexion");
        browser.type("#username", user);
        browser.type("#password", user);
        browser.click("button[type=submit]");
        browser.until(d -> d.getCurrentUrl().endsWith("/gestion"));
    }

    private static Keyboard fill(Keyboard keys, String css, String text) {
        keys.tabTo(css);
        return keys.type(text);
    }

}
