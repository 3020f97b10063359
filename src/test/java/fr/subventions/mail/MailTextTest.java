package fr.subventions.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The e-mail templates' syntax, and every shipped template filled with the fields its message provides. */
class MailTextTest {

    /**
     * What each message provides its template (docs/email.md): the shipped templates may use these and no other.
     * {@code *name} is a list, {@code ?name} a yes/no, any other a text.
     */
    static final Map<MailTemplate, List<String>> FIELDS = new EnumMap<>(MailTemplate.class);

    static final List<String> REQUEST = List.of("authority", "reference", "title", "applicantName", "representative",
            "fiscalYear", "requestedAmount", "submittedOn", "status");
    static final List<String> APPLICANT = List.of("portalUrl", "grantedAmount");
    static final List<String> OFFICER = List.of("recipientName", "dossierUrl");

    static {
        for (MailTemplate t : MailTemplate.values()) {
            FIELDS.put(t, List.of());
        }
        FIELDS.put(MailTemplate.MISSING_ITEMS_REQUESTED, List.of("*missingItems", "deadline", "comment"));
        FIELDS.put(MailTemplate.INADMISSIBLE, List.of("*missingItems", "deadline"));
        FIELDS.put(MailTemplate.PLACED_ON_AGENDA, List.of("session"));
        FIELDS.put(MailTemplate.ADJOURNED, List.of("session"));
        FIELDS.put(MailTemplate.GRANTED, List.of("session", "?convention"));
        FIELDS.put(MailTemplate.REJECTED, List.of("session"));
        FIELDS.put(MailTemplate.CONVENTION_TO_SIGN, List.of("validUntil"));
        FIELDS.put(MailTemplate.SIGNATURE_REMINDER, List.of("reminderNumber", "draftedOn", "validUntil"));
        FIELDS.put(MailTemplate.CONVENTION_LAPSED, List.of("draftedOn", "validUntil"));
        FIELDS.put(MailTemplate.PAYMENT_MADE, List.of("payment", "paidAmount", "paidOn", "mandate", "?awaitsReport",
                "balance", "reportDue", "?fullyPaid"));
        FIELDS.put(MailTemplate.REPORT_REMINDER, List.of("reminderNumber", "reportDue", "balance", "?late"));
        FIELDS.put(MailTemplate.CLOSED, List.of("outcome"));
        FIELDS.put(MailTemplate.WITHDRAWN, List.of("reason"));
        FIELDS.put(MailTemplate.SIGNATURE_LATE, List.of("grantedAmount", "draftedOn", "validUntil", "reminderNumber"));
        FIELDS.put(MailTemplate.MESSAGE_TO_APPLICANT, List.of("author", "*text", "*attachments", "?question"));
        FIELDS.put(MailTemplate.MESSAGE_FROM_APPLICANT, List.of("author", "*text", "*attachments"));
        FIELDS.put(MailTemplate.OPINION_ASKED, List.of("askedOf", "askedBy", "question", "dueOn", "?confidential"));
        FIELDS.put(MailTemplate.OPINION_REMINDER, List.of("askedOf", "askedBy", "question", "dueOn"));
        FIELDS.put(MailTemplate.OPINION_OVERDUE, List.of("askedOf", "question", "dueOn"));
        FIELDS.put(MailTemplate.OPINION_GIVEN, List.of("askedOf", "givenBy", "givenOn", "verdict", "?givenLate", "dueOn"));
        FIELDS.put(MailTemplate.OPINION_WITHDRAWN, List.of("askedOf", "askedBy", "question", "withdrawalReason"));
    }

    static Map<String, Object> model(MailTemplate template) {
        Map<String, Object> model = new LinkedHashMap<>();
        if (template == MailTemplate.OVERDUE_TASKS) {
            for (String key : List.of("recipientName", "taskCount", "overdueAfterDays", "today", "worklistUrl")) {
                model.put(key, key.endsWith("Url") ? "https://subventions.example/" + key : "«" + key + "»");
            }
            model.put("tasks", List.of("– « Vérifier la complétude » – SUB-2034-0001 (Association) – en attente depuis le 1er juin 2034"));
            return model;
        }
        if (template == MailTemplate.OVERDUE_PUBLICATIONS) {
            for (String key : List.of("recipientName", "sessionCount", "today", "sessionsUrl")) {
                model.put(key, key.endsWith("Url") ? "https://subventions.example/" + key : "«" + key + "»");
            }
            model.put("sessions", List.of("– Bureau métropolitain, séance du 14 septembre 2034 : 3 acte(s) à publier"));
            return model;
        }
        boolean officer = template.audience() == MailTemplate.Audience.STAFF;
        for (String key : REQUEST) {
            model.put(key, "«" + key + "»");
        }
        for (String key : officer ? OFFICER : APPLICANT) {
            model.put(key, key.endsWith("Url") ? "https://subventions.example/" + key : "«" + key + "»");
        }
        for (String key : FIELDS.get(template)) {
            if (key.startsWith("*")) {
                model.put(key.substring(1), List.of("«" + key.substring(1) + " 1»", "«" + key.substring(1) + " 2»"));
            } else if (key.startsWith("?")) {
                model.put(key.substring(1), true);
            } else {
                model.put(key, "«" + key + "»");
            }
        }
        return model;
    }

