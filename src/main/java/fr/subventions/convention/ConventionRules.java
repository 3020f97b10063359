package fr.subventions.convention;

import fr.subventions.shared.Money;
import fr.subventions.submission.Applicant;
import fr.subventions.submission.Outcome;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a grant goes with a convention. The thresholds live in the decision table dmn/convention-requirement.dmn,
 * deployed with the application, so that the authority changes them without touching the code; this service only
 * gathers the table's inputs from our tables — the beneficiary's legal form and what it receives over the fiscal
 * year — and applies the authority's default ({@code subventions.convention.optional-default}) where the table
 * leaves the convention optional.
 */
@Service
@Transactional
public class ConventionRules {

    /** The key of the decision in dmn/convention-requirement.dmn. */
    public static final String DECISION_KEY = "convention-requirement";

    private static final Logger LOG = LoggerFactory.getLogger(ConventionRules.class);

    private final GrantRepository grants;
    private final SubsidyRequestService requests;
    private final DecisionService decisions;
    private final ConventionProperties properties;
    private final Clock clock;

    ConventionRules(GrantRepository grants, SubsidyRequestService requests, DecisionService decisions,
            ConventionProperties properties, Clock clock) {
        this.grants = grants;
        this.requests = requests;
        this.decisions = decisions;
        this.properties = properties;
        this.clock = clock;
    }

    /** The table's answer for a grant, with the amounts it was given. */
    public record Assessment(ConventionRequirement requirement, String reason, int fiscalYear, BigDecimal grant,
            BigDecimal earlierGrants, boolean withConvention) {

        /** This grant plus the fiscal year's earlier grants to the same beneficiary: the table's input. */
        public BigDecimal annualAmount() {
            return grant.add(earlierGrants);
        }

        /** One line of the request's history, in French. */
        public String describe() {
            String amounts = Money.format(annualAmount()) + " attribués au bénéficiaire sur l'exercice " + fiscalYear
                    + (earlierGrants.signum() > 0 ? " (dont " + Money.format(earlierGrants) + " par des décisions antérieures)" : "");
            String conclusion;
            if (requirement == ConventionRequirement.MANDATORY) {
                conclusion = "une convention est établie.";
            } else if (withConvention) {
                conclusion = "une convention est établie, comme la collectivité le prévoit pour toute subvention.";
            } else {
                conclusion = "la subvention est attribuée sans convention.";
            }
            return "Convention " + requirement.label() + " (" + reason + ") : " + amounts + " ; " + conclusion;
        }
    }

    /**
     * What the same beneficiary has already been granted for the request's fiscal year, this request excluded: every
     * other request of that year whose outcome is {@code GRANTED} (an adopted vote), to the same legal person.
     */
    @Transactional(readOnly = true)
    public BigDecimal earlierGrants(SubsidyRequest request) {
        Applicant applicant = request.applicant();
        // a SIRET shorter than a SIREN matches no other (sameBeneficiary), and an absent RNA matches no row
        String siren = applicant.siret() != null && applicant.siret().length() >= 9
                ? applicant.siret().substring(0, 9) + "%" : "-";
        String rna = applicant.rna() == null ? "-" : applicant.rna().toUpperCase(Locale.ROOT);
        // summed by the database: a beneficiary with thousands of grants answers one number, not thousands of entities
        return grants.sumOthers(request.fiscalYear(), Outcome.GRANTED, request.id(), siren, rna);
    }

    /** Evaluates the decision table for a request the assembly granted (or is about to grant: its proposed amount). */
    @Transactional(readOnly = true)
    public Assessment assess(SubsidyRequest request) {
        BigDecimal grant = request.grantedAmount() != null ? request.grantedAmount() : request.proposedAmount();
        if (grant == null) {
            throw new IllegalStateException("request " + request.reference() + " has neither a granted nor a proposed amount");
        }
        return assess(request, grant);
    }

    /**
     * The same for a grant of {@code grant} € to the request, whatever its stage: what the table would say if the
     * assembly granted it (the back office shows it to the officer from the request's filing on).
     */
    @Transactional(readOnly = true)
    public Assessment assess(SubsidyRequest request, BigDecimal grant) {
        BigDecimal earlier = earlierGrants(request);
        BigDecimal annual = grant.add(earlier);
        DmnDecisionResult result = decisions.evaluateDecisionByKey(DECISION_KEY)
                .variables(Variables.createVariables()
                        .putValue("legalForm", request.applicant().legalForm().name())
                        .putValue("annualAmount", annual))
                .evaluate();
        DmnDecisionResultEntries entries = result.getSingleResult();
        ConventionRequirement requirement;
        String reason;
        if (entries == null || entries.getEntry("conventionRequirement") == null) {
            // A table edited with a gap: a convention is always lawful, so draw one up rather than block the grant
            LOG.warn("No rule of decision {} matches {} with {} over fiscal year {}: a convention is drawn up", DECISION_KEY,
                    request.applicant().legalForm(), annual, request.fiscalYear());
            requirement = ConventionRequirement.MANDATORY;
            reason = "aucune règle de la table « " + DECISION_KEY + " » ne s'applique : convention établie par précaution";
        } else {
            requirement = ConventionRequirement.valueOf(entries.<String>getEntry("conventionRequirement"));
            String text = entries.getEntry("reason");
            reason = text == null || text.isBlank() ? "table « " + DECISION_KEY + " »" : text;
        }
        boolean withConvention = requirement == ConventionRequirement.MANDATORY || properties.isOptionalDefault();
        return new Assessment(requirement, reason, request.fiscalYear(), grant, earlier, withConvention);
    }

    /**
     * After an adoption: records in the request's history whether a convention is required and why; a grant without
     * convention goes straight to budget imputation. Answers whether a convention is drawn up (the process's flag).
     */
    public boolean decide(Long requestId) {
        SubsidyRequest request = requests.byId(requestId);
        request.requireAwaitingSignatures("décider de la convention");
        Assessment assessment = assess(request);
        request.recordConventionDecision(assessment.withConvention(), assessment.describe(), Instant.now(clock));
        return assessment.withConvention();
    }

    /**
     * The same legal person: the same SIREN (the first nine digits of the SIRET, so that two establishments of one
     * association count as one beneficiary), or the same RNA number.
     */
    static boolean sameBeneficiary(Applicant a, Applicant b) {
        if (a.siret() != null && b.siret() != null && a.siret().length() >= 9 && b.siret().length() >= 9
                && a.siret().substring(0, 9).equals(b.siret().substring(0, 9))) {
            return true;
        }
        return a.rna() != null && a.rna().equalsIgnoreCase(b.rna() == null ? "" : b.rna());
    }
}
