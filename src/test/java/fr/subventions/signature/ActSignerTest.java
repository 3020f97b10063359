package fr.subventions.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The acts signed as the law has them: the extract by the secretary of the séance, then by the President, each
 * signature checked by DSS's validator and by poppler's pdfsig, the document still a PDF/A-2b.
 */
class ActSignerTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String PRESIDENT = "François REBSAMEN (certificat de test)";
    static final String SECRETARY = "Antoine HOAREAU (certificat de test)";

    @TempDir
    static Path folder;

    static Instant secretarySigned;
    static Instant presidentSigned;
    static byte[] signedOnce;
    static byte[] signedTwice;

    @BeforeAll
    static void signTheExtractTwice() throws Exception {
        SignatureSettings settings = SigningTestKit.settings(folder.resolve("keys"), null);
        secretarySigned = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        presidentSigned = secretarySigned.plusSeconds(60);
        signedOnce = SigningTestKit.signer(settings, Clock.fixed(secretarySigned, PARIS))
                .sign(SigningTestKit.fixture(), SignatoryRole.SECRETARY, null);
        signedTwice = SigningTestKit.signer(settings, Clock.fixed(presidentSigned, PARIS))
                .sign(signedOnce, SignatoryRole.PRESIDENT, null);
    }

    @Test
    void theSecretaryThenThePresidentSignAndBothSignaturesAreIntactForDss() {
        VerifiedPdf verified = SigningTestKit.verifier().verify(signedTwice);

        assertThat(verified.signatures()).extracting(VerifiedPdf.Signature::signerName).containsExactly(SECRETARY, PRESIDENT);
        assertThat(verified.signatures()).extracting(VerifiedPdf.Signature::signingTime)
                .containsExactly(secretarySigned, presidentSigned);
        assertThat(verified.signatures()).allSatisfy(s -> {
            assertThat(s.intact()).as("signed bytes unchanged").isTrue();
            assertThat(s.level()).isEqualTo("PAdES-BASELINE-B");
            assertThat(s.timestamped()).isFalse();
            assertThat(s.trusted()).as("a test authority is in no trusted list").isFalse();
            assertThat(s.location()).isEqualTo("Dijon");
        });
        assertThat(verified.signatures().get(0).reason()).isEqualTo("Signature de l'acte (Le secrétaire de séance)");
        assertThat(verified.signatures().get(0).coversWholeDocument()).as("the President signed after").isFalse();
        assertThat(verified.signatures().get(1).coversWholeDocument()).isTrue();
        assertThat(verified.unchangedSinceLastSignature()).isTrue();
        assertThat(verified.summary()).startsWith("signé par " + SECRETARY + " (signature intacte, certificat non reconnu");
    }

    @Test
    void popplersPdfsigFindsBothSignaturesValidWithTheirSignersAndTimes() throws Exception {
        String report = SigningTestKit.pdfsig(signedTwice, folder);

        List<String> signatures = blocks(report);
        assertThat(signatures).as(report).hasSize(2);
        DateTimeFormatter pdfsigTime = DateTimeFormatter.ofPattern("MMM dd yyyy HH:mm:ss", Locale.ENGLISH)
                .withZone(ZoneId.of("UTC"));
        assertThat(signatures.get(0)).contains("Signer Certificate Common Name: " + SECRETARY)
                .contains("Signing Time: " + pdfsigTime.format(secretarySigned))
                .contains("Signature Validation: Signature is Valid.").contains("Not total document signed");
        assertThat(signatures.get(1)).contains("Signer Certificate Common Name: " + PRESIDENT)
                .contains("Signing Time: " + pdfsigTime.format(presidentSigned))
                .contains("Signature Validation: Signature is Valid.").contains("Total document signed");
    }

    @Test
    void theSignedExtractIsStillAPdfA2b() throws Exception {
        assertThat(compliance(notPdfA())).as("veraPDF finds what breaks PDF/A").isNotEmpty();
        assertThat(compliance(SigningTestKit.fixture())).as("the fixture itself").isEmpty();

        assertThat(compliance(signedOnce)).as("after the secretary's signature").isEmpty();
        assertThat(compliance(signedTwice)).as("after the President's").isEmpty();
    }

    @Test
    void aByteChangedInTheSignedContentMakesBothSignaturesNotIntact() throws Exception {
        byte[] altered = signedTwice.clone();
        int producer = indexOf(altered, "LibreOffice");
        assertThat(producer).as("the producer's name, in the part both signatures cover").isBetween(0, 50_000);
        altered[producer] = 'M';

        VerifiedPdf verified = SigningTestKit.verifier().verify(altered);

        assertThat(verified.signatures()).hasSize(2).noneMatch(VerifiedPdf.Signature::intact);
        assertThat(verified.unchangedSinceLastSignature()).isFalse();
        assertThat(verified.summary()).contains("signature altérée");
        assertThat(blocks(SigningTestKit.pdfsig(altered, folder))).hasSize(2)
                .noneMatch(b -> b.contains("Signature is Valid."));
    }

    @Test
    void aSignatureWhoseValueIsDamagedIsReportedUnreadableNotLeftOut() throws Exception {
        byte[] damaged = signedTwice.clone();
        int contents = indexOf(damaged, "/Contents <") + "/Contents <".length();
        Arrays.fill(damaged, contents + 200, contents + 260, (byte) '0');

        VerifiedPdf verified = SigningTestKit.verifier().verify(damaged);

        assertThat(verified.signatures()).hasSize(2).noneMatch(VerifiedPdf.Signature::intact);
        assertThat(verified.signatures().get(0)).satisfies(s -> {
            assertThat(s.indication()).isEqualTo(SignatureVerifier.UNREADABLE);
            assertThat(s.signingTime()).isEqualTo(secretarySigned);
            assertThat(s.signerName()).isEqualTo(SECRETARY);
        });
        assertThat(verified.signatures().get(1).signerName()).isEqualTo(PRESIDENT);
    }

    @Test
    void eachSignatureIsDrawnBelowItsRolesBlockWithoutCoveringTheOther() throws Exception {
        try (PDDocument document = Loader.loadPDF(signedTwice)) {
            List<PDSignatureField> fields = document.getDocumentCatalog().getAcroForm().getFields().stream()
                    .filter(PDSignatureField.class::isInstance).map(PDSignatureField.class::cast).toList();
            assertThat(fields).hasSize(2);
            var secretary = fields.get(0).getWidgets().get(0).getRectangle();
            var president = fields.get(1).getWidgets().get(0).getRectangle();
            float height = document.getPage(0).getCropBox().getHeight();
            SignaturePlacement.Box secretaryBlock = line(document, "Le secrétaire,");
            SignaturePlacement.Box presidentBlock = line(document, "Le Président,");
            // PDF coordinates from the bottom: a field's top is below its block's top, within two lines of it
            assertThat(height - secretary.getUpperRightY()).isBetween(secretaryBlock.top() - 1, secretaryBlock.bottom() + 30);
            assertThat(height - president.getUpperRightY()).isBetween(presidentBlock.top() - 1, presidentBlock.bottom() + 30);
            assertThat(secretary.getLowerLeftY() >= president.getUpperRightY()
                    || secretary.getLowerLeftX() >= president.getUpperRightX()
                    || president.getLowerLeftX() >= secretary.getUpperRightX()).as("the fields do not overlap").isTrue();
            assertThat(fields.get(1).getWidgets().get(0).getAppearance().getNormalAppearance()).isNotNull();
        }
    }

    /**
     * The demo's keys expire after three years: a signature made later is made with keys made anew, valid then, and
     * is as intact as the first; a clock set back before them likewise.
     */
    @Test
    void aSignatureOutsideTheDemoKeysValidityIsMadeWithKeysMadeAnew() throws Exception {
        SignatureSettings settings = SigningTestKit.settings(folder.resolve("renewed"), null);
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-06-20T08:00:00Z"));
        Clock moving = new Clock() {
            @Override
            public ZoneId getZone() {
                return PARIS;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(now.get(), zone);
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ActSigner signer = SigningTestKit.signer(settings, moving);
        List<Instant> times = List.of(now.get(), Instant.parse("2031-03-12T09:00:00Z"), Instant.parse("2023-09-14T08:00:00Z"));
        for (Instant time : times) {
            now.set(time);
            byte[] signed = signer.sign(SigningTestKit.fixture(), SignatoryRole.PRESIDENT, null);
            assertThat(SigningTestKit.verifier().verify(signed).signatures()).as(time.toString()).singleElement()
                    .satisfies(s -> {
                        assertThat(s.signerName()).isEqualTo(PRESIDENT);
                        assertThat(s.signingTime()).isEqualTo(time);
                        assertThat(s.intact()).isTrue();
                    });
        }
    }

    @Test
    void aRoleWithoutKeystoreIsRefusedWithTheSettingToSet() throws Exception {
        SignatureSettings settings = SigningTestKit.settings(folder.resolve("none"), null);
        ActSigner withoutDemo = new ActSigner(settings, new SigningKeys(settings, SigningTestKit.provider(null)),
                Clock.system(PARIS));

        assertThatThrownBy(() -> withoutDemo.sign(SigningTestKit.fixture(), SignatoryRole.PRESIDENT, null))
                .isInstanceOf(SigningKeyUnavailableException.class)
                .hasMessageContaining("subventions.signature.president.keystore")
                .hasMessageContaining("SUBVENTIONS_SIGNATURE_PRESIDENT_KEYSTORE");
    }

    @Test
    void aConfiguredKeystoreThatIsNotThereIsNeverReplacedByATestOne() throws Exception {
        SignatureSettings.Keystore missing = new SignatureSettings.Keystore(folder.resolve("absent.p12").toString(), "x", null);
        SignatureSettings settings = new SignatureSettings(SigningTestKit.settings(folder, null).president(), missing, null,
                folder.resolve("keys"), null, SigningTestKit.settings(folder, null).maxSize());
        DemoSigningKeys demo = new DemoSigningKeys(folder.resolve("keys"), "", Clock.system(PARIS));
        ActSigner signer = new ActSigner(settings, new SigningKeys(settings, SigningTestKit.provider(demo)), Clock.system(PARIS));

        assertThatThrownBy(() -> signer.sign(SigningTestKit.fixture(), SignatoryRole.SECRETARY, null))
                .isInstanceOf(SigningKeyUnavailableException.class).hasMessageContaining("absent.p12")
                .hasMessageContaining("subventions.signature.secretary.keystore");
    }

    @Test
    void aDocumentWithoutTheBlockIsSignedAtTheEndOfItsLastPage() throws Exception {
        SignatureSettings settings = SigningTestKit.settings(folder.resolve("keys"), null);
        byte[] signed = SigningTestKit.signer(settings, Clock.system(PARIS))
                .sign(SigningTestKit.fixture(), SignatoryRole.PRESIDENT, "Le maire, absent de ce document");

        try (PDDocument document = Loader.loadPDF(signed)) {
            var field = document.getDocumentCatalog().getAcroForm().getFields().get(0).getWidgets().get(0);
            float height = document.getPage(field.getPage() == null ? 0 : document.getPages().indexOf(field.getPage()))
                    .getCropBox().getHeight();
            assertThat(height - field.getRectangle().getUpperRightY()).isGreaterThan(line(document, "Monsieur REBSAMEN").bottom());
        }
        assertThat(SigningTestKit.verifier().verify(signed).signatures()).singleElement()
                .satisfies(s -> assertThat(s.intact()).isTrue());
    }

    /** A PDF made by PDFBox with a font it does not embed and no XMP metadata: no PDF/A. */
    private static byte[] notPdfA() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.showText("Le Président,");
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    static int indexOf(byte[] bytes, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i <= bytes.length - t.length; i++) {
            if (Arrays.equals(bytes, i, i + t.length, t, 0, t.length)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> compliance(byte[] pdf) throws Exception {
        ValidationResult result = SigningTestKit.pdfA2b(pdf);
        return result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()).distinct()
                .toList();
    }

    private static SignaturePlacement.Box line(PDDocument document, String text) throws Exception {
        return SignaturePlacement.lastOccurrence(document, text);
    }

    /** pdfsig's report cut at each « Signature #n: ». */
    static List<String> blocks(String report) {
        List<String> blocks = new ArrayList<>();
        String[] parts = report.split("Signature #\\d+:");
        for (int i = 1; i < parts.length; i++) {
            blocks.add(parts[i]);
        }
        return blocks;
    }
}
