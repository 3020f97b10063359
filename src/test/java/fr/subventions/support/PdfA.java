package fr.subventions.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.validators.ValidatorFactory;

/**
 * A PDF/A checked as an archivist would: by veraPDF, the PDF Association's reference validator, with its own parser
 * (neither LibreOffice, which wrote the file, nor PDFBox, which reads its text back here), against the rules of
 * PDF/A-2b (ISO 19005-2, level b).
 */
public final class PdfA {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfA() {
    }

    /** Fails unless the file declares itself PDF/A-2b and veraPDF finds it compliant: the failed rules are told. */
    public static void assertValidPdfA2b(byte[] pdf) {
        assertThat(pdf).as("a PDF").startsWith('%', 'P', 'D', 'F', '-');
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
                PDFAValidator validator = ValidatorFactory.createValidator(PDFAFlavour.PDFA_2_B, false)) {
            assertThat(parser.getFlavour()).as("the PDF/A part and level its metadata declare")
                    .isEqualTo(PDFAFlavour.PDFA_2_B);
            ValidationResult result = validator.validate(parser);
            assertThat(result.isCompliant()).as("veraPDF, PDF/A-2b: %s", failures(result)).isTrue();
        } catch (ModelParsingException | EncryptedPdfException | ValidationException e) {
            throw new AssertionError("veraPDF cannot read the PDF: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of every page, in reading order, as PDFBox extracts it. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String failures(ValidationResult result) {
        return result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
                .distinct().collect(Collectors.joining("; "));
    }
}
