package fr.subventions.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.submission.SubmitRequest.ApplicantData;
import fr.subventions.submission.SubmitRequest.CofinancingData;
import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmitRequestTest {

    private static final Year CURRENT_YEAR = Year.of(2023);
    private static final String SIRET = "73282932000074";
    private static final String THEME = "DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE ET SOLIDARITES";

    // --- the seed request, and ways to change one part of it

    private static ApplicantData association() {
        return new ApplicantData("Association OF du Numérique", SIRET, "W212001234", LegalForm.ASSOCIATION,
                "2 rue Maréchal Leclerc, 21000 Dijon", "contact@of-numerique.example", "Marie Dupont");
    }

    private static ApplicantData applicant(String name, String siret, String rna, LegalForm form, String address,
            String email, String representative) {
        return new ApplicantData(name, siret, rna, form, address, email, representative);
    }

    private static ApplicantData withSiret(String siret) {
        ApplicantData a = association();
        return applicant(a.name(), siret, a.rna(), a.legalForm(), a.address(), a.email(), a.representative());
    }

    private static ApplicantData withRna(LegalForm form, String rna) {
        ApplicantData a = association();
        return applicant(a.name(), a.siret(), rna, form, a.address(), a.email(), a.representative());
    }

    private static ApplicantData withEmail(String email) {
        ApplicantData a = association();
        return applicant(a.name(), a.siret(), a.rna(), a.legalForm(), a.address(), email, a.representative());
    }

    private static ApplicantData withName(String name) {
        ApplicantData a = association();
        return applicant(name, a.siret(), a.rna(), a.legalForm(), a.address(), a.email(), a.representative());
    }

    private static List<CofinancingData> seedCofinancing() {
        return List.of(new CofinancingData("NUMEUM France", new BigDecimal("10000")),
                new CofinancingData("Autofinancement", new BigDecimal("42000")));
    }

    private static SubmitRequest seed() {
        return request(association(), 2023, "72000", "20000", seedCofinancing());
    }

    private static SubmitRequest request(ApplicantData applicant, Integer fiscalYear, String total, String requested,
            List<CofinancingData> cofinancing) {
        return new SubmitRequest(applicant, "État des lieux emplois et compétences de la filière numérique",
                "Un état des lieux des besoins en emplois et compétences numériques.", THEME, fiscalYear,
                total == null ? null : new BigDecimal(total), requested == null ? null : new BigDecimal(requested),
                cofinancing);
    }

    private static SubmitRequest withTexts(String title, String description, String theme) {
        return new SubmitRequest(association(), title, description, theme, 2023, new BigDecimal("72000"),
                new BigDecimal("20000"), seedCofinancing());
    }

    private static SubmitRequest withCofinancing(CofinancingData... lines) {
        return request(association(), 2023, "72000", "20000", Arrays.asList(lines));
    }

    private static List<String> errorFields(SubmitRequest request) {
        InvalidInputException e = catchThrowableOfType(() -> request.validate(CURRENT_YEAR), InvalidInputException.class);
        assertThat(e).as("validate() should refuse the request").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }

    private static void assertValid(SubmitRequest request) {
        assertThatCode(() -> request.validate(CURRENT_YEAR)).doesNotThrowAnyException();
    }

    @Test
    void acceptsTheSeedRequestWhosePlanBalances() {
        // 20 000 requested + 10 000 NUMEUM France + 42 000 self-financing = 72 000
        assertValid(seed());
    }

    @Test
    void acceptsAPlanBalancedWithDifferentScales() {
        assertValid(request(association(), 2023, "72000.00", "20000.0",
                List.of(new CofinancingData("NUMEUM France", new BigDecimal("10000.00")),
                        new CofinancingData("Autofinancement", new BigDecimal("42000")))));
    }

    @Test
    void acceptsARequestForTheWholeBudgetWithoutCofinancing() {
        assertValid(request(association(), 2023, "72000", "72000", List.of()));
        assertValid(request(association(), 2023, "72000", "72000", null));
    }

    @Test
    void acceptsAPlanBalancedToTheCent() {
        assertValid(request(association(), 2023, "72000.01", "20000.01", seedCofinancing()));
    }

    @Test
    void acceptsACompanyWithoutRna() {
        assertValid(request(withRna(LegalForm.COMPANY, null), 2023, "72000", "20000", seedCofinancing()));
        assertValid(request(withRna(LegalForm.COMPANY, ""), 2023, "72000", "20000", seedCofinancing()));
    }

    @Test
    void acceptsAFoundationOrAPublicBodyWithoutRna() {
        assertValid(request(withRna(LegalForm.FOUNDATION, null), 2023, "72000", "20000", seedCofinancing()));
        assertValid(request(withRna(LegalForm.PUBLIC_BODY, null), 2023, "72000", "20000", seedCofinancing()));
    }

    @Test
    void acceptsACorsicanAssociation() {
        assertValid(request(withRna(LegalForm.ASSOCIATION, "W2A1000123"), 2023, "72000", "20000", seedCofinancing()));
    }

    @Test
    void acceptsLaPostesEstablishmentSiret() {
        assertValid(request(withSiret("35600000049837"), 2023, "72000", "20000", seedCofinancing()));
    }

    @Test
    void acceptsFiscalYearsFrom2000ToFiveYearsAhead() {
        assertValid(request(association(), 2000, "72000", "20000", seedCofinancing()));
        assertValid(request(association(), 2028, "72000", "20000", seedCofinancing()));
    }

    @Test
    void acceptsLineBreaksAndTabsInTexts() {
        assertValid(withTexts("Titre", "Première ligne\r\nDeuxième ligne\n\tretrait", THEME));
    }

    @Test
    void acceptsTextsAtTheirMaximumLength() {
        assertValid(withTexts("t".repeat(300), "d".repeat(10000), THEME));
        assertValid(request(withName("n".repeat(200)), 2023, "72000", "20000", seedCofinancing()));
    }

    @Test
    void acceptsTheFourThemesOnly() {
        for (String theme : SubmitRequest.THEMES) {
            assertValid(withTexts("Titre", "Description", theme));
        }
        assertThat(errorFields(withTexts("Titre", "Description", "SPORT ET LOISIRS"))).containsExactly("theme");
    }

    @Test
    void acceptsEmojiAndJoinersButNotInvisibleCharacters() {
        assertValid(withTexts("Fête du vélo \uD83D\uDEB2 en famille \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "Description", THEME));
        assertThat(errorFields(withTexts("Forum \u202Eeuqimonocé", "Description", THEME))).containsExactly("title");
        assertThat(errorFields(withTexts("For\u200Bum", "Description", THEME))).containsExactly("title");
        assertThat(errorFields(withTexts("Forum", "Desc\uFEFFription", THEME))).containsExactly("description");
    }

    @Nested
    class FinancingPlanErrors {

        @Test
        void refusesSelfFinancingOneCentShort() {
            assertThat(errorFields(withCofinancing(new CofinancingData("NUMEUM France", new BigDecimal("10000")),
                    new CofinancingData("Autofinancement", new BigDecimal("41999.99"))))).containsExactly("cofinancing");
        }

        @Test
        void refusesSelfFinancingOneCentOver() {
            assertThat(errorFields(withCofinancing(new CofinancingData("NUMEUM France", new BigDecimal("10000")),
                    new CofinancingData("Autofinancement", new BigDecimal("42000.01"))))).containsExactly("cofinancing");
        }

        @Test
        void refusesATotalBudgetOneCentOff() {
            assertThat(errorFields(request(association(), 2023, "72000.01", "20000", seedCofinancing())))
                    .containsExactly("cofinancing");
            assertThat(errorFields(request(association(), 2023, "71999.99", "20000", seedCofinancing())))
                    .containsExactly("cofinancing");
        }

        @Test
        void refusesAPlanWithoutTheSelfFinancingLine() {
            assertThat(errorFields(withCofinancing(new CofinancingData("NUMEUM France", new BigDecimal("10000")))))
                    .containsExactly("cofinancing");
        }

        @Test
        void refusesAPartialRequestWithoutCofinancing() {
            assertThat(errorFields(request(association(), 2023, "72000", "20000", null))).containsExactly("cofinancing");
            assertThat(errorFields(request(association(), 2023, "72000", "20000", List.of())))
                    .containsExactly("cofinancing");
        }

        @Test
        void refusesARequestedAmountOneCentAboveTheTotalBudget() {
            assertThat(errorFields(request(association(), 2023, "72000", "72000.01", List.of())))
                    .containsExactly("requestedAmount");
        }

        @Test
        void reportsOnlyTheExcessWhenTheRequestedAmountExceedsTheBudget() {
            assertThat(errorFields(request(association(), 2023, "72000", "80000", seedCofinancing())))
                    .containsExactly("requestedAmount");
        }

        @Test
        void reportsTheExcessTogetherWithAnInvalidCofinancingLine() {
            assertThat(errorFields(request(association(), 2023, "72000", "80000",
                    List.of(new CofinancingData("NUMEUM France", new BigDecimal("-1"))))))
                    .containsExactlyInAnyOrder("requestedAmount", "cofinancing[0].amount");
        }

        @Test
        void explainsTheImbalanceWithFrenchAmounts() {
            InvalidInputException e = catchThrowableOfType(() -> request(association(), 2023, "72000", "20000",
                    List.of(new CofinancingData("NUMEUM France", new BigDecimal("10000"))))
                    .validate(CURRENT_YEAR), InvalidInputException.class);
            assertThat(e.errors().get(0).message().replace('\u202f', ' ').replace('\u00a0', ' ')).contains("20 000 €", "10 000 €", "72 000 €");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-20000", "20000.001"})
        void refusesARequestedAmountThatIsNotAPositiveAmountInCents(String requested) {
            assertThat(errorFields(request(association(), 2023, "72000", requested, seedCofinancing())))
                    .containsExactly("requestedAmount");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-72000", "72000.001", "1000000000000"})
        void refusesATotalBudgetThatIsNotAPositiveAmountInCents(String total) {
            assertThat(errorFields(request(association(), 2023, total, "20000", seedCofinancing())))
                    .containsExactly("totalBudget");
        }

        @Test
        void refusesMissingAmounts() {
            assertThat(errorFields(request(association(), 2023, null, null, seedCofinancing())))
                    .containsExactlyInAnyOrder("totalBudget", "requestedAmount");
        }

        @Test
        void refusesACofinancingLineWithoutFunder() {
            assertThat(errorFields(withCofinancing(new CofinancingData("NUMEUM France", new BigDecimal("10000")),
                    new CofinancingData(" ", new BigDecimal("42000"))))).containsExactly("cofinancing[1].funder");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-42000", "42000.001"})
        void refusesACofinancingAmountThatIsNotAPositiveAmountInCents(String amount) {
            // the balance is not checked on top of it: the line itself is wrong
            assertThat(errorFields(withCofinancing(new CofinancingData("NUMEUM France", new BigDecimal("10000")),
                    new CofinancingData("Autofinancement", new BigDecimal(amount))))).containsExactly("cofinancing[1].amount");
        }

        @Test
        void refusesACofinancingLineWithoutAmount() {
            assertThat(errorFields(withCofinancing(new CofinancingData("NUMEUM France", null),
                    new CofinancingData("Autofinancement", new BigDecimal("42000"))))).containsExactly("cofinancing[0].amount");
        }

        @Test
        void refusesAnEmptyCofinancingLine() {
            List<CofinancingData> lines = new ArrayList<>(seedCofinancing());
            lines.add(null);
            assertThat(errorFields(request(association(), 2023, "72000", "20000", lines)))
                    .containsExactly("cofinancing[2]");
        }
    }

    @Nested
    class ApplicantErrors {

        @Test
        void refusesAMissingApplicant() {
            assertThat(errorFields(request(null, 2023, "72000", "20000", seedCofinancing()))).containsExactly("applicant");
        }

        @ParameterizedTest
        @ValueSource(strings = {"73282932000075", "7328293200007", "732829320000745", "7328293200007A",
                "732 829 320 00074", "35600000049838"})
        void refusesAnInvalidSiret(String siret) {
            assertThat(errorFields(request(withSiret(siret), 2023, "72000", "20000", seedCofinancing())))
                    .containsExactly("applicant.siret");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void refusesABlankSiret(String siret) {
            assertThat(errorFields(request(withSiret(siret), 2023, "72000", "20000", seedCofinancing())))
                    .containsExactly("applicant.siret");
        }

        @Test
        void refusesAMissingSiret() {
            assertThat(errorFields(request(withSiret(null), 2023, "72000", "20000", seedCofinancing())))
                    .containsExactly("applicant.siret");
        }

        @Test
        void requiresAnRnaForAnAssociation() {
            assertThat(errorFields(request(withRna(LegalForm.ASSOCIATION, null), 2023, "72000", "20000", seedCofinancing())))
                    .containsExactly("applicant.rna");
            assertThat(errorFields(request(withRna(LegalForm.ASSOCIATION, "  "), 2023, "72000", "20000", seedCofinancing())))
                    .containsExactly("applicant.rna");
        }

        @ParameterizedTest
        @ValueSource(strings = {"w212001234", "W21200123", "W2120012345", "W2C1000123"})
        void refusesAnInvalidRnaOfAnAssociationOnce(String rna) {
            assertThat(errorFields(request(withRna(LegalForm.ASSOCIATION, rna), 2023, "72000", "20000", seedCofinancing())))
                    .containsExactly("applicant.rna");
        }

        @Test
        void refusesAnInvalidRnaEvenForACompany() {
            assertThat(errorFields(request(withRna(LegalForm.COMPANY, "W21200123"), 2023, "72000", "20000", seedCofinancing())))
                    .containsExactly("applicant.rna");
        }

        @Test
        void requiresALegalForm() {
            assertThat(errorFields(request(withRna(null, "W212001234"), 2023, "72000", "20000", seedCofinancing())))
                    .containsExactly("applicant.legalForm");
        }

        @ParameterizedTest
        @ValueSource(strings = {"contact", "contact@of-numerique", "contact@@of-numerique.example",
                "con tact@of-numerique.example", "@of-numerique.example"})
        void refusesAnInvalidEmail(String email) {
            assertThat(errorFields(request(withEmail(email), 2023, "72000", "20000", seedCofinancing())))
                    .containsExactly("applicant.email");
        }

        @Test
        void refusesANameOneCharacterTooLong() {
            assertThat(errorFields(request(withName("n".repeat(201)), 2023, "72000", "20000", seedCofinancing())))
                    .containsExactly("applicant.name");
        }

        @Test
        void refusesAnApplicantWithEveryFieldMissing() {
            assertThat(errorFields(request(applicant(null, null, null, null, null, null, null), 2023, "72000", "20000",
                    seedCofinancing()))).containsExactlyInAnyOrder("applicant.name", "applicant.siret",
                    "applicant.legalForm", "applicant.address", "applicant.email", "applicant.representative");
        }

        @Test
        void refusesControlCharactersInTheApplicantsName() {
            assertThat(errorFields(request(withName("Association\u0000OF"), 2023, "72000", "20000", seedCofinancing())))
                    .containsExactly("applicant.name");
        }
    }

    @Nested
    class RequestErrors {

        @Test
        void refusesFiscalYear1999() {
            assertThat(errorFields(request(association(), 1999, "72000", "20000", seedCofinancing())))
                    .containsExactly("fiscalYear");
        }

        @Test
        void refusesAFiscalYearSixYearsAhead() {
            assertThat(errorFields(request(association(), 2029, "72000", "20000", seedCofinancing())))
                    .containsExactly("fiscalYear");
        }

        @Test
        void refusesAMissingFiscalYear() {
            assertThat(errorFields(request(association(), null, "72000", "20000", seedCofinancing())))
                    .containsExactly("fiscalYear");
        }

        @Test
        void refusesMissingTexts() {
            assertThat(errorFields(withTexts(null, " ", ""))).containsExactly("title", "description", "theme");
        }

        @Test
        void refusesTextsOneCharacterTooLong() {
            assertThat(errorFields(withTexts("t".repeat(301), "d".repeat(10001), "h".repeat(201))))
                    .containsExactly("title", "description", "theme");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u0000", "\u0007", "\u001b", "\u007f", "\u0085"})
        void refusesControlCharacters(String control) {
            assertThat(errorFields(withTexts("Titre" + control, "Description" + control, "Thème" + control)))
                    .containsExactly("title", "description", "theme");
        }

        @Test
        void refusesControlCharactersInAFunder() {
            assertThat(errorFields(withCofinancing(new CofinancingData("NUMEUM\u0008France", new BigDecimal("10000")),
                    new CofinancingData("Autofinancement", new BigDecimal("42000"))))).containsExactly("cofinancing[0].funder");
        }

        @Test
        void reportsEveryErrorAtOnce() {
            SubmitRequest empty = new SubmitRequest(null, null, null, null, null, null, null, null);
            assertThat(errorFields(empty)).containsExactly("applicant", "title", "description", "theme", "fiscalYear",
                    "totalBudget", "requestedAmount");
        }
    }
}
