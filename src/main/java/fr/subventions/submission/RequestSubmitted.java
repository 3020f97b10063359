package fr.subventions.submission;

/**
 * A request was filed: published in the filing's transaction, after the request is written and before its process
 * starts, so that what listens writes with it or not at all (the back office indexes its words for the search).
 */
public record RequestSubmitted(Long requestId, String reference, String applicantName, String title) {
}
