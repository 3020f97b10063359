package fr.subventions.mail;

import static fr.subventions.mail.MailTesting.LINE;
import static fr.subventions.mail.MailTesting.LINE_ROW;
import static fr.subventions.mail.MailTesting.YEAR;
import static fr.subventions.mail.MailTesting.drain;
import static fr.subventions.mail.MailTesting.freshDomain;
import static fr.subventions.mail.MailTesting.receivedIn;
import static fr.subventions.support.ApiJourney.amounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import fr.subventions.convention.ConventionProperties;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.support.TestSmtpServer;
import fr.subventions.workflow.SubsidyPaymentProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The applicant's e-mails, received by a real SMTP server (GreenMail) after requests walked through their stages by
 * the API: one message per stage that concerns them, in French, with the letter of that stage attached.
 */
@ApplicationTest
class ApplicantMailsTest {

    @Autowired
    Scenarios scenarios;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    MutableClock clock;
    @Autowired
    TestSmtpServer smtp;
    @Autowired
    OutboxSender sender;

    @Autowired
    ConventionProperties conventionProperties;

    @Autowired
    ApiJourney api;

    @BeforeEach
    void in2034() throws Exception {
        clock.set(LocalDate.of(YEAR, 1, 12));
        api.importLines(LINE_ROW);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theApplicantHearsOfEachStageFromFilingToClosing() throws Exception {
        String domain = freshDomain();
        String reference = api.file(MailTesting.request("Association Les Forges numériques",
                "Ateliers numériques pour les seniors", domain, "15000"));
        api.postJson("instructeur", "/api/requests/" + reference + "/completeness", Map.of("complete", false,
                "missing", List.of("Budget prévisionnel 2034 signé", "Relevé d'identité bancaire"),
                "comment", "Le budget joint n'est pas signé."));
        api.settle(reference);
        api.postJson("demandeur", "/api/requests/" + reference + "/resubmission", Map.of("message", "Voici les pièces."));
        api.complete(reference);
        api.instruct(reference, "12345.67", amounts(LINE, "12345.67"));

        clock.set(LocalDate.of(YEAR, 3, 9));
        long session = api.sittingBureau(LocalDate.of(YEAR, 3, 9), LocalDate.of(YEAR, 3, 1), reference);
        api.adoptAwaitingExecutory(session, reference);
        api.settle(reference);
        // the convention is drafted and filed, but goes to the beneficiary only once the deliberation is executory
        // (published, received by the prefect), four days later: its three months to sign count from then
        clock.set(LocalDate.of(YEAR, 3, 13));
        scenarios.makeExecutory(reference);

        clock.set(LocalDate.of(YEAR, 3, 16));
        api.sign(reference, LocalDate.of(YEAR, 3, 16));
        api.impute(reference, amounts(LINE, "12345.67"));
        clock.set(LocalDate.of(YEAR, 3, 20));
        api.postJson("finances", "/api/requests/" + reference + "/payments",
                Map.of("paidOn", LocalDate.of(YEAR, 3, 20).toString(), "mandateReference", "MAND-2034-0042"));
        api.settle(reference);
        api.close(reference);

        drain(sender);

        List<Mails> mails = receivedIn(smtp, domain);
        String amount = "12\u202f345,67\u00a0€";
        assertThat(Money.format(new BigDecimal("12345.67"))).isEqualTo(amount);
        String session9March = "Bureau métropolitain du " + FrenchText.longDate(LocalDate.of(YEAR, 3, 9));
        assertThat(mails).extracting(Mails::subject).containsExactly(
                "Demande de subvention " + reference + " : accusé de réception",
                "Demande de subvention " + reference + " : pièces complémentaires à transmettre avant le 11 février 2034",
                "Demande de subvention " + reference + " : instruction terminée",
                "Demande de subvention " + reference + " : inscrite à l'ordre du jour du " + session9March,
                "Demande de subvention " + reference + " : subvention de " + amount + " accordée",
                "Demande de subvention " + reference + " : convention à signer avant le 13 juin 2034",
                "Demande de subvention " + reference + " : versement de " + amount,
                "Demande de subvention " + reference + " : dossier clôturé");
        for (Mails mail : mails) {
            assertThat(mail.to()).as(mail.subject()).containsExactly("contact@" + domain);
            // the portal account that filed it has an address of its own: a copy goes there
            assertThat(mail.cc()).as(mail.subject()).containsExactly("demandeur@demo.invalid");
            assertThat(mail.from()).contains("ne-pas-repondre@localhost");
            assertThat(mail.text()).as(mail.subject()).contains(reference, "Ateliers numériques pour les seniors",
                    "http://localhost:8080/portail/demandes/" + reference);
            assertThat(mail.html()).as(mail.subject()).contains("<a href=\"http://localhost:8080/portail/demandes/"
                    + reference + "\">");
        }
        assertThat(mails.get(0).text()).contains("a bien reçu, le 12 janvier 2034, la demande de subvention de "
                + "Association Les Forges numériques", "montant demandé : 15\u202f000\u00a0€");
        assertThat(mails.get(0).attachments()).containsExactly("accuse-de-reception-" + reference + ".pdf");
        assertThat(mails.get(1).text()).contains("– Budget prévisionnel 2034 signé\n– Relevé d'identité bancaire",
                "Observation du service instructeur : Le budget joint n'est pas signé.");
        assertThat(mails.get(1).attachments()).containsExactly("demande-de-pieces-" + reference + ".pdf");
        assertThat(mails.get(4).text()).contains("le " + session9March + " a décidé d'attribuer à Association Les "
                + "Forges numériques une subvention de " + amount, "Une convention précisant les conditions");
        assertThat(mails.get(5).text()).contains("au plus tard le 13 juin 2034");
        assertThat(mails.get(5).attachments()).containsExactly("convention-" + reference + ".pdf");
        assertThat(mails.get(6).text()).contains("Versement unique : " + amount + ", mandaté le 20 mars 2034 "
                + "(mandat n° MAND-2034-0042).", "La subvention vous est désormais entièrement versée.");
        assertThat(mails.get(7).text()).contains("Décision : Subvention accordée.");
        assertThat(mails.get(7).attachments()).containsExactly("notification-attribution-" + reference + ".pdf");

        // the officer who asked for the missing documents hears that they came
        List<Mails> officer = MailTesting.receivedBy(smtp, "instructeur@demo.invalid").stream()
                .filter(m -> m.subject().startsWith(reference + " :")).toList();
        assertThat(officer).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo(reference + " : pièces complémentaires transmises");
            assertThat(m.to()).containsExactly("instructeur@demo.invalid");
            assertThat(m.text()).contains("Bonjour Claire Instructrice,", "Association Les Forges numériques a transmis",
                    "La vérification de la complétude vous attend sur la page du dossier : "
                            + "http://localhost:8080/gestion/demandes/" + reference);
        });

