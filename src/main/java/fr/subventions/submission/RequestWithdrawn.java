package fr.subventions.submission;

/** Published when an applicant withdraws a request, so that a séance's agenda can drop it. */
public record RequestWithdrawn(Long requestId, String reference) {
}
