package fr.subventions.signature;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.reports.Reports;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads and checks the PAdES signatures of a PDF, such as the convention the beneficiary uploads signed: who signed
 * (the certificate's CN), when they say they did, whether the signed bytes are unchanged, whether the certificate
 * chains to a trusted list. With DSS's validator (ETSI EN 319 102-1), offline: no certificate, revocation or trusted
 * list is fetched, so a chain is trusted only if its anchor is configured (none is, today), and a test authority's
 * signature is reported untrusted, not refused. A PDF without a signature is no error: it answers
 * {@value VerifiedPdf#NO_SIGNATURE}. Input that is not a readable, complete, unencrypted PDF of at most
 * {@code subventions.signature.max-size}: a French error on the field {@code document}.
 */
@Component
public class SignatureVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(SignatureVerifier.class);
    /** A document timestamp's dictionary (PAdES B-LTA), which is no signature. */
    private static final String DOCUMENT_TIMESTAMP = "ETSI.RFC3161";
    /** ETSI EN 319 102-1's conclusion for a signature that cannot be parsed. */
    static final String UNREADABLE = "TOTAL_FAILED/FORMAT_FAILURE";

    private final SignatureSettings settings;

    SignatureVerifier(SignatureSettings settings) {
        this.settings = settings;
    }

    public VerifiedPdf verify(byte[] pdf) {
        List<Dictionary> dictionaries = new ArrayList<>();
        PDDocument document = PdfInput.open(pdf, settings.maxSize());
        try {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                if (!DOCUMENT_TIMESTAMP.equals(signature.getSubFilter())) {
                    dictionaries.add(Dictionary.of(signature));
                }
            }
        } catch (RuntimeException e) {
            throw PdfInput.invalid("Le PDF est illisible ou endommagé.");
        } finally {
            PdfInput.close(document);
        }
        if (dictionaries.isEmpty()) {
            return new VerifiedPdf(List.of());
        }
        Reports reports;
        try {
            PDFDocumentValidator validator = new PDFDocumentValidator(new InMemoryDocument(pdf));
            validator.setPdfObjFactory(new PdfBoxNativeObjectFactory());
            validator.setCertificateVerifier(new CommonCertificateVerifier());
            reports = validator.validateDocument();
        } catch (DSSException | IllegalStateException e) {
            LOG.info("Signatures unreadable: {}", e.getMessage());
            throw PdfInput.invalid("Les signatures de ce PDF sont illisibles.");
        }
        return new VerifiedPdf(signatures(reports, dictionaries, pdf.length));
    }

    /** A signature dictionary as PDFBox reads it, for a signature DSS cannot parse (a damaged CMS). */
    private record Dictionary(BigInteger end, String name, Instant time, String reason, String location) {

        static Dictionary of(PDSignature signature) {
            int[] range = signature.getByteRange();
            BigInteger end = range != null && range.length == 4 ? BigInteger.valueOf((long) range[2] + range[3]) : BigInteger.ZERO;
            return new Dictionary(end, signature.getName(),
                    signature.getSignDate() == null ? null : signature.getSignDate().toInstant(), signature.getReason(),
                    signature.getLocation());
        }

        VerifiedPdf.Signature unreadable(long length) {
            return new VerifiedPdf.Signature(name, time, false, end.equals(BigInteger.valueOf(length)), false, null, null,
                    UNREADABLE, reason, location);
        }
    }

    private record Found(BigInteger end, VerifiedPdf.Signature signature) {
    }

    private static List<VerifiedPdf.Signature> signatures(Reports reports, List<Dictionary> dictionaries, long length) {
        DiagnosticData diagnostic = reports.getDiagnosticData();
        SimpleReport simple = reports.getSimpleReport();
        List<Found> found = new ArrayList<>();
        for (SignatureWrapper s : diagnostic.getSignatures()) {
            boolean dataIntact = !s.getDigestMatchers().isEmpty()
                    && s.getDigestMatchers().stream().allMatch(SignatureVerifier::intact);
            boolean intact = s.isSignatureIntact() && s.isSignatureValid() && dataIntact
                    && (s.getPDFRevision() == null || s.getPDFRevision().isSignatureByteRangeValid());
            Instant timestamp = s.getSignatureTimestamps().stream().map(TimestampWrapper::getProductionTime)
                    .min(Comparator.naturalOrder()).map(Date::toInstant).orElse(null);
            found.add(new Found(end(s), new VerifiedPdf.Signature(
                    s.getSigningCertificate() == null ? null : s.getSigningCertificate().getCommonName(),
                    s.getClaimedSigningTime() == null ? null : s.getClaimedSigningTime().toInstant(), intact,
                    end(s).equals(BigInteger.valueOf(length)), s.isTrustedChain(),
                    s.getSignatureFormat() == null ? null : s.getSignatureFormat().toString(), timestamp,
                    indication(simple.getIndication(s.getId()), simple.getSubIndication(s.getId())),
                    s.getPDFRevision() == null ? null : s.getPDFRevision().getReason(),
                    s.getPDFRevision() == null ? null : s.getPDFRevision().getLocation())));
        }
        // DSS leaves out a signature whose CMS it cannot parse: reported all the same, as unreadable
        for (Dictionary dictionary : dictionaries) {
            if (found.stream().noneMatch(f -> f.end().equals(dictionary.end()))) {
                found.add(new Found(dictionary.end(), dictionary.unreadable(length)));
            }
        }
        found.sort(Comparator.comparing(Found::end));
        return found.stream().map(Found::signature).toList();
    }

    /** Where the signed bytes end: offset plus length of the byte range's second part. */
    private static BigInteger end(SignatureWrapper signature) {
        List<BigInteger> range = signature.getPDFRevision() == null ? List.of() : signature.getPDFRevision().getSignatureByteRange();
        return range.size() == 4 ? range.get(2).add(range.get(3)) : BigInteger.ZERO;
    }

    private static String indication(Indication indication, SubIndication sub) {
        if (indication == null) {
            return null;
        }
        return sub == null ? indication.name() : indication.name() + "/" + sub.name();
    }

    /** A reference of the signature: the signed data found, and its digest matching. */
    static boolean intact(XmlDigestMatcher matcher) {
        return matcher.isDataFound() && matcher.isDataIntact();
    }
}