    @Test
    void everyShippedTemplateIsFilledByWhatItsMessageProvides() throws IOException {
        for (MailTemplate template : MailTemplate.values()) {
            String text = new String(MailTemplates.shipped(template), StandardCharsets.UTF_8);
            MailText.Rendered mail = MailText.render(template.file(), text, model(template));
            assertThat(mail.subject()).as(template.name()).isNotBlank().doesNotContain("{{");
            assertThat(mail.text()).as(template.name()).doesNotContain("{{").doesNotContain("\n\n\n");
            assertThat(mail.html()).as(template.name()).startsWith("<!DOCTYPE html>").contains("<p>", "</html>");
            for (String key : FIELDS.get(template)) {
                if (key.startsWith("?")) {
                    // a yes/no shows no value of its own: its lines are checked below, one test per message
                    continue;
                }
                // each field the message provides is used (a list's entries each on their line)
                String shown = key.startsWith("*") ? "«" + key.substring(1) + " 1»\n«" + key.substring(1) + " 2»" : "«" + key + "»";
                assertThat(mail.subject() + "\n" + mail.text()).as(template + " " + key).contains(shown);
            }
        }
    }

    @Test
    void aListTakesALineEachAnEmptyOneLeavesNoGap() {
        String template = "Objet : Dossier {{reference}}\n\nBonjour,\n\n{{*items}}\n\n{{*none}}\n\nFin : {{link}}\n";
        MailText.Rendered mail = MailText.render("t.txt", template,
                Map.of("reference", "SUB-2034-0001", "items", List.of("– un", "– deux"), "none", List.of(), "link", "x"));
        assertThat(mail.subject()).isEqualTo("Dossier SUB-2034-0001");
        assertThat(mail.text()).isEqualTo("Bonjour,\n\n– un\n– deux\n\nFin : x\n");
        assertThat(mail.html()).contains("<title>Dossier SUB-2034-0001</title>", "<p>Bonjour,</p>",
                "<p>– un<br>\n– deux</p>", "<p>Fin : x</p>");
    }

    @Test
    void aConditionKeepsItsLineWhenItsFieldIsSetAndDropsItWithoutAGap() {
        String template = "Objet : x\n\nBonjour,\n\n{{?yes}}Oui : {{text}}\n{{!yes}}Non.\n\n{{?blank}}Texte.\n\n"
                + "{{!blank}} {{?items}}{{*items}}\n\n{{?none}}Liste.\n\nFin.\n";
        Map<String, Object> model = Map.of("yes", true, "text", "t", "blank", " ", "items", List.of("– un", "– deux"),
                "none", List.of());
        assertThat(MailText.render("t.txt", template, model).text())
                .isEqualTo("Bonjour,\n\nOui : t\n\n– un\n– deux\n\nFin.\n");

        Map<String, Object> otherwise = Map.of("yes", false, "text", "t", "blank", "mot", "items", List.of(),
                "none", List.of("x"));
        MailText.Rendered mail = MailText.render("t.txt", template, otherwise);
        assertThat(mail.text()).isEqualTo("Bonjour,\n\nNon.\n\nTexte.\n\nListe.\n\nFin.\n");
        assertThat(mail.html()).contains("<p>Non.</p>").doesNotContain("{{", "Oui");
    }