        // the outbox keeps each message, sent
        JsonNode outbox = api.ok(api.call("secretariat", get("/api/mails").param("reference", reference)));
        assertThat(outbox).hasSize(9);
        assertThat(outbox).allSatisfy(m -> {
            assertThat(m.get("status").asText()).isEqualTo("SENT");
            assertThat(m.get("attempts").asInt()).isEqualTo(1);
        });
    }

    @Test
    void refusalsAdjournmentsWithdrawalsAndDeadlinesAreToldToo() throws Exception {
        String domain = freshDomain();
        String adjournedThenRejected = api.file(MailTesting.request("Association Sport Partagé", "Tournoi inter-quartiers",
                domain, "8000"));
        api.complete(adjournedThenRejected);
        api.instruct(adjournedThenRejected, "8000", amounts(LINE, "8000"));
        String withdrawn = api.file(MailTesting.request("Association Sport Partagé", "Fête du sport", domain, "3000"));
        String inadmissible = api.file(MailTesting.request("Association Sport Partagé", "Stage d'été", domain, "4000"));
        api.postJson("instructeur", "/api/requests/" + inadmissible + "/completeness", Map.of("complete", false,
                "missing", List.of("Statuts à jour")));
        api.settle(inadmissible);

        clock.set(LocalDate.of(YEAR, 2, 9));
        api.withdraw(withdrawn);
        long february = api.sittingBureau(LocalDate.of(YEAR, 2, 9), LocalDate.of(YEAR, 2, 1), adjournedThenRejected);
        api.adjourn(february, adjournedThenRejected);
        // the missing documents never came: the timer closes the request the day after the deadline
        clock.set(LocalDate.of(YEAR, 2, 12));
        Job deadline = management.createJobQuery().processInstanceId(scenarios.processOf(inadmissible)).timers()
                .activityId(SubsidyRequestProcess.TIMER_MISSING_DOCUMENTS_DUE).singleResult();
        management.executeJob(deadline.getId());
        clock.set(LocalDate.of(YEAR, 2, 23));
        long later = api.sittingBureau(LocalDate.of(YEAR, 2, 23), LocalDate.of(YEAR, 2, 15), adjournedThenRejected);
        api.reject(later, adjournedThenRejected);

        drain(sender);

        List<Mails> mails = receivedIn(smtp, domain);
        assertThat(mails).extracting(Mails::subject).contains(
                "Demande de subvention " + withdrawn + " : retrait enregistré",
                "Demande de subvention " + adjournedThenRejected + " : examen ajourné",
                "Demande de subvention " + adjournedThenRejected + " : demande non retenue",
                "Demande de subvention " + inadmissible + " : classée sans suite");
        assertThat(about(mails, withdrawn, "retrait").text()).contains("Motif indiqué : Projet reporté");
        assertThat(about(mails, adjournedThenRejected, "ajourné").text()).contains("a été ajourné lors du Bureau "
                + "métropolitain du " + FrenchText.longDate(LocalDate.of(YEAR, 2, 9)));
        assertThat(about(mails, adjournedThenRejected, "non retenue").text()).contains("le Bureau métropolitain du "
                + FrenchText.longDate(LocalDate.of(YEAR, 2, 23)) + " n'a pas retenu");
        assertThat(about(mails, inadmissible, "sans suite").text()).contains("ne nous sont pas parvenues au 11 février 2034");
        // asked for without a comment: no observation, and no gap where it would stand
        assertThat(about(mails, inadmissible, "pièces complémentaires").text()).contains("– Statuts à jour\n\nDéposez-les")
                .doesNotContain("Observation");
    }

    @Test
    void aGrantWithoutConventionIsToldHowItWillBePaid() throws Exception {
        boolean optionalDefault = conventionProperties.isOptionalDefault();
        conventionProperties.setOptionalDefault(false);
        String domain = freshDomain();
        String reference;
        try {
            // 5 000 € to a new association: a convention is optional, and none is drawn up
            reference = api.file(MailTesting.request("Association Petit Budget", "Fête de quartier", domain, "5000"));
            api.complete(reference);
            api.instruct(reference, "5000", amounts(LINE, "5000"));
            clock.set(LocalDate.of(YEAR, 5, 11));
            long session = api.sittingBureau(LocalDate.of(YEAR, 5, 11), LocalDate.of(YEAR, 5, 3), reference);
            api.adopt(session, reference);
        } finally {
            conventionProperties.setOptionalDefault(optionalDefault);
        }

        drain(sender);

        assertThat(about(receivedIn(smtp, domain), reference, "accordée").text()).contains("Cette subvention ne donne pas "
                + "lieu à une convention : elle vous sera versée par virement une fois les crédits engagés")
                .doesNotContain("Une convention précisant");
    }

    @Test
    void anAdvanceThenTheFinancialReportRemindedOnItsTimer() throws Exception {
        String domain = freshDomain();
        String reference = api.file(MailTesting.request("Association Grand Projet", "Tiers-lieu culturel", domain, "30000"));
        api.complete(reference);
        api.instruct(reference, "30000", amounts(LINE, "30000"));
        clock.set(LocalDate.of(YEAR, 4, 13));
        long session = api.sittingBureau(LocalDate.of(YEAR, 4, 13), LocalDate.of(YEAR, 4, 5), reference);
        api.adopt(session, reference);
        api.sign(reference, LocalDate.of(YEAR, 4, 13));
        api.impute(reference, amounts(LINE, "30000"));
        api.postJson("finances", "/api/requests/" + reference + "/payments",
                Map.of("paidOn", LocalDate.of(YEAR, 4, 13).toString(), "mandateReference", "MAND-2034-0107"));
        api.settle(reference);
        String payment = runtime.createProcessInstanceQuery()
                .processDefinitionKey(SubsidyPaymentProcess.KEY)
                .processInstanceBusinessKey(reference).singleResult().getId();
        Job reminder = management.createJobQuery().processInstanceId(payment).timers()
                .activityId(SubsidyPaymentProcess.TIMER_REPORT_REMINDER).singleResult();
        management.executeJob(reminder.getId());
        api.settle(reference);

        drain(sender);

        List<Mails> mails = receivedIn(smtp, domain);
        String half = "15\u202f000\u00a0€";
        Mails advance = about(mails, reference, "versement de " + half);
        assertThat(advance.text()).contains("Avance : " + half + ", mandaté le 13 avril 2034 (mandat n° MAND-2034-0107).",
                "Le solde, soit " + half + ", vous sera versé à réception du compte rendu financier de l'action "
                        + "(formulaire CERFA n° 15059), à déposer dans votre espace au plus tard le 30 juin 2035.");
        Mails reminded = about(mails, reference, "Relance n° 1 : compte rendu financier attendu");
        assertThat(reminded.text()).contains("soit " + half + ", vous sera versé", "au plus tard le 30 juin 2035");
        assertThat(reminded.attachments()).containsExactly("relance-" + reference + ".pdf");
    }

    private static Mails about(List<Mails> mails, String reference, String subjectPart) {
        return mails.stream().filter(m -> m.subject().contains(reference) && m.subject().contains(subjectPart))
                .findFirst().orElseThrow(() -> new AssertionError("no mail on " + subjectPart + " for " + reference));
    }
}
