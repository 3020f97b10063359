package fr.subventions.submission;

import fr.subventions.shared.Caller;
import fr.subventions.shared.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class DocumentController {

    private final DocumentService documents;
    private final SubsidyRequestService requests;

    DocumentController(DocumentService documents, SubsidyRequestService requests) {
        this.documents = documents;
        this.requests = requests;
    }

    @PostMapping(path = "/api/requests/{reference}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('demandeurs')")
    ResponseEntity<DocumentView> upload(@PathVariable String reference, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String type, Caller caller) throws IOException {
        if (file == null) {
            throw new InvalidInputException("file", "le fichier est obligatoire");
        }
        DocumentType documentType;
        try {
            documentType = type == null ? null : DocumentType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("type", "type de pièce inconnu : " + type);
        }
        RequestDocument document = documents.upload(reference, documentType, file.getOriginalFilename(), file.getBytes(), caller);
        return ResponseEntity.created(URI.create("/api/documents/" + document.id() + "/content")).body(DocumentView.of(document));
    }

    @GetMapping("/api/requests/{reference}/documents")
    List<DocumentView> list(@PathVariable String reference, Caller caller) {
        return documents.list(requests.get(reference, caller), caller).stream().map(DocumentView::of).toList();
    }

    @GetMapping("/api/documents/{id}/content")
    ResponseEntity<byte[]> content(@PathVariable Long id, Caller caller) {
        return Downloads.of(documents.get(id, caller));
    }
}