    @Test
    void theGrantSaysWhetherAConventionFollows() throws IOException {
        Map<String, Object> model = model(MailTemplate.GRANTED);
        String convention = "Une convention précisant les conditions d'utilisation et de versement de cette subvention "
                + "vous sera adressée prochainement : vous la signerez dans votre espace.";
        String payment = "Cette subvention ne donne pas lieu à une convention : elle vous sera versée par virement une "
                + "fois les crédits engagés, selon l'échéancier que vous trouverez alors dans votre espace.";

        model.put("convention", true);
        assertThat(shipped(MailTemplate.GRANTED, model).text()).contains("\n\n" + convention + "\n\n")
                .doesNotContain(payment);
        model.put("convention", false);
        assertThat(shipped(MailTemplate.GRANTED, model).text()).contains("\n\n" + payment + "\n\n")
                .doesNotContain(convention);
    }

    @Test
    void aPaymentSaysWhatFollowsTheBalanceAgainstTheReportOrNothingMoreToPay() throws IOException {
        Map<String, Object> model = model(MailTemplate.PAYMENT_MADE);
        model.put("balance", "4 000,00 €");
        model.put("reportDue", "30 juin 2027");
        String balance = "Le solde, soit 4 000,00 €, vous sera versé à réception du compte rendu financier de l'action "
                + "(formulaire CERFA n° 15059), à déposer dans votre espace au plus tard le 30 juin 2027.";
        String paid = "La subvention vous est désormais entièrement versée.";

        model.put("awaitsReport", true);
        model.put("fullyPaid", false);
        assertThat(shipped(MailTemplate.PAYMENT_MADE, model).text()).contains("\n\n" + balance + "\n\n").doesNotContain(paid);
        model.put("awaitsReport", false);
        model.put("fullyPaid", true);
        assertThat(shipped(MailTemplate.PAYMENT_MADE, model).text()).contains("\n\n" + paid + "\n\n")
                .doesNotContain("Le solde");
        model.put("fullyPaid", false);
        assertThat(shipped(MailTemplate.PAYMENT_MADE, model).text()).doesNotContain("Le solde", paid)
                .contains("comptable public.\n\nSuivre votre demande");
    }

    @Test
    void aReportReminderPastTheDueDateAsksForItWithoutDelay() throws IOException {
        Map<String, Object> model = model(MailTemplate.REPORT_REMINDER);
        model.put("reportDue", "30 juin 2027");
        String late = "Ce document était attendu au plus tard le 30 juin 2027 : nous vous remercions de le déposer sans "
                + "délai.";
        model.put("late", true);
        assertThat(shipped(MailTemplate.REPORT_REMINDER, model).text()).contains("\n\n" + late + "\n\n");
        model.put("late", false);
        assertThat(shipped(MailTemplate.REPORT_REMINDER, model).text()).doesNotContain("sans délai")
                .contains("portalUrl\n\nLa lettre de relance");
    }

    @Test
    void theOfficersCommentAndTheWithdrawalsReasonAreToldOnlyWhenGiven() throws IOException {
        Map<String, Object> missing = model(MailTemplate.MISSING_ITEMS_REQUESTED);
        missing.put("comment", "Le budget joint n'est pas signé.");
        assertThat(shipped(MailTemplate.MISSING_ITEMS_REQUESTED, missing).text()).contains("«missingItems 2»\n\n"
                + "Observation du service instructeur : Le budget joint n'est pas signé.\n\nDéposez-les");
        missing.put("comment", "");
        assertThat(shipped(MailTemplate.MISSING_ITEMS_REQUESTED, missing).text())
                .contains("«missingItems 2»\n\nDéposez-les").doesNotContain("Observation");

        Map<String, Object> withdrawn = model(MailTemplate.WITHDRAWN);
        withdrawn.put("reason", "Projet reporté");
        assertThat(shipped(MailTemplate.WITHDRAWN, withdrawn).text()).contains("soumise au vote.\n\n"
                + "Motif indiqué : Projet reporté\n\nLe service des subventions");
        withdrawn.put("reason", "");
        assertThat(shipped(MailTemplate.WITHDRAWN, withdrawn).text())
                .contains("soumise au vote.\n\nLe service des subventions").doesNotContain("Motif");
    }

    @Test
    void officersAreSentToTheBackOfficeNotToTasklist() throws IOException {
        for (MailTemplate template : MailTemplate.values()) {
            if (template.audience() == MailTemplate.Audience.STAFF) {
                MailText.Rendered mail = shipped(template, model(template));
                assertThat(mail.html()).as(template.name()).contains("<a href=\"https://subventions.example/"
                        + (template == MailTemplate.OVERDUE_TASKS ? "worklistUrl"
                                : template == MailTemplate.OVERDUE_PUBLICATIONS ? "sessionsUrl" : "dossierUrl") + "\">");
            }
        }
    }

