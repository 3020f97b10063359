package fr.subventions.documents;

import fr.subventions.submission.DocumentType;

/**
 * A document of a request was produced and filed with it: published in the transaction that files it, so that what
 * listens writes with the document or not at all (package {@code mail} sends the applicant the letters that concern
 * them). The séance's own documents, filed with no request, publish none.
 *
 * @param documentId the filed {@code request_document}
 */
public record DocumentProduced(Long requestId, DocumentType type, Long documentId) {
}
