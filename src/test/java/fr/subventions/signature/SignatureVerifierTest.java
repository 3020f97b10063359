package fr.subventions.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * What the beneficiary may upload as their signed convention: a scan (no signature, accepted as such), or anything
 * that is not a PDF we can read, refused with a French error and nothing else done.
 */
class SignatureVerifierTest {

    SignatureVerifier verifier = SigningTestKit.verifier();

    @Test
    void aScanHasNoSignature() throws Exception {
        VerifiedPdf verified = verifier.verify(SigningTestKit.fixture());

        assertThat(verified.signed()).isFalse();
        assertThat(verified.signatures()).isEmpty();
        assertThat(verified.summary()).isEqualTo("aucune signature");
        assertThat(verified.unchangedSinceLastSignature()).isFalse();
    }

    @Test
    void aFileThatIsNoPdfIsRefused() {
        assertRefused("PK\u0003\u0004 un document Word".getBytes(StandardCharsets.ISO_8859_1), "Le fichier n'est pas un PDF.");
        assertRefused(new byte[0], "Le fichier est vide.");
    }

    @Test
    void aTruncatedPdfIsRefused() throws Exception {
        byte[] pdf = SigningTestKit.fixture();

        assertRefused(Arrays.copyOf(pdf, pdf.length / 2), "Le PDF est incomplet (il semble tronqué) : déposez le fichier entier.");
    }

    @Test
    void aPdfThatOnlyLooksLikeOneIsRefused() {
        byte[] garbage = ("%PDF-1.7\n" + "x".repeat(5000) + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

        assertRefused(garbage, "Le PDF est illisible ou endommagé.");
    }

    @Test
    void aPdfOverTheLimitIsRefusedBeforeBeingRead() throws Exception {
        SignatureSettings small = SigningTestKit.settings(Path.of("unused"), null);
        SignatureVerifier strict = new SignatureVerifier(new SignatureSettings(small.president(), small.secretary(), null,
                small.demoKeysDir(), null, DataSize.ofKilobytes(10)));

        assertThatThrownBy(() -> strict.verify(SigningTestKit.fixture())).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors())
                .isEqualTo(List.of(new FieldError("document", "Le fichier dépasse la taille maximale acceptée (10 Ko).")));
    }

    @Test
    void anEncryptedPdfIsRefused() throws Exception {
        assertRefused(encrypted("secret"), "Le PDF est protégé par un mot de passe : déposez-le sans protection.");
        assertRefused(encrypted(""), "Le PDF est chiffré : déposez-le sans protection ni chiffrement.");
    }

    private byte[] encrypted(String userPassword) throws Exception {
        try (PDDocument document = Loader.loadPDF(SigningTestKit.fixture()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("proprietaire", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    private void assertRefused(byte[] pdf, String message) {
        assertThatThrownBy(() -> verifier.verify(pdf)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .containsExactly(new FieldError("document", message)));
    }
}
