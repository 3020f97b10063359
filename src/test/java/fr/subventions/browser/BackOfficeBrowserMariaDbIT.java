package fr.subventions.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.budget.BudgetService;
import fr.subventions.budget.Reservation;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.payment.PaymentService;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ActsInBackground;
import fr.subventions.support.MariaDbIntegrationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The officer's day in the back office, in headless Chromium on MariaDB, without opening Tasklist: from the worklist,
 * found by its reference, to the dossier page, where the officer takes the task, declares the request complete, then
 * instructs it favourably with its funding split over two budget lines of the year. axe-core checks every page on the
 * way against WCAG 2.1 A and AA; screenshots under target/screenshots (gestion-*). Finance, likewise, from its tab
 * « À engager » to the commitment of the credits and the payment recorded.
 */
@ExtendWith(SoftAssertionsExtension.class)
class BackOfficeBrowserMariaDbIT extends MariaDbIntegrationTest {

    static final int YEAR = 2026;
    static final String DEVECO = YEAR + "-65-65748-90-DEVECO";
    static final String ECOURB = YEAR + "-65-65748-76-ECOURB";

    @LocalServerPort
    int port;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    BudgetService budget;
    @Autowired
    Scenarios scenarios;
    @Autowired
    TaskCompleter completer;
    @Autowired
    SessionService sessions;
    @Autowired
    Agenda agenda;
    @Autowired
    Attendance attendance;
    @Autowired
    Voting voting;
    @Autowired
    PaymentService payments;
    @Autowired
    ActsInBackground acts;
    /** The application's clock, the real time here: a séance held today, signatures of today. */
    @Autowired
    MutableClock clock;
    @InjectSoftAssertions
    SoftAssertions softly;

