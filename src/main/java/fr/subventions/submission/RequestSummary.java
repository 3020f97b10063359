package fr.subventions.submission;

import java.math.BigDecimal;

/** One line of a list of requests. */
public record RequestSummary(String reference, RequestStatus status, Outcome outcome, String applicantName, String title,
        String theme, int fiscalYear, BigDecimal requestedAmount, BigDecimal proposedAmount, BigDecimal grantedAmount) {

    static RequestSummary of(SubsidyRequest r) {
        return new RequestSummary(r.reference(), r.status(), r.outcome(), r.applicant().name(), r.title(), r.theme(),
                r.fiscalYear(), r.requestedAmount(), r.proposedAmount(), r.grantedAmount());
    }
}
