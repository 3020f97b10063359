package fr.subventions.mail;

import static fr.subventions.mail.MailTesting.LINE_ROW;
import static fr.subventions.mail.MailTesting.YEAR;
import static fr.subventions.mail.MailTesting.drain;
import static fr.subventions.mail.MailTesting.freshDomain;
import static fr.subventions.mail.MailTesting.receivedIn;
import static fr.subventions.support.ApiJourney.amounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.shared.Caller;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.TestSmtpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's promises, against a real SMTP server: an outage loses nothing, a step rolled back sends nothing, a
 * broken template fails its message and not the step, what users typed cannot add markup, and the authority's edited
 * template is the one sent.
 */
@ApplicationTest
class OutboxTest {

    @Autowired
    ObjectMapper json;
    @Autowired
    MutableClock clock;
    @Autowired
    TestSmtpServer smtp;
    @Autowired
    OutboxSender sender;
    @Autowired
    MailTemplates templates;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiJourney api;

    @BeforeEach
    void in2034() throws Exception {
        clock.set(LocalDate.of(YEAR, 5, 4));
        api.importLines(LINE_ROW);
        // what other tests left in the outbox goes first: each test here watches its own messages only
        drain(sender);
    }

    @AfterEach
    void serverUpAndRealTime() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
        clock.reset();
    }

    @Test
    void duringAnSmtpOutageTheMailWaitsInTheOutboxAndGoesOnceTheServerIsBack() throws Exception {
        String domain = freshDomain();
        smtp.stop();
        // the step itself is not disturbed by the outage
        String reference = api.file(MailTesting.request("Association Panne de Courant", "Éclairage solaire", domain, "5000"));
        assertThat(api.request(reference).get("status").asText()).isEqualTo("SUBMITTED");

        OutboxSender.Run run = sender.sendDue();
        assertThat(run.sent()).isZero();
        assertThat(run.postponed()).isEqualTo(1);
        JsonNode waiting = single(reference);
        assertThat(waiting.get("status").asText()).isEqualTo("PENDING");
        assertThat(waiting.get("attempts").asInt()).isEqualTo(1);
        assertThat(waiting.get("lastError").asText()).startsWith("Serveur de messagerie injoignable");
        assertThat(waiting.get("nextAttemptAt").asText()).isNotEmpty();

        smtp.start();
        // not due again yet: the retry waits its delay
        assertThat(sender.sendDue().sent()).isZero();
        assertThat(receivedIn(smtp, domain)).isEmpty();

        clock.set(LocalDate.of(YEAR, 5, 5));
        drain(sender);
        assertThat(receivedIn(smtp, domain)).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("Demande de subvention " + reference + " : accusé de réception"));
        JsonNode sent = single(reference);
        assertThat(sent.get("status").asText()).isEqualTo("SENT");
        assertThat(sent.get("attempts").asInt()).isEqualTo(2);
        assertThat(sent.get("lastError").isNull()).isTrue();
    }

    @Test
    void aStepRolledBackWritesAndSendsNothing() throws Exception {
        String domain = freshDomain();
        String reference = api.file(MailTesting.request("Association Retour Arrière", "Jardins partagés", domain, "9000"));
        api.complete(reference);

        // the officer proposes more than the line has: the instruction is refused as a whole
        api.importLines("2034;65;65748;90;Développement économique;MAILZ;Ligne presque vide (tests des courriels);100");
        var refused = api.call("instructeur", post("/api/requests/" + reference + "/instruction")
                .contentType("application/json").content(json.writeValueAsBytes(Map.of("opinion", "FAVORABLE",
                        "proposedAmount", 9000, "budgetLines", ApiJourney.split(amounts("2034-65-65748-90-MAILZ", "9000")),
                        "report", "Rapport."))));
        assertThat(refused.getStatus()).isEqualTo(400);

        // a withdrawal whose transaction rolls back
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            requests.withdraw(reference, "Finalement non", new Caller("demandeur", Set.of(Caller.APPLICANTS)));
            status.setRollbackOnly();
        });
        assertThat(requests.byReference(reference).status()).isEqualTo(RequestStatus.IN_INSTRUCTION);

        drain(sender);
        assertThat(api.ok(api.call("secretariat", get("/api/mails").param("reference", reference))))
                .extracting(m -> m.get("template").asText()).containsExactly("RECEIVED");
        assertThat(receivedIn(smtp, domain)).extracting(Mails::subject)
                .containsExactly("Demande de subvention " + reference + " : accusé de réception");
    }

    @Test
    void whatUsersTypeIsEscapedInHtmlAndNeverReadAsAPlaceholder() throws Exception {
        String domain = freshDomain();
        String reference = api.file(MailTesting.request("Les <b>Amis</b> & \"Cie\"",
                "Atelier <script>alert('x')</script> {{reference}} {{*missingItems}}", domain, "2500"));

        drain(sender);

        Mails mail = receivedIn(smtp, domain).get(0);
        assertThat(mail.text()).contains("Les <b>Amis</b> & \"Cie\"",
                "« Atelier <script>alert('x')</script> {{reference}} {{*missingItems}} »");
        assertThat(mail.html()).contains("Les &lt;b&gt;Amis&lt;/b&gt; &amp; &quot;Cie&quot;",
                "Atelier &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; {{reference}} {{*missingItems}}")
                .doesNotContain("<script>", "<b>");
        assertThat(mail.subject()).contains(reference);
    }

    @Test
    void theAuthoritysTemplateIsUsedAndABrokenOneFailsItsMessageNotTheStep() throws Exception {
        Path template = templates.file(MailTemplate.RECEIVED);
        templates.template(MailTemplate.RECEIVED);
        String shipped = Files.readString(template, StandardCharsets.UTF_8);
        try {
            Files.writeString(template, """
                    Objet : Votre dossier {{reference}} est arrivé

                    Madame, Monsieur,

                    Dossier de {{applicantName}} reçu le {{submittedOn}}.
                    """, StandardCharsets.UTF_8);
            String domain = freshDomain();
            String edited = api.file(MailTesting.request("Association Modèle", "Fresque", domain, "1500"));
            drain(sender);
            assertThat(receivedIn(smtp, domain)).singleElement().satisfies(m -> {
                assertThat(m.subject()).isEqualTo("Votre dossier " + edited + " est arrivé");
                assertThat(m.text()).isEqualTo("Madame, Monsieur,\n\nDossier de Association Modèle reçu le 4 mai 2034.\n");
            });

            Files.writeString(template, "Objet : Dossier {{reference}}\n\nBonjour {{destinataireInconnu}},\n",
                    StandardCharsets.UTF_8);
            String otherDomain = freshDomain();
            String broken = api.file(MailTesting.request("Association Modèle", "Fresque, suite", otherDomain, "1500"));
            assertThat(api.request(broken).get("status").asText()).isEqualTo("SUBMITTED");
            drain(sender);
            assertThat(receivedIn(smtp, otherDomain)).isEmpty();
            JsonNode failed = single(broken);
            assertThat(failed.get("status").asText()).isEqualTo("FAILED");
            assertThat(failed.get("lastError").asText()).startsWith("Le modèle de courriel « demande-recue.txt » utilise "
                    + "{{destinataireInconnu}}, que ce message ne fournit pas");

            // only an administrator sends it again, once the template is mended
            String retry = "/api/mails/" + failed.get("id").asLong() + "/retry";
            assertThat(api.call("secretariat", post(retry)).getStatus()).isEqualTo(403);
            Files.writeString(template, shipped, StandardCharsets.UTF_8);
            assertThat(api.ok(api.call("demo", post(retry))).get("status").asText()).isEqualTo("PENDING");
            assertThat(api.call("demo", post(retry)).getStatus()).isEqualTo(409);
            drain(sender);
            assertThat(receivedIn(smtp, otherDomain)).singleElement().satisfies(m -> assertThat(m.subject())
                    .isEqualTo("Demande de subvention " + broken + " : accusé de réception"));
            assertThat(single(broken).get("status").asText()).isEqualTo("SENT");
        } finally {
            Files.writeString(template, shipped, StandardCharsets.UTF_8);
        }
    }

    @Test
    void theOutboxIsCountedForTheMonitoring() throws Exception {
        String domain = freshDomain();
        smtp.stop();
        api.file(MailTesting.request("Association Compteurs", "Mesures", domain, "1000"));
        sender.sendDue();
        String metrics = api.call("demo", get("/actuator/prometheus")).getContentAsString(StandardCharsets.UTF_8);
        for (String status : List.of("PENDING", "SENDING", "SENT", "FAILED")) {
            Matcher line = Pattern.compile("(?m)^subventions_mails\\{[^}]*status=\"" + status + "\"[^}]*} (\\S+)$")
                    .matcher(metrics);
            assertThat(line.find()).as(status).isTrue();
            assertThat(Double.parseDouble(line.group(1))).as(status).isEqualTo(jdbc.queryForObject(
                    "select count(*) from mail_outbox where status = ?", Long.class, status).doubleValue());
        }
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where status = 'PENDING'", Long.class))
                .isPositive();
    }

    private JsonNode single(String reference) throws Exception {
        JsonNode mails = api.ok(api.call("secretariat", get("/api/mails").param("reference", reference)));
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }
}
