package fr.subventions.documents;

/**
 * A PDF/A rendition that could not be made (LibreOffice missing, not started, or too slow): the document task fails,
 * is retried, and its job ends in an incident whose message is this one, with nothing filed.
 */
public class PdfRenditionException extends RuntimeException {

    public PdfRenditionException(String message, Throwable cause) {
        super(message, cause);
    }

    public PdfRenditionException(String message) {
        super(message);
    }
}
