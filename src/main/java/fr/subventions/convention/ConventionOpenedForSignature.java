package fr.subventions.convention;

/**
 * The beneficiary may sign the convention from today, its validity counted from today: published once, in the
 * transaction that starts the signature task (package {@code mail} sends the convention to sign).
 */
public record ConventionOpenedForSignature(Long requestId) {
}
