package fr.subventions.backoffice;

import fr.subventions.submission.Applicant;
import fr.subventions.submission.Cofinancing;
import fr.subventions.submission.LegalForm;
import fr.subventions.submission.Opinion;
import fr.subventions.submission.SubsidyRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dossier page's « Demande déposée » and « Recevabilité et instruction »: the request as filed — the applicant, the
 * financing plan with each funder's share — and what the completeness check and the instruction recorded on it.
 */
public final class DossierRequest {

    private DossierRequest() {
    }

    /** The applicant as declared in the request. */
    public record ApplicantPart(String name, LegalForm legalForm, String siret, String siren, String rna, String address,
            String representative, String email) {

        static ApplicantPart of(Applicant a) {
            String siren = a.siret() != null && a.siret().length() >= 9 ? a.siret().substring(0, 9) : null;
            return new ApplicantPart(a.name(), a.legalForm(), a.siret(), siren, a.rna(), a.address(), a.representative(),
                    a.email());
        }
    }

    /**
     * The action's financing plan: the amount asked of the authority, then each other funder, each with its share of the
     * total budget; {@code balanced} when they add up to it.
     */
    public record Financing(BigDecimal totalBudget, BigDecimal requested, BigDecimal requestedShare, List<Funding> lines,
            BigDecimal planned, boolean balanced) {

        static Financing of(SubsidyRequest request) {
            BigDecimal total = request.totalBudget();
            List<Funding> lines = new ArrayList<>();
            lines.add(new Funding("Subvention demandée (cette demande)", request.requestedAmount(),
                    share(request.requestedAmount(), total), true));
            BigDecimal planned = request.requestedAmount();
            for (Cofinancing c : request.cofinancing()) {
                lines.add(new Funding(c.funder(), c.amount(), share(c.amount(), total), false));
                planned = planned.add(c.amount());
            }
            return new Financing(total, request.requestedAmount(), share(request.requestedAmount(), total),
                    List.copyOf(lines), planned, planned.compareTo(total) == 0);
        }

        public String requestedShareLabel() {
            return percent(requestedShare);
        }

        public String plannedShareLabel() {
            return percent(share(planned, totalBudget));
        }
    }

    /** One funder of the action, or the amount asked of the authority. */
    public record Funding(String funder, BigDecimal amount, BigDecimal share, boolean authority) {

        public String shareLabel() {
            return percent(share);
        }
    }

    /** What the completeness check and the instruction recorded. */
    public record Examination(String completenessComment, List<String> missingItems, LocalDate missingItemsDue,
            Opinion opinion, BigDecimal proposedAmount, String report, BigDecimal grantedAmount) {

        static Examination of(SubsidyRequest r) {
            return new Examination(r.completenessComment(), r.missingItems(), r.missingItemsDue(), r.opinion(),
                    r.proposedAmount(), r.report(), r.grantedAmount());
        }

        public String opinionLabel() {
            return opinion == null ? null : opinion == Opinion.FAVORABLE ? "Favorable" : "Défavorable";
        }
    }

    /** "27,8 %": a share to a tenth of a percent, as French writes it. */
    static String percent(BigDecimal share) {
        if (share == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMinimumFractionDigits(share.stripTrailingZeros().scale() > 0 ? 1 : 0);
        format.setMaximumFractionDigits(1);
        return format.format(share) + "\u00a0%";
    }

    /** {@code part} as a percentage of {@code whole}, to a tenth; none of a zero whole. */
    static BigDecimal share(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