    @Test
    void anOfficerChecksAndInstructsARequestFromTheWorklistWithSplitFunding() {
        SubsidyRequest filed = requests.submit(SeedRequests.ofNumerique(YEAR), Scenarios.APPLICANT, null).request();
        String reference = filed.reference();
        scenarios.fileRepublicanCommitment(reference);
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("/connexion");
            browser.type("#username", "instructeur");
            browser.type("#password", "instructeur");
            browser.click("button[type=submit]");
            // staff land on the worklist
            browser.until(d -> d.getCurrentUrl().endsWith("/gestion"));
            browser.checkAccessible(softly, "gestion-liste");
            browser.screenshot("gestion-01-liste");

            // the tab and filters are kept per user from one visit to the next: every request, no filter
            browser.driver.findElement(By.id("onglet-tous")).click();
            browser.until(d -> "page".equals(d.findElement(By.id("onglet-tous")).getDomAttribute("aria-current")));
            browser.submit("#effacer");
            browser.type("#recherche", reference);
            browser.submit("#filtrer");
            browser.until(d -> d.findElements(By.linkText(reference)).size() == 1);
            browser.checkAccessible(softly, "gestion-recherche");
            browser.screenshot("gestion-02-recherche");
            browser.driver.findElement(By.linkText(reference)).click();

            // the dossier page: the request as filed, its documents, and the completeness check to do
            browser.until(d -> d.getCurrentUrl().endsWith("/gestion/demandes/" + reference));
            browser.find("#form-completude");
            assertThat(browser.text()).contains("Association OF du Numérique", "Contrat d'Engagement Républicain");
            browser.checkAccessible(softly, "gestion-dossier-completude");
            browser.screenshot("gestion-03-dossier-completude");
            browser.submit("#prendre");
            browser.until(d -> !d.findElements(By.id("action-tache-a-moi")).isEmpty());
            browser.click("#complete");
            browser.submit("#enregistrer-completude");

            // the instruction, on the same page: two lines of the year, their sum the proposed amount
            browser.find("#form-instruction");
            assertThat(requests.byReference(reference).status()).isEqualTo(RequestStatus.IN_INSTRUCTION);
            browser.checkAccessible(softly, "gestion-dossier-instruction");
            browser.click("#opinion");
            browser.type("#proposedAmount", "20000");
            browser.type("#montant-" + DEVECO, "5000");
            browser.type("#montant-" + ECOURB, "15000");
            browser.type("#report", "Dijon Métropole a fait de la filière numérique l'un des axes stratégiques de "
                    + "son développement économique.");
            browser.screenshot("gestion-04-dossier-instruction");
            browser.submit("#enregistrer-instruction");
            browser.until(d -> requests.byReference(reference).status() == RequestStatus.AWAITING_AGENDA);
            browser.checkAccessible(softly, "gestion-dossier-instruite");
            browser.screenshot("gestion-05-dossier-instruit");
        }
        SubsidyRequest instructed = requests.byReference(reference);
        assertThat(instructed.proposedAmount()).isEqualByComparingTo("20000");
        List<Reservation> reserved = budget.reservationsOf(instructed.id()).stream().filter(Reservation::active).toList();
        assertThat(reserved).extracting(r -> r.line().code()).containsExactlyInAnyOrder(DEVECO, ECOURB);
        assertThat(reserved.stream().map(Reservation::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("20000");
    }

    @Test
    void financeCommitsTheCreditsAndRecordsThePaymentFromTheWorklist() throws Exception {
        // a request instructed on one line, voted by the Bureau today, its deliberation received by the prefecture and
        // published (executory), the convention signed by both parties, through the services
        SubsidyRequest filed = requests.submit(SeedRequests.ofNumerique(YEAR), Scenarios.APPLICANT, null).request();
        String reference = filed.reference();
        scenarios.fileRepublicanCommitment(reference);
        completer.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                Map.of("isComplete", true, "missing", List.of(), "comment", "Dossier complet"), "instructeur", "complétude");
        completer.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST,
                Map.of("opinion", "FAVORABLE", "proposedAmount", new BigDecimal("20000"), "budgetLines",
                        DEVECO + " = 20000", "report", "Rapport d'instruction."), "instructeur", "instruction");
        LocalDate today = LocalDate.now(clock);
        AssemblySession session = sessions.create(new CreateSession(AssemblyBody.BUREAU, today,
                "Salle du Conseil, 40 avenue du Drapeau, Dijon", scenarios.bureauMember("REBSAMEN").id(),
                scenarios.bureauMember("HOAREAU").id(), today.minusDays(6)));
        agenda.addToAgenda(session.id(), List.of(reference), "secretariat");
        sessions.convene(session.id(), "secretariat");
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        voting.vote(session.id(), reference, CastVote.unanimous(), "secretariat");
        acts.makeExecutory(reference);
        completer.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY,
                Map.of("signedBy", "Marie Dupont, présidente", "signedOn", today.toString()), "demandeur", "signature");
        completer.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT,
                Map.of("signedBy", "François Rebsamen", "signedOn", today.toString()), "secretariat", "signature");
        assertThat(requests.byReference(reference).status()).isEqualTo(RequestStatus.AWAITING_IMPUTATION);

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("/connexion");
            browser.type("#username", "finances");
            browser.type("#password", "finances");
            browser.click("button[type=submit]");
            browser.until(d -> d.getCurrentUrl().endsWith("/gestion"));
            // the filters kept from an earlier visit set aside
            browser.submit("#effacer");
            // what finance has to do: the commitments waiting, found in its tab
            browser.driver.findElement(By.partialLinkText("À engager")).click();
            browser.until(d -> d.findElements(By.linkText(reference)).size() == 1);
            browser.checkAccessible(softly, "gestion-a-engager");
            browser.screenshot("gestion-06-a-engager");
            browser.driver.findElement(By.linkText(reference)).click();

            // the commitment: the instruction's reservation is proposed on its line
            browser.find("#form-engagement");
            browser.checkAccessible(softly, "gestion-dossier-engagement");
            browser.screenshot("gestion-07-dossier-engagement");
            browser.submit("#enregistrer-engagement");
            browser.until(d -> requests.byReference(reference).status() == RequestStatus.AWAITING_PAYMENT);

            // the payment: 20 000 € in one go, its date and the mandate's number
            browser.find("#form-versement");
            browser.checkAccessible(softly, "gestion-dossier-versement");
            browser.setValue("#paidOn", today.toString());
            browser.type("#mandateReference", "M-" + YEAR + "-0815");
            browser.screenshot("gestion-08-dossier-versement");
            browser.submit("#enregistrer-versement");
            browser.until(d -> requests.byReference(reference).status() == RequestStatus.AWAITING_CLOSURE);
            browser.checkAccessible(softly, "gestion-dossier-verse");
            browser.screenshot("gestion-09-dossier-verse");
        }
        SubsidyRequest paid = requests.byReference(reference);
        assertThat(budget.commitmentsOf(paid.id())).extracting(c -> c.line().code()).containsExactly(DEVECO);
        assertThat(payments.schedule(paid.id()).fullyPaid()).isTrue();
        assertThat(payments.schedule(paid.id()).payments().get(0).mandateReference()).isEqualTo("M-" + YEAR + "-0815");
    }

}
