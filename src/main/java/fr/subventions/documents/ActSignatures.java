package fr.subventions.documents;

import fr.subventions.signature.ActSigner;
import fr.subventions.signature.SignatoryRole;
import fr.subventions.submission.DocumentType;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who signs each act the authority issues, in the order they sign: the extract of the register, the list of the
 * deliberations and the procès-verbal by the secretary of the séance, then the President (CGCT L2121-15, L2121-23);
 * the notifications and the certificate of executory character by the President. The convention is signed at its
 * own step, by the beneficiary then the President, not when its draft is produced; the letters are not signed.
 */
@Component
class ActSignatures {

    private final ActSigner signer;

    ActSignatures(ActSigner signer) {
        this.signer = signer;
    }

    static List<SignatoryRole> of(DocumentType type) {
        return switch (type) {
            case DELIBERATION_EXTRACT, DELIBERATION_LIST, MINUTES -> List.of(SignatoryRole.SECRETARY,
                    SignatoryRole.PRESIDENT);
            case NOTIFICATION_GRANTED, NOTIFICATION_REJECTED, EXECUTORY_CERTIFICATE -> List.of(SignatoryRole.PRESIDENT);
            default -> List.of();
        };
    }

    /** The PDF/A signed by each of the type's signatories in turn, each signature keeping the previous ones valid. */
    byte[] sign(DocumentType type, byte[] pdf) {
        byte[] signed = pdf;
        for (SignatoryRole role : of(type)) {
            signed = signer.sign(signed, role, null);
        }
        return signed;
    }
}
