package fr.subventions.convention;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.submission.LegalForm;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The decision table dmn/convention-requirement.dmn as the authority ships it, on Camunda's DMN engine alone (FEEL,
 * hit policy UNIQUE): above 23 000 € a year to a private-law body a convention is mandatory, 23 000 € itself is not
 * above.
 */
class ConventionRequirementTableTest {

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = ConventionRequirementTableTest.class.getClassLoader()
                .getResourceAsStream("dmn/convention-requirement.dmn")) {
            assertThat(table).as("dmn/convention-requirement.dmn packaged on the classpath").isNotNull();
            decision = dmn.parseDecision(ConventionRules.DECISION_KEY, table);
        }
    }

    @ParameterizedTest(name = "{0} with {1} € a year: {2}")
    @CsvSource({
            "ASSOCIATION, 23000.00, OPTIONAL",
            "ASSOCIATION, 23000, OPTIONAL",
            "ASSOCIATION, 23000.01, MANDATORY",
            "ASSOCIATION, 22999.99, OPTIONAL",
            "ASSOCIATION, 20000, OPTIONAL",
            "ASSOCIATION, 0.01, OPTIONAL",
            "ASSOCIATION, 23001, MANDATORY",
            "ASSOCIATION, 40000, MANDATORY",
            "FOUNDATION, 23000.00, OPTIONAL",
            "FOUNDATION, 23000.01, MANDATORY",
            "COMPANY, 23000.00, OPTIONAL",
            "COMPANY, 23000.01, MANDATORY",
            "PUBLIC_BODY, 23000.01, OPTIONAL",
            "PUBLIC_BODY, 1000000, OPTIONAL"})
    void mandatoryStrictlyAbove23000ToAPrivateLawBody(LegalForm legalForm, BigDecimal annualAmount,
            ConventionRequirement expected) {
        DmnDecisionResultEntries result = evaluate(legalForm, annualAmount);
        assertThat(ConventionRequirement.valueOf(result.<String>getEntry("conventionRequirement"))).isEqualTo(expected);
        assertThat(result.<String>getEntry("reason")).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(LegalForm.class)
    void everyLegalFormGetsExactlyOneAnswerAtAndAroundTheThreshold(LegalForm legalForm) {
        for (String amount : new String[] {"0.01", "22999.99", "23000", "23000.00", "23000.001", "23000.01", "999999999.99"}) {
            DmnDecisionResult result = dmn.evaluateDecision(decision, Variables.createVariables()
                    .putValue("legalForm", legalForm.name()).putValue("annualAmount", new BigDecimal(amount)));
            // UNIQUE would throw on two matching rules; no matching rule would leave the result empty
            assertThat(result).as(legalForm + " " + amount).hasSize(1);
        }
    }

    @Test
    void reasonsCiteTheLawAboveTheThreshold() {
        assertThat(evaluate(LegalForm.ASSOCIATION, new BigDecimal("23000.01")).<String>getEntry("reason"))
                .contains("23 000 €", "loi n° 2000-321", "décret n° 2001-495");
    }

    private static DmnDecisionResultEntries evaluate(LegalForm legalForm, BigDecimal annualAmount) {
        return dmn.evaluateDecision(decision, Variables.createVariables()
                .putValue("legalForm", legalForm.name())
                .putValue("annualAmount", annualAmount)).getSingleResult();
    }
}
