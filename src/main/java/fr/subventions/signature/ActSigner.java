package fr.subventions.signature;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signs the authority's acts: PAdES baseline B-B, or B-T when a time-stamping authority is configured
 * ({@code subventions.signature.tsa-url}), with DSS on PDFBox. Each signature is an incremental update, so that the
 * President's, after the secretary's, leaves the first one valid. Its visible block (« Signé électroniquement par … le
 * … ») is drawn where the act has the role's signature block ({@link SignaturePlacement}), as text in an embedded font
 * on an opaque background, which PDF/A-2 accepts.
 */
@Component
public class ActSigner {

    static final String REASON = "Signature de l'acte";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRANCE);

    private final SignatureSettings settings;
    private final SigningKeys keys;
    private final Clock clock;
    private final PAdESService service;

    /**
     * An act is signed when it is, in the real world: the signing time is the system's, whatever date the
     * application's own clock says (a test's simulated séance day, say), so that the time a signature states is never
     * before its certificate was issued.
     */
    @Autowired
    ActSigner(SignatureSettings settings, SigningKeys keys) {
        this(settings, keys, Clock.systemUTC());
    }

    ActSigner(SignatureSettings settings, SigningKeys keys, Clock clock) {
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
        // Offline: a B-B or B-T signature needs no revocation data, and signing calls no one but the TSA
        this.service = new PAdESService(new CommonCertificateVerifier());
        service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
        if (settings.timestamped()) {
            service.setTspSource(new OnlineTSPSource(settings.tsaUrl().strip()));
        }
    }

    /**
     * The PDF signed by the role's key, its signature drawn below {@code blockText} (the role's usual words when
     * null or blank).
     *
     * @throws fr.subventions.shared.InvalidInputException when the document is not a readable, unencrypted PDF
     * @throws SigningKeyUnavailableException           when the role has no usable key: the message names the setting
     */
    public byte[] sign(byte[] pdf, SignatoryRole role, String blockText) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SigningKeys.Signatory signatory = keys.of(role, now);
        SignaturePlacement.Field field;
        PDDocument document = PdfInput.open(pdf, PdfInput.ANY_SIZE);
        try {
            field = SignaturePlacement.find(document, blockText == null || blockText.isBlank() ? role.block() : blockText);
        } catch (IOException e) {
            throw PdfInput.invalid("Le PDF est illisible ou endommagé.");
        } finally {
            PdfInput.close(document);
        }
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(settings.timestamped() ? SignatureLevel.PAdES_BASELINE_T : SignatureLevel.PAdES_BASELINE_B);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(signatory.key().getCertificate());
        parameters.setCertificateChain(signatory.key().getCertificateChain());
        parameters.bLevel().setSigningDate(Date.from(now));
        parameters.setSigningTimeZone(TimeZone.getTimeZone(clock.getZone()));
        parameters.setReason(REASON + " (" + role.label() + ")");
        if (settings.location() != null && !settings.location().isBlank()) {
            parameters.setLocation(settings.location());
        }
        parameters.setSignerName(signatory.name());
        parameters.setImageParameters(appearance(field, "Signé électroniquement par\n" + signatory.name() + "\nle "
                + WHEN.format(now.atZone(clock.getZone()))));
        DSSDocument toSign = new InMemoryDocument(pdf);
        try {
            ToBeSigned data = service.getDataToSign(toSign, parameters);
            SignatureValue value = signatory.token().sign(data, parameters.getDigestAlgorithm(), signatory.key());
            DSSDocument signed = service.signDocument(toSign, parameters, value);
            try (InputStream in = signed.openStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DSSException e) {
            throw new IllegalStateException("DSS could not sign for " + role + ": " + e.getMessage(), e);
        }
    }

    /** The name the role signs with: its certificate's common name. */
    public String signerName(SignatoryRole role) {
        return keys.of(role).name();
    }

    private static SignatureImageParameters appearance(SignaturePlacement.Field field, String text) {
        SignatureFieldParameters place = new SignatureFieldParameters();
        place.setPage(field.page());
        place.setOriginX(field.x());
        place.setOriginY(field.y());
        place.setWidth(field.width());
        place.setHeight(field.height());
        SignatureImageTextParameters words = new SignatureImageTextParameters();
        // PT Serif, shipped with DSS, embedded (PDF/A wants every font embedded): the glyphs used only, 10 kB, not 130
        DSSFileFont font = DSSFileFont.initializeDefault();
        font.setEmbedFontSubset(true);
        font.setSize(8);
        words.setFont(font);
        words.setText(text);
        words.setTextWrapping(TextWrapping.FILL_BOX);
        words.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.LEFT);
        words.setTextColor(Color.BLACK);
        words.setBackgroundColor(Color.WHITE);
        words.setPadding(3);
        SignatureImageParameters image = new SignatureImageParameters();
        image.setFieldParameters(place);
        image.setTextParameters(words);
        image.setBackgroundColor(Color.WHITE);
        return image;
    }
}