    private static MailText.Rendered shipped(MailTemplate template, Map<String, Object> model) throws IOException {
        return MailText.render(template.file(), new String(MailTemplates.shipped(template), StandardCharsets.UTF_8), model);
    }

    @Test
    void onlyTheApplicationsOwnAddressesBecomeLinks() {
        MailText.Rendered mail = MailText.render("t.txt", "Objet : x\n\n{{portalUrl}} {{title}} {{evilUrl}}\n",
                Map.of("portalUrl", "https://subventions.example/portail?a=1&b=2", "title", "https://piege.example",
                        "evilUrl", "javascript:alert(1)"));
        assertThat(mail.html()).contains("<a href=\"https://subventions.example/portail?a=1&amp;b=2\">"
                + "https://subventions.example/portail?a=1&amp;b=2</a> https://piege.example javascript:alert(1)");
    }

    @Test
    void valuesAreNeitherMarkupNorPlaceholdersNorNewHeaders() {
        MailText.Rendered mail = MailText.render("t.txt", "Objet : {{title}}\n\n« {{title}} »\n",
                Map.of("title", "<i>A</i> & {{title}}\r\nBcc: x@y.example"));
        assertThat(mail.subject()).isEqualTo("<i>A</i> & {{title}} Bcc: x@y.example");
        assertThat(mail.text()).isEqualTo("« <i>A</i> & {{title}} Bcc: x@y.example »\n");
        assertThat(mail.html()).contains("<p>« &lt;i&gt;A&lt;/i&gt; &amp; {{title}} Bcc: x@y.example »</p>");
    }

    @Test
    void aBrokenTemplateIsRefusedWithAFrenchMessageNamingIt() {
        assertThatThrownBy(() -> MailText.render("demande-recue.txt", "Bonjour {{reference}}\n", Map.of("reference", "R")))
                .isInstanceOf(MailTemplateException.class).hasMessageContaining("« demande-recue.txt » doit commencer "
                        + "par la ligne de l'objet");
        assertThatThrownBy(() -> MailText.render("a.txt", "Objet : x\n\n{{inconnu}}\n", Map.of("reference", "R")))
                .hasMessage("Le modèle de courriel « a.txt » utilise {{inconnu}}, que ce message ne fournit pas ; les "
                        + "champs disponibles : reference.");
        assertThatThrownBy(() -> MailText.render("a.txt", "Objet : x\n\nVoici {{items}}\n", Map.of("items", List.of("1"))))
                .hasMessageContaining("{{items}} est une liste, à écrire seule sur sa ligne sous la forme {{*items}}");
        assertThatThrownBy(() -> MailText.render("a.txt", "Objet : x\n\nVoici {{*items}}\n", Map.of("items", List.of("1"))))
                .hasMessageContaining("la liste {{*items}} doit être seule sur sa ligne");
        assertThatThrownBy(() -> MailText.render("a.txt", "Objet : x\n\n{{*title}}\n", Map.of("title", "t")))
                .hasMessageContaining("{{*title}} est un texte, à écrire {{title}}");
        assertThatThrownBy(() -> MailText.render("a.txt", "Objet : x\n\nSi {{?yes}}oui\n", Map.of("yes", true)))
                .hasMessageContaining("la condition {{?yes}} doit être au début d'une ligne du corps du message");
        assertThatThrownBy(() -> MailText.render("a.txt", "Objet : {{!yes}}x\n\nBonjour\n", Map.of("yes", true)))
                .hasMessageContaining("la condition {{!yes}} doit être au début d'une ligne du corps du message");
        assertThatThrownBy(() -> MailText.render("a.txt", "Objet : x\n\nConvention : {{yes}}\n", Map.of("yes", true)))
                .hasMessageContaining("{{yes}} est un oui/non, à écrire en début de ligne sous la forme {{?yes}}");
        assertThatThrownBy(() -> MailText.render("a.txt", "Objet : x\n\n{{*yes}}\n", Map.of("yes", false)))
                .hasMessageContaining("{{yes}} est un oui/non");
        // a condition on a field the message lacks is a mistake, not a silent "no"
        assertThatThrownBy(() -> MailText.render("a.txt", "Objet : x\n\n{{?inconnu}}Texte\n", Map.of("reference", "R")))
                .hasMessageContaining("utilise {{inconnu}}, que ce message ne fournit pas");
    }
}
