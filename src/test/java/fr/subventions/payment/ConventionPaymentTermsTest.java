package fr.subventions.payment;

import static fr.subventions.support.ApiJourney.amounts;
import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import fr.subventions.convention.ConventionProperties;
import fr.subventions.documents.DocumentLines;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.submission.LegalForm;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.SubsidyPaymentProcess;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The convention states the schedule finance then pays: each amount to the cent, its share, when it is paid, the
 * balance's condition, and the compte rendu financier's due date, which the notification recalls. Through the API, on
 * the budget lines of fiscal year 2021, which no other test uses (the CMQ Green City case's own year, 2022, is
 * {@code SplitFundingTest}'s): the CMQ Green City's 40 000 € over three lines of two services, paid in an advance and
 * a balance; the seed's 20 000 €, paid in one go; and 40 000 € granted without a convention.
 */
@ApplicationTest
class ConventionPaymentTermsTest {

    static final int YEAR = 2021;
    static final String DEVECO = "2021-65-65748-90-DEVECO";
    static final String ECOURB = "2021-65-65748-76-ECOURB";
    static final String TRANSITION = "2021-65-65748-71-ECOURB";
    static final String ARTICLE_4 = "Article 4 – Modalités de versement";

    @Autowired
    MockMvc mvc;
    @Autowired
    TaskService taskService;
    @Autowired
    MutableClock clock;
    @Autowired
    ConventionProperties conventionProperties;

    @Autowired
    ApiJourney api;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void cmqGreenCitysConventionStatesTheAdvanceAndTheBalanceFinancePaysToTheCent() throws Exception {
        String reference = granted(SeedRequests.cmqGreenCity(YEAR), "40000",
                amounts(DEVECO, "5000", ECOURB, "5000", TRANSITION, "30000"));
        List<String> convention = document(reference, "CONVENTION");
        String terms = after(convention, ARTICLE_4);
        BigDecimal statedAdvance = amountAfter(terms, "une avance de ");
        BigDecimal statedBalance = amountAfter(terms, "le solde de ");
        // the beneficiary's space shows the same schedule while the convention awaits the signatures
        assertThat(portalPage(reference).replace('\u202f', ' ').replace('\u00a0', ' ')).contains(
                "<td>Avance</td>", "<td class=\"montant\">20 000 €</td>", "<td>à la signature de la convention</td>",
                "<td>Solde</td>", "<td>après le compte rendu financier</td>");

        clock.set(LocalDate.of(YEAR, 7, 5));
        api.sign(reference, LocalDate.of(YEAR, 7, 5));
        clock.set(LocalDate.of(YEAR, 7, 12));
        api.impute(reference, amounts(DEVECO, "5000", ECOURB, "5000", TRANSITION, "30000"));

        // Finance pays the advance: the amount the convention stated, due since the signature
        clock.set(LocalDate.of(YEAR, 7, 20));
        JsonNode afterAdvance = pay(reference, "MAND-2021-0731");
        JsonNode advance = afterAdvance.path("payments").get(0);
        assertThat(advance.path("kind").asText()).isEqualTo("ADVANCE");
        assertThat(advance.path("dueOn").asText()).isEqualTo(LocalDate.of(YEAR, 7, 5).toString());
        assertThat(advance.path("paidOn").asText()).isEqualTo(LocalDate.of(YEAR, 7, 20).toString());
        assertThat(advance.path("amount").decimalValue()).isEqualByComparingTo("20000")
                .isEqualByComparingTo(statedAdvance);
        LocalDate reportDue = LocalDate.parse(afterAdvance.path("reportDueOn").asText());
        assertThat(reportDue).isEqualTo(LocalDate.of(YEAR + 1, 6, 30));
        // the beneficiary's task to hand in the report is due that day, as the convention says
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(SubsidyPaymentProcess.TASK_SUBMIT_FINANCIAL_REPORT).singleResult().getDueDate())
                .isEqualTo(Date.from(reportDue.atTime(23, 59).atZone(ZoneId.of("Europe/Paris")).toInstant()));

        // The compte rendu financier comes in, then finance pays the balance the convention stated
        clock.set(LocalDate.of(YEAR + 1, 5, 16));
        api.ok(api.call("demandeur", multipart("/api/requests/" + reference + "/documents")
                .file(new MockMultipartFile("file", "compte-rendu-financier.pdf", "application/pdf", Scenarios.PDF))
                .param("type", "COMPTE_RENDU_FINANCIER")));
        api.ok(api.call("demandeur", post("/api/requests/" + reference + "/financial-report")));
        clock.set(LocalDate.of(YEAR + 1, 5, 24));
        JsonNode afterBalance = pay(reference, "MAND-2022-0212");
        JsonNode balance = afterBalance.path("payments").get(1);
        assertThat(balance.path("kind").asText()).isEqualTo("BALANCE");
        assertThat(balance.path("amount").decimalValue()).isEqualByComparingTo("20000")
                .isEqualByComparingTo(statedBalance);
        assertThat(afterBalance.path("payments")).hasSize(2);
        assertThat(advance.path("amount").decimalValue().add(balance.path("amount").decimalValue()))
                .isEqualByComparingTo("40000");

        // Article 4, word for word, from what finance paid; the report's date as the schedule has it, everywhere
        String due = FrenchText.date(reportDue);
        assertThat(terms).isEqualTo("La subvention est versée en deux fois, par virement sur le compte bancaire du "
                + "bénéficiaire : – une avance de " + amount(advance) + ", soit 50 % de la subvention, après signature de "
                + "la présente convention par les deux parties ; – le solde de " + amount(balance) + ", soit 50 % de la "
                + "subvention, à réception du compte rendu financier de l'action (formulaire CERFA n° 15059), à remettre "
                + "au plus tard le " + due + " (article 10 de la loi n° 2000-321 du 12 avril 2000).");
        assertThat(convention).contains("La présente convention prend effet à sa signature par les deux parties. Elle "
                + "prend fin à la remise du compte rendu financier, et au plus tard le " + due + ".");
        assertThat(convention).anySatisfy(line -> assertThat(line).startsWith("– fournir, dans les six mois suivant la "
                + "fin de l'exercice " + YEAR + ", soit au plus tard le " + due + ", le compte rendu financier"));
        assertThat(String.join("\n", convention)).doesNotContain("une seule fois");

        api.close(reference);
        assertThat(document(reference, "NOTIFICATION_GRANTED")).contains("Je vous rappelle que le compte rendu financier "
                + "de l'action est à remettre au plus tard le " + due + ".");
    }

    @Test
    void theSeedsTwentyThousandEurosAreStatedAndPaidInOneGo() throws Exception {
        String reference = granted(numerique(), "20000", amounts(DEVECO, "20000"));
        List<String> convention = document(reference, "CONVENTION");
        String terms = after(convention, ARTICLE_4);

        clock.set(LocalDate.of(YEAR, 7, 6));
        api.sign(reference, LocalDate.of(YEAR, 7, 6));
        clock.set(LocalDate.of(YEAR, 7, 13));
        api.impute(reference, amounts(DEVECO, "20000"));
        clock.set(LocalDate.of(YEAR, 7, 21));
        JsonNode paid = pay(reference, "MAND-2021-0744");

        assertThat(paid.path("conditions").asText()).isEqualTo("unique");
        JsonNode single = paid.path("payments").get(0);
        assertThat(paid.path("payments")).hasSize(1);
        assertThat(single.path("kind").asText()).isEqualTo("SINGLE");
        assertThat(single.path("dueOn").asText()).isEqualTo(LocalDate.of(YEAR, 7, 6).toString());
        assertThat(single.path("amount").decimalValue()).isEqualByComparingTo("20000")
                .isEqualByComparingTo(amountAfter(terms, "La subvention, soit "));
        assertThat(terms).isEqualTo("La subvention, soit " + amount(single) + ", est versée en une seule fois, après "
                + "signature de la présente convention par les deux parties, par virement sur le compte bancaire du "
                + "bénéficiaire.");
        // a single payment waits for no report, but the report is due all the same: the same date in both documents
        LocalDate reportDue = LocalDate.parse(paid.path("reportDueOn").asText());
        assertThat(reportDue).isEqualTo(LocalDate.of(YEAR + 1, 6, 30));
        String due = FrenchText.date(reportDue);
        assertThat(convention).contains("La présente convention prend effet à sa signature par les deux parties. Elle "
                + "prend fin à la remise du compte rendu financier, et au plus tard le " + due + ".");

        api.close(reference);
        List<String> notification = document(reference, "NOTIFICATION_GRANTED");
        assertThat(notification).contains("Je vous rappelle que le compte rendu financier de l'action est à remettre au "
                + "plus tard le " + due + ".");
        assertThat(notification).anySatisfy(line -> assertThat(line).startsWith("Les conditions d'utilisation et de "
                + "versement de cette subvention sont fixées par la convention signée le " + FrenchText.date(
                        LocalDate.of(YEAR, 7, 6))));
    }

    @Test
    void aGrantWithoutConventionIsNotifiedWithTheAdvanceAndTheBalanceItIsPaid() throws Exception {
        conventionProperties.setOptionalDefault(false);
        String reference;
        try {
            // a public body: the convention is optional at any amount, and the authority draws up none
            reference = granted(publicBody(), "40000", amounts(TRANSITION, "40000"));
        } finally {
            conventionProperties.setOptionalDefault(true);
        }
        assertThat(api.request(reference).path("status").asText()).isEqualTo("AWAITING_IMPUTATION");
        clock.set(LocalDate.of(YEAR, 7, 12));
        api.impute(reference, amounts(TRANSITION, "40000"));
        clock.set(LocalDate.of(YEAR, 7, 19));
        JsonNode afterAdvance = pay(reference, "MAND-2021-0750");
        JsonNode advance = afterAdvance.path("payments").get(0);
        assertThat(advance.path("kind").asText()).isEqualTo("ADVANCE");
        // without a signature, the advance fell due when the schedule was drawn up, the credits committed
        assertThat(advance.path("dueOn").asText()).isEqualTo(LocalDate.of(YEAR, 7, 12).toString());
        clock.set(LocalDate.of(YEAR + 1, 4, 4));
        api.ok(api.call("demandeur", multipart("/api/requests/" + reference + "/documents")
                .file(new MockMultipartFile("file", "compte-rendu-financier.pdf", "application/pdf", Scenarios.PDF))
                .param("type", "COMPTE_RENDU_FINANCIER")));
        api.ok(api.call("demandeur", post("/api/requests/" + reference + "/financial-report")));
        JsonNode afterBalance = pay(reference, "MAND-2022-0101");
        JsonNode balance = afterBalance.path("payments").get(1);
        String due = FrenchText.date(LocalDate.parse(afterBalance.path("reportDueOn").asText()));

        api.close(reference);
        List<String> notification = document(reference, "NOTIFICATION_GRANTED");
        assertThat(notification).anySatisfy(line -> assertThat(line).startsWith("Cette subvention n'a pas donné lieu à "
                + "une convention : elle vous est versée en deux fois, par virement sur votre compte bancaire : une avance "
                + "de " + amount(advance) + " (50 % de la subvention) à l'engagement des crédits, puis le solde de "
                + amount(balance) + " (50 % de la subvention) à réception du compte rendu financier de l'action, à "
                + "remettre au plus tard le " + due + ", et doit être employée à l'action décrite dans votre demande."));
        assertThat(notification).contains("Je vous rappelle que le compte rendu financier de l'action est à remettre au "
                + "plus tard le " + due + ".");
        assertThat(String.join("\n", notification)).doesNotContain("une seule fois");
    }

    /**
     * Filed, complete, instructed over these lines, adopted by the Bureau of Thursday 24 June 2021 (convened on Friday
     * 18 June): the request waits for its signatures, or for its imputation without a convention.
     */
    private String granted(Map<String, Object> request, String amount, Map<String, String> lines) throws Exception {
        clock.set(LocalDate.of(YEAR, 3, 1));
        api.importLines(
                "2021;65;65748;90;Développement économique;DEVECO;Subventions de fonctionnement aux associations — développement économique;500000",
                "2021;65;65748;76;Écologie urbaine;ECOURB;Subventions de fonctionnement aux associations — écologie urbaine;300000",
                "2021;65;65748;71;Écologie urbaine;ECOURB;Subventions de fonctionnement — transition énergétique;200000");
        clock.set(LocalDate.of(YEAR, 4, 6));
        String reference = api.file(request);
        api.complete(reference);
        clock.set(LocalDate.of(YEAR, 5, 3));
        api.instruct(reference, amount, lines);
        // the séance sits on 24 June, convened on the 18th: its attendance and votes are recorded on its day
        clock.set(LocalDate.of(YEAR, 6, 24));
        long session = api.sittingBureau(LocalDate.of(YEAR, 6, 24), LocalDate.of(YEAR, 6, 18), reference);
        api.adopt(session, reference);
        return reference;
    }

    /** Finance records the payment due, as the Tasklist's task or the API does: the schedule after it. */
    private JsonNode pay(String reference, String mandate) throws Exception {
        JsonNode schedule = api.postJson("finances", "/api/requests/" + reference + "/payments",
                Map.of("paidOn", LocalDate.now(clock).toString(), "mandateReference", mandate));
        api.settle(reference);
        return schedule;
    }

    /** The request's latest document of that type, as the applicant downloads it, read back with POI. */
    private List<String> document(String reference, String type) throws Exception {
        JsonNode latest = null;
        for (JsonNode document : api.ok(api.call("demandeur", get("/api/requests/" + reference + "/documents")))) {
            if (document.path("type").asText().equals(type)
                    && (latest == null || document.path("version").asInt() > latest.path("version").asInt())) {
                latest = document;
            }
        }
        assertThat(latest).as("a %s filed with %s", type, reference).isNotNull();
        byte[] content = api.call("demandeur", get("/api/documents/" + latest.path("id").asLong() + "/content"))
                .getContentAsByteArray();
        return DocumentLines.of(content);
    }

    /** The request's page in the applicant's portal, logged in as its applicant. */
    private String portalPage(String reference) throws Exception {
        MockHttpSession session = login(mvc, "demandeur");
        MockHttpServletResponse page = mvc.perform(get("/portail/demandes/" + reference).session(session)).andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return page.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The paragraph after a heading. */
    private static String after(List<String> lines, String heading) {
        int at = lines.indexOf(heading);
        assertThat(at).as("heading « %s » in %s", heading, lines).isNotNegative();
        return lines.get(at + 1);
    }

    /** The amount written right after these words, as a number: "20 000 €" is 20000, "11 500,01 €" 11500.01. */
    private static BigDecimal amountAfter(String text, String words) {
        Matcher m = Pattern.compile(Pattern.quote(words) + "(\\d{1,3}(?: \\d{3})*(?:,\\d{2})?) €").matcher(text);
        assertThat(m.find()).as("an amount after « %s » in: %s", words, text).isTrue();
        return Money.parse(m.group(1));
    }

    /** A payment's amount as the documents write it, spaces normalised as {@link DocumentLines} reads them. */
    private static String amount(JsonNode payment) {
        return Money.format(payment.path("amount").decimalValue()).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    /** The seed's action, Association OF du Numérique's 20 000 € of a 72 000 € budget, by the API's body. */
    private static Map<String, Object> numerique() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("applicant", Map.of("name", "Association OF du Numérique", "siret", SeedRequests.SIRET,
                "rna", "W212001234", "legalForm", "ASSOCIATION", "address", "2 rue Maréchal Leclerc, 21000 Dijon",
                "email", "contact@of-numerique.example", "representative", "Marie Dupont"));
        request.put("title", "État des lieux emplois et compétences de la filière numérique");
        request.put("description", "Un état des lieux des besoins en emplois et compétences numériques.");
        request.put("theme", SeedRequests.THEME);
        request.put("fiscalYear", YEAR);
        request.put("totalBudget", 72000);
        request.put("requestedAmount", 20000);
        request.put("cofinancing", List.of(Map.of("funder", "NUMEUM France", "amount", 10000),
                Map.of("funder", "Autofinancement", "amount", 42000)));
        return request;
    }

    /** A public body no other test grants anything to, asking for 40 000 € of a 100 000 € budget. */
    private static Map<String, Object> publicBody() {
        SeedRequests.Beneficiary b = SeedRequests.Beneficiary.fresh(LegalForm.PUBLIC_BODY);
        Map<String, Object> request = new LinkedHashMap<>(SeedRequests.cmqGreenCity(YEAR));
        request.put("applicant", Map.of("name", b.name(), "siret", b.siret(), "legalForm", "PUBLIC_BODY",
                "address", "Dijon", "email", "contact@organisme-public.example", "representative", "Le directeur"));
        return request;
    }
}
