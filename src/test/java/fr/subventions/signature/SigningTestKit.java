package fr.subventions.signature;

import fr.subventions.support.Pdfsig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/** The signature tests' real parts: the demo's keys in a folder of the test, the fixture, pdfsig and veraPDF. */
final class SigningTestKit {

    static final String FIXTURE = "/signature/extrait-test.pdf";

    private SigningTestKit() {
    }

    static byte[] fixture() throws IOException {
        try (InputStream in = SigningTestKit.class.getResourceAsStream(FIXTURE)) {
            return in.readAllBytes();
        }
    }

    static SignatureSettings settings(Path demoKeys, String tsaUrl) {
        SignatureSettings.Keystore none = new SignatureSettings.Keystore(null, null, null);
        return new SignatureSettings(none, none, tsaUrl, demoKeys, "Dijon", DataSize.ofMegabytes(10));
    }

    static ActSigner signer(SignatureSettings settings, Clock clock) {
        DemoSigningKeys demo = new DemoSigningKeys(settings.demoKeysDir(), "Dijon Métropole", clock);
        return new ActSigner(settings, new SigningKeys(settings, provider(demo)), clock);
    }

    /** The demo's keys as the application context offers them (or not, with null). */
    static ObjectProvider<DemoSigningKeys> provider(DemoSigningKeys demo) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(demo == null ? Map.of() : Map.of("demo", demo));
        return beans.getBeanProvider(DemoSigningKeys.class);
    }

    static SignatureVerifier verifier() {
        return new SignatureVerifier(settings(Path.of("unused"), null));
    }

    /** Poppler's pdfsig on the document, in UTC: its report, as it prints it. */
    static String pdfsig(byte[] pdf, Path folder) throws IOException, InterruptedException {
        return Pdfsig.report(pdf, folder);
    }

    /** veraPDF's verdict on the document as a PDF/A-2b. */
    static ValidationResult pdfA2b(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            return validator.validate(parser);
        }
    }
}
