package fr.subventions.backoffice;

import fr.subventions.convention.ConventionRequirement;
import fr.subventions.convention.ConventionRules;
import fr.subventions.submission.Applicant;
import fr.subventions.submission.Outcome;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The dossier page's « Autres demandes du demandeur »: the beneficiary's other requests of every year, found by its
 * SIREN or RNA ({@link BeneficiaryRequests}), and its grants of the fiscal year against the convention's threshold, as
 * {@link ConventionRules} adds them up.
 */
@Component
public class DossierBeneficiary {

    /**
     * The annual amount above which a grant to a private-law body needs a convention (loi n° 2000-321 art. 10, décret
     * n° 2001-495 art. 1), as dmn/convention-requirement.dmn applies it: the page sets the beneficiary's grants against it.
     */
    public static final BigDecimal CONVENTION_THRESHOLD = new BigDecimal("23000");

    /** How many of the applicant's other requests the page lists, the most recent first. */
    static final int OTHER_REQUESTS_SHOWN = 20;

    /** How many establishments of one SIREN are looked up for its requests. */
    private static final int SIRETS_LOOKED_UP = 20;

    private final BeneficiaryRequests beneficiaryRequests;
    private final ConventionRules conventionRules;

    DossierBeneficiary(BeneficiaryRequests beneficiaryRequests, ConventionRules conventionRules) {
        this.beneficiaryRequests = beneficiaryRequests;
        this.conventionRules = conventionRules;
    }

    /** The other requests of the request's applicant, the most recent first, and its grants of the fiscal year. */
    BeneficiaryHistory of(SubsidyRequest request) {
        Applicant applicant = request.applicant();
        PageRequest page = PageRequest.of(0, OTHER_REQUESTS_SHOWN + 1);
        Map<Long, OtherRequest> found = new LinkedHashMap<>();
        if (applicant.siret() != null && applicant.siret().length() >= 9) {
            for (String siret : beneficiaryRequests.siretsOf(applicant.siret().substring(0, 9) + "%",
                    PageRequest.of(0, SIRETS_LOOKED_UP))) {
                beneficiaryRequests.bySiret(siret, request.id(), page).forEach(r -> found.put(r.id(), r));
            }
        }
        if (applicant.rna() != null) {
            beneficiaryRequests.byRna(applicant.rna().toUpperCase(Locale.ROOT), request.id(), page)
                    .forEach(r -> found.put(r.id(), r));
        }
        List<OtherRequest> recent = found.values().stream().sorted(Comparator.comparing(OtherRequest::id).reversed())
                .limit(OTHER_REQUESTS_SHOWN)
                .sorted(Comparator.comparingInt(OtherRequest::fiscalYear).reversed()
                        .thenComparing(OtherRequest::reference, Comparator.reverseOrder()))
                .toList();
        return new BeneficiaryHistory(recent, found.size() > OTHER_REQUESTS_SHOWN, cumulation(request));
    }

    /**
     * The beneficiary's grants of the request's fiscal year as the convention rules add them up, and, while the request
     * is undecided or once granted, what the decision table says of the year with this request's amount.
     */
    private Cumulation cumulation(SubsidyRequest request) {
        BigDecimal thisGrant = request.outcome() == Outcome.GRANTED ? request.grantedAmount() : null;
        String basis;
        BigDecimal amount;
        if (thisGrant != null) {
            basis = "montant attribué";
            amount = thisGrant;
        } else if (request.outcome() != null) {
            return new Cumulation(request.fiscalYear(), conventionRules.earlierGrants(request), null,
                    CONVENTION_THRESHOLD, null);
        } else if (request.proposedAmount() != null) {
            basis = "montant proposé";
            amount = request.proposedAmount();
        } else {
            basis = "montant demandé";
            amount = request.requestedAmount();
        }
        ConventionRules.Assessment assessment = conventionRules.assess(request, amount);
        return new Cumulation(request.fiscalYear(), assessment.earlierGrants(), thisGrant, CONVENTION_THRESHOLD,
                new Projection(basis, amount, assessment.annualAmount(), assessment.requirement(), assessment.reason()));
    }

    /** The applicant's other requests (the most recent first, {@code more} when there are others) and their grants. */
    public record BeneficiaryHistory(List<OtherRequest> requests, boolean more, Cumulation cumulation) {
    }

    /** Another request of the same beneficiary. */
    public record OtherRequest(Long id, String reference, int fiscalYear, String title, RequestStatus status,
            Outcome outcome, BigDecimal requested, BigDecimal granted) {

        /** The decision, or the stage of a request still undecided. */
        public String outcomeLabel() {
            return outcome != null ? outcome.label() : "En cours : " + status.label().toLowerCase(Locale.FRANCE);
        }
    }

    /**
     * The beneficiary's grants over the fiscal year: those of its other requests ({@code earlierGrants}, as
     * {@link ConventionRules} adds them up), this request's once granted, set against the threshold; and the decision
     * table's answer for the year with this request's amount ({@code projection}, none for a request refused, withdrawn
     * or lapsed).
     */
    public record Cumulation(int fiscalYear, BigDecimal earlierGrants, BigDecimal thisGrant, BigDecimal threshold,
            Projection projection) {

        /** What the beneficiary was granted over the fiscal year, this request included once granted. */
        public BigDecimal grantedTotal() {
            return thisGrant == null ? earlierGrants : earlierGrants.add(thisGrant);
        }

        public boolean aboveThreshold() {
            return grantedTotal().compareTo(threshold) > 0;
        }
    }

    /** The year's amount with this request's ({@code basis}: requested, proposed or granted) and the table's answer. */
    public record Projection(String basis, BigDecimal amount, BigDecimal annualAmount, ConventionRequirement requirement,
            String reason) {

        public boolean mandatory() {
            return requirement == ConventionRequirement.MANDATORY;
        }
    }
}
