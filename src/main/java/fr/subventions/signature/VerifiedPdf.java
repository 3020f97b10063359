package fr.subventions.signature;

import java.time.Instant;
import java.util.List;

/**
 * What a PDF's signatures say, in the order they were added (an empty list: no signature, a scan).
 *
 * @param signatures each signature found
 */
public record VerifiedPdf(List<Signature> signatures) {

    /** The French answer for a PDF without any signature: the caller records it as a scan. */
    public static final String NO_SIGNATURE = "aucune signature";

    public VerifiedPdf {
        signatures = List.copyOf(signatures);
    }

    /**
     * One signature.
     *
     * @param signerName          the signing certificate's common name (CN)
     * @param signingTime         the time the signer claims (the CMS signing-time), not proven without a timestamp
     * @param intact              the signature's value and the signed bytes check out: the signed revision is unchanged
     * @param coversWholeDocument its byte range reaches the end of the file: nothing was added after it
     * @param trusted             the signing certificate chains to a trusted anchor (a trusted list); false for the
     *                            demo's test authority, which is reported, not refused
     * @param level               the baseline level DSS finds, e.g. {@code PAdES-BASELINE-T}
     * @param timestampTime       the time-stamping authority's time for the signature (B-T), or null
     * @param indication          DSS's conclusion (ETSI EN 319 102-1): {@code TOTAL_PASSED}, or {@code INDETERMINATE} /
     *                            {@code TOTAL_FAILED} with its sub-indication
     * @param reason              the reason the signature states, or null
     * @param location            the place it states, or null
     */
    public record Signature(String signerName, Instant signingTime, boolean intact, boolean coversWholeDocument,
            boolean trusted, String level, Instant timestampTime, String indication, String reason, String location) {

        /** B-T or higher: a time-stamping authority vouches for the time. */
        public boolean timestamped() {
            return timestampTime != null;
        }
    }

    public boolean signed() {
        return !signatures.isEmpty();
    }

    /** Signed, every signature intact, and the last one covering the whole file: unchanged since it was signed. */
    public boolean unchangedSinceLastSignature() {
        return signed() && signatures.stream().allMatch(Signature::intact)
                && signatures.get(signatures.size() - 1).coversWholeDocument();
    }

    /** In French: « aucune signature », or the signers and whether their signatures are intact. */
    public String summary() {
        if (!signed()) {
            return NO_SIGNATURE;
        }
        StringBuilder text = new StringBuilder();
        for (Signature s : signatures) {
            text.append(text.isEmpty() ? "" : " ; ").append("signé par ").append(s.signerName())
                    .append(s.intact() ? " (signature intacte" : " (signature altérée")
                    .append(s.trusted() ? ", certificat reconnu)" : ", certificat non reconnu par une liste de confiance)");
        }
        if (!signatures.get(signatures.size() - 1).coversWholeDocument()) {
            text.append(" ; le document a été modifié après la dernière signature");
        }
        return text.toString();
    }
}
