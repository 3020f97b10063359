package fr.subventions.mail;

import static fr.subventions.mail.MailTesting.YEAR;
import static fr.subventions.mail.MailTesting.drain;
import static fr.subventions.mail.MailTesting.freshDomain;
import static fr.subventions.mail.MailTesting.receivedBy;
import static fr.subventions.mail.MailTesting.receivedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import fr.subventions.shared.Caller;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.support.TestSmtpServer;
import fr.subventions.system.UserDirectory;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Each message of a thread reaches the other side by e-mail, through the outbox and a real SMTP server (GreenMail):
 * staff's to the applicant, the applicant's to the officer who has the request's task, or else to that task's group —
 * the instructing officers when the request waits at no staff task.
 */
@ApplicationTest
class MessageMailsTest {

    @Autowired
    ApiJourney api;
    @Autowired
    MutableClock clock;
    @Autowired
    TestSmtpServer smtp;
    @Autowired
    OutboxSender sender;
    @Autowired
    UserDirectory users;
    @Autowired
    TaskCompleter tasks;

    @BeforeEach
    void in2034() {
        clock.set(LocalDate.of(YEAR, 1, 12));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** What each address received about this request. */
    List<Mails> about(String address, String reference) {
        return receivedBy(smtp, address).stream().filter(m -> m.subject().contains(reference)).toList();
    }

    @Test
    void staffsMessageGoesToTheApplicantWithItsTextItsFilesNamesAndTheQuestion() throws Exception {
        String domain = freshDomain();
        String reference = api.file(MailTesting.request("Association La Fabrique", "Atelier vélo solidaire", domain,
                "6000"));
        api.ok(api.call("instructeur", multipart("/api/requests/" + reference + "/messages")
                .file(new MockMultipartFile("files", "modele-budget.pdf", "application/pdf", Scenarios.PDF))
                .param("text", "Bonjour,\n\nPouvez-vous compléter le budget joint ?\nMerci.")
                .param("question", "true")));
        drain(sender);

        List<Mails> mails = receivedIn(smtp, domain).stream()
                .filter(m -> m.subject().contains("nouveau message")).toList();
        assertThat(mails).hasSize(1);
        Mails mail = mails.get(0);
        assertThat(mail.subject()).isEqualTo("Demande de subvention " + reference
                + " : nouveau message du service instructeur");
        assertThat(mail.to()).containsExactly("contact@" + domain);
        assertThat(mail.cc()).containsExactly("demandeur@demo.invalid");
        assertThat(mail.text()).contains("Bonjour,\n\nPouvez-vous compléter le budget joint ?\nMerci.",
                "– modele-budget.pdf", "Une réponse de votre part est attendue",
                "http://localhost:8080/portail/demandes/" + reference);
        assertThat(mail.attachments()).as("the files stay on the thread").isEmpty();

        // without a question, no such line
        api.postJson("secretariat", "/api/requests/" + reference + "/messages", Map.of("text", "Pour information."));
        drain(sender);
        Mails second = receivedIn(smtp, domain).stream().filter(m -> m.text().contains("Pour information.")).findFirst()
                .orElseThrow();
        assertThat(second.text()).doesNotContain("Une réponse de votre part est attendue", "Pièces jointes");
    }

    @Test
    void theApplicantsMessageGoesToWhoeverHasTheTaskOrElseToItsGroup() throws Exception {
        String reference = api.file(MailTesting.request("Association Le Relais", "Jardins partagés", freshDomain(),
                "4000"));
        // waiting at the completeness check, which nobody has taken: every instructing officer with an address
        api.postJson("demandeur", "/api/requests/" + reference + "/messages", Map.of("text", "Le RIB arrive demain."));
        drain(sender);
        List<UserDirectory.Person> officers = users.membersOf(Caller.OFFICERS);
        assertThat(officers).extracting(UserDirectory.Person::id).contains("instructeur");
        for (UserDirectory.Person officer : officers) {
            List<Mails> mails = about(officer.email(), reference);
            assertThat(mails).as(officer.id()).hasSize(1);
            assertThat(mails.get(0).subject()).isEqualTo(reference + " : nouveau message du demandeur");
            assertThat(mails.get(0).text()).contains("Bonjour " + officer.name(), "Le RIB arrive demain.",
                    "Association Le Relais", "http://localhost:8080/gestion/demandes/" + reference);
        }
        assertThat(about("finances@demo.invalid", reference)).isEmpty();

        // taken: to the officer who has it alone
        tasks.claim(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                new Caller("instructeur", Set.of(Caller.OFFICERS)), "Vérifier la complétude");
        api.postJson("demandeur", "/api/requests/" + reference + "/messages", Map.of("text", "Et le budget signé."));
        drain(sender);
        for (UserDirectory.Person officer : officers) {
            assertThat(about(officer.email(), reference).stream().filter(m -> m.text().contains("Et le budget signé.")))
                    .as(officer.id()).hasSize(officer.id().equals("instructeur") ? 1 : 0);
        }
    }

    @Test
    void whileTheApplicantIsAskedForDocumentsTheirMessageGoesToTheInstructingOfficers() throws Exception {
        String reference = api.file(MailTesting.request("Association Les Semeurs", "Fête des graines", freshDomain(),
                "3000"));
        api.postJson("instructeur", "/api/requests/" + reference + "/completeness", Map.of("complete", false,
                "missing", List.of("Relevé d'identité bancaire"), "comment", "RIB manquant."));
        api.settle(reference);
        assertThat(tasks.isWaitingAt(SubsidyRequestProcess.KEY, reference,
                SubsidyRequestProcess.TASK_SUPPLY_MISSING_DOCUMENTS)).isTrue();
        api.postJson("demandeur", "/api/requests/" + reference + "/messages", Map.of("text", "Quel RIB faut-il ?"));
        drain(sender);
        assertThat(about("instructeur@demo.invalid", reference).stream()
                .filter(m -> m.text().contains("Quel RIB faut-il ?"))).hasSize(1);
        assertThat(about("secretariat@demo.invalid", reference)).isEmpty();
    }
}
