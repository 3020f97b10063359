package fr.subventions.signature;

import fr.subventions.shared.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.util.unit.DataSize;

/**
 * A PDF as it arrives, checked before any library reads its signatures: not empty, not too large, a PDF (« %PDF- » in
 * its first kilobyte, ISO 32000-1 § 7.5.2), complete (« %%EOF » in its last kilobyte, § 7.5.5), readable, not
 * encrypted. Anything else: a French error on the field, nothing done.
 */
final class PdfInput {

    static final String FIELD = "document";
    /** The authority's own acts, signed whatever their size. */
    static final DataSize ANY_SIZE = DataSize.ofBytes(Long.MAX_VALUE);
    private static final int WINDOW = 1024;

    private PdfInput() {
    }

    /** The document, open, for the caller to close. */
    static PDDocument open(byte[] pdf, DataSize maxSize) {
        if (pdf == null || pdf.length == 0) {
            throw invalid("Le fichier est vide.");
        }
        if (pdf.length > maxSize.toBytes()) {
            throw invalid("Le fichier dépasse la taille maximale acceptée (" + inFrench(maxSize) + ").");
        }
        if (!contains(pdf, 0, Math.min(WINDOW, pdf.length), "%PDF-")) {
            throw invalid("Le fichier n'est pas un PDF.");
        }
        if (!contains(pdf, Math.max(0, pdf.length - WINDOW), pdf.length, "%%EOF")) {
            throw invalid("Le PDF est incomplet (il semble tronqué) : déposez le fichier entier.");
        }
        PDDocument document;
        try {
            document = Loader.loadPDF(pdf);
        } catch (InvalidPasswordException e) {
            throw invalid("Le PDF est protégé par un mot de passe : déposez-le sans protection.");
        } catch (IOException | RuntimeException e) {
            throw invalid("Le PDF est illisible ou endommagé.");
        }
        if (document.isEncrypted()) {
            close(document);
            throw invalid("Le PDF est chiffré : déposez-le sans protection ni chiffrement.");
        }
        return document;
    }

    /** « 10 Mo », « 512 Ko ». */
    static String inFrench(DataSize size) {
        return size.toMegabytes() >= 1 ? size.toMegabytes() + " Mo" : size.toKilobytes() + " Ko";
    }

    static InvalidInputException invalid(String message) {
        return new InvalidInputException(FIELD, message);
    }

    static void close(PDDocument document) {
        try {
            document.close();
        } catch (IOException e) {
            // an in-memory document: nothing held
        }
    }

    private static boolean contains(byte[] bytes, int from, int to, String marker) {
        byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        for (int i = from; i <= to - m.length; i++) {
            int k = 0;
            while (k < m.length && bytes[i + k] == m[k]) {
                k++;
            }
            if (k == m.length) {
                return true;
            }
        }
        return false;
    }
}
