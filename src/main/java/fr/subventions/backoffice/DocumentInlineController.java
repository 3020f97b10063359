package fr.subventions.backoffice;

import fr.subventions.shared.Caller;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.Downloads;
import fr.subventions.submission.RequestDocument;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A request's document for staff, from the dossier page: a PDF or an image shown in the page, any document downloaded.
 * Who may read which document is {@link DocumentService#get}'s rule, as for the API and the portal.
 *
 * <p>A file comes from an applicant: it is served with the media type checked from its content when it was filed
 * (never sniffed, {@code X-Content-Type-Options: nosniff}), and under a sandboxing Content-Security-Policy, so that a
 * document opened on its own runs no script, submits no form and gets none of the application's origin. Only a PDF or
 * an image is served inline, and framed by our own pages alone; every other format is an attachment.
 */
@Controller
class DocumentInlineController {

    /**
     * No script, no form, no plugin, an opaque origin; the browser's own viewer may style the PDF or the image. Framed
     * by our own pages only: a browser that reads frame-ancestors ignores X-Frame-Options (CSP Level 2), which Spring
     * Security sets to DENY on every response and the dossier page's preview would otherwise hit.
     */
    static final String SANDBOX = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
            + "frame-ancestors 'self'";

    private final DocumentService documents;

    DocumentInlineController(DocumentService documents) {
        this.documents = documents;
    }

    @GetMapping("/gestion/documents/{id}")
    ResponseEntity<byte[]> show(@PathVariable Long id, Caller caller) {
        RequestDocument document = documents.get(id, caller);
        if (!DossierDocuments.DocumentLine.INLINE.contains(document.mediaType())) {
            return sandboxed(Downloads.of(document));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(document.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .body(document.content());
    }

    @GetMapping("/gestion/documents/{id}/telechargement")
    ResponseEntity<byte[]> download(@PathVariable Long id, Caller caller) {
        return sandboxed(Downloads.of(documents.get(id, caller)));
    }

    private static ResponseEntity<byte[]> sandboxed(ResponseEntity<byte[]> download) {
        return ResponseEntity.status(download.getStatusCode()).headers(download.getHeaders())
                .header("Content-Security-Policy", SANDBOX).body(download.getBody());
    }
}
