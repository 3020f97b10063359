package fr.subventions.mail;

import static fr.subventions.mail.MailTesting.LINE;
import static fr.subventions.mail.MailTesting.LINE_ROW;
import static fr.subventions.mail.MailTesting.YEAR;
import static fr.subventions.mail.MailTesting.drain;
import static fr.subventions.mail.MailTesting.freshDomain;
import static fr.subventions.mail.MailTesting.receivedBy;
import static fr.subventions.mail.MailTesting.receivedIn;
import static fr.subventions.support.ApiJourney.amounts;
import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.support.TestSmtpServer;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The officers' e-mails — the daily digest of the tasks waiting too long, the unsigned convention to follow up — and
 * the beneficiary's on the convention's timers: reminders, then the lapse.
 */
@ApplicationTest
class OfficerRemindersTest {

    @Autowired
    Scenarios scenarios;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    MutableClock clock;
    @Autowired
    TestSmtpServer smtp;
    @Autowired
    OutboxSender sender;
    @Autowired
    OverdueTasksDigest digest;
    @Autowired
    SubsidyRequestService requests;

    @Autowired
    ApiJourney api;

    @BeforeEach
    void in2034() throws Exception {
        clock.set(LocalDate.of(YEAR, 6, 1));
        api.importLines(LINE_ROW);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void onceADayEachOfficerGetsTheTasksWaitingTooLong() throws Exception {
        String claimed = api.file(MailTesting.request("Association Attente Longue", "Ateliers d'écriture", freshDomain(), "2000"));
        String unclaimed = api.file(MailTesting.request("Association Attente Longue", "Lectures publiques", freshDomain(), "2000"));
        tasks.claim(task(claimed), "instructeur");
        clock.set(LocalDate.of(YEAR, 6, 8));
        String recent = api.file(MailTesting.request("Association Toute Neuve", "Concerts", freshDomain(), "2000"));

        clock.set(LocalDate.of(YEAR, 6, 9));
        assertThat(digest.send()).isPositive();
        // once a day only, whichever node writes it first
        assertThat(digest.send()).isZero();
        drain(sender);

        Mails officer = today(receivedBy(smtp, "instructeur@demo.invalid"));
        assertThat(officer.subject()).matches("\\d+ tâche\\(s\\) en attente");
        assertThat(officer.text()).contains("Bonjour Claire Instructrice,", "Au 9 juin 2034, ces tâches attendent depuis plus "
                + "de 7 jours",
                "– « Vérifier la complétude " + claimed + " — Association Attente Longue » – en attente depuis le 1er juin 2034",
                "– « Vérifier la complétude " + unclaimed + " — Association Attente Longue » – en attente depuis le 1er juin 2034",
                "Elles vous attendent dans l'application des subventions : http://localhost:8080/gestion\n")
                .doesNotContain(recent);
        // a task claimed goes to whoever claimed it, not to the rest of the group
        Mails admin = today(receivedBy(smtp, "demo@localhost"));
        assertThat(admin.text()).contains(unclaimed).doesNotContain(claimed);
    }

    @Test
    void anUnsignedConventionIsRemindedToTheBeneficiaryThenFollowedUpBySecretariatThenLapses() throws Exception {
        String domain = freshDomain();
        String reference = api.file(MailTesting.request("Association Signature Tardive", "Festival de rue", domain, "3000"));
        api.complete(reference);
        api.instruct(reference, "3000", amounts(LINE, "3000"));
        Long id = requests.byReference(reference).id();
        String session = "Bureau métropolitain du jeudi 1er juin 2034";
        requests.placeOnAgenda(id, session, "secretariat");
        requests.recordVote(id, VoteDecision.ADOPTED, session, "secretariat");
        api.settle(reference);
        // the convention is drafted and filed, but not sent: the beneficiary cannot sign it before the deliberation is
        // executory, a week later; its validity counts from then
        drain(sender);
        assertThat(receivedIn(smtp, domain)).extracting(Mails::subject).noneMatch(s -> s.contains("convention à signer"));
        clock.set(LocalDate.of(YEAR, 6, 8));
        scenarios.executoryWithoutSeance(reference);
        api.settle(reference);

        management.executeJob(timer(reference, SubsidyRequestProcess.TIMER_SIGNATURE_REMINDER).getId());
        api.settle(reference);
        management.executeJob(timer(reference, SubsidyRequestProcess.TIMER_SIGNATURE_LATE).getId());
        management.executeJob(timer(reference, SubsidyRequestProcess.TIMER_CONVENTION_LAPSED).getId());
        api.close(reference);
        drain(sender);

        List<Mails> mails = receivedIn(smtp, domain);
        assertThat(mails).extracting(Mails::subject).containsSubsequence(
                "Demande de subvention " + reference + " : convention à signer avant le 8 septembre 2034",
                "Relance n° 1 : convention à signer avant le 8 septembre 2034 (demande " + reference + ")",
                "Demande de subvention " + reference + " : subvention caduque",
                "Demande de subvention " + reference + " : dossier clôturé");
        Mails toSign = mails.stream().filter(m -> m.subject().endsWith("convention à signer avant le 8 septembre 2034"))
                .findFirst().orElseThrow();
        assertThat(toSign.text()).contains("au plus tard le 8 septembre 2034");
        assertThat(toSign.attachments()).containsExactly("convention-" + reference + ".pdf");
        Mails reminder = mails.stream().filter(m -> m.subject().startsWith("Relance")).findFirst().orElseThrow();
        assertThat(reminder.text()).contains("subvention de 3\u202f000\u00a0€", "depuis le 8 juin 2034");
        assertThat(reminder.attachments()).containsExactly("relance-" + reference + ".pdf");
        assertThat(mails.get(mails.size() - 1).text()).contains("Décision : Caduque : convention non signée dans son délai.");
        assertThat(mails.get(mails.size() - 1).attachments()).containsExactly("notification-rejet-" + reference + ".pdf");

        assertThat(receivedBy(smtp, "secretariat@demo.invalid")).filteredOn(m -> m.subject().startsWith(reference))
                .singleElement().satisfies(m -> {
                    assertThat(m.subject()).isEqualTo(reference + " : convention non signée, relance à faire");
                    assertThat(m.text()).contains("Bonjour Paul Secrétariat des assemblées,",
                            "adressée au bénéficiaire le 8 juin 2034, n'est toujours pas signée après 1 lettre(s) de relance",
                            "au plus tard le 8 septembre 2034",
                            "sur la page du dossier : http://localhost:8080/gestion/demandes/" + reference);
                    assertThat(m.html()).contains("<a href=\"http://localhost:8080/gestion/demandes/" + reference + "\">");
                });
    }

    private String task(String reference) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(SubsidyRequestProcess.TASK_CHECK_COMPLETENESS).singleResult().getId();
    }

    private Job timer(String reference, String activityId) {
        return management.createJobQuery().processInstanceId(scenarios.processOf(reference)).timers()
                .activityId(activityId).singleResult();
    }

    /** The digest of 9 June 2034 among what the officer received. */
    private static Mails today(List<Mails> mails) {
        return mails.stream().filter(m -> m.text().contains("Au 9 juin 2034,")).reduce((a, b) -> {
            throw new AssertionError("two digests the same day");
        }).orElseThrow(() -> new AssertionError("no digest of 9 June 2034"));
    }
}
