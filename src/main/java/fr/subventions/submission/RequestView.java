package fr.subventions.submission;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request as /api shows it: its figures, its current stage, the day its deliberation became executory (CGCT
 * L2131-1), and the history of stages.
 */
public record RequestView(String reference, RequestStatus status, Outcome outcome, Stage stage, ApplicantView applicant,
        String title, String description, String theme, int fiscalYear, BigDecimal totalBudget,
        BigDecimal requestedAmount, List<CofinancingView> cofinancing, Opinion opinion, BigDecimal proposedAmount,
        BigDecimal grantedAmount, List<String> missingItems, LocalDate missingItemsDue, Instant submittedAt,
        LocalDate executoryOn, List<HistoryEntry> history) {

    public record Stage(RequestStatus status, String label, Instant since) {
    }

    public record ApplicantView(String name, String siret, String rna, LegalForm legalForm, String address, String email,
            String representative) {
    }

    public record CofinancingView(String funder, BigDecimal amount) {
    }

    public record HistoryEntry(Instant at, String actor, RequestStatus stage, String result) {
    }

    public static RequestView of(SubsidyRequest r) {
        List<HistoryEntry> history = r.history().stream()
                .map(e -> new HistoryEntry(e.at(), e.actor(), e.stage(), e.result())).toList();
        Instant since = history.isEmpty() ? r.submittedAt() : history.get(history.size() - 1).at();
        Applicant a = r.applicant();
        return new RequestView(r.reference(), r.status(), r.outcome(), new Stage(r.status(), r.status().label(), since),
                new ApplicantView(a.name(), a.siret(), a.rna(), a.legalForm(), a.address(), a.email(), a.representative()),
                r.title(), r.description(), r.theme(), r.fiscalYear(), r.totalBudget(), r.requestedAmount(),
                r.cofinancing().stream().map(c -> new CofinancingView(c.funder(), c.amount())).toList(), r.opinion(),
                r.proposedAmount(), r.grantedAmount(), r.missingItems(), r.missingItemsDue(), r.submittedAt(),
                r.executoryOn(), history);
    }
}
