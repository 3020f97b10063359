package fr.subventions.documents;

import fr.subventions.submission.DocumentType;

/**
 * A document of a request was produced and filed with it: published in the transaction that files it, so that what
 * listens writes with the document or not at all (package {@code mail} sends the applicant the letters that concern
 * them). The séance's own documents, filed with no request, publish none.
 *
 * @param documentId the filed {@code request_document}: the .docx (the .xlsx for the engagement sheet)
 * @param pdfId      its PDF/A rendition, filed beside it: what leaves the authority (the e-mail's attachment); null
 *                   for the engagement sheet, a workbook for finance with no rendition
 */
public record DocumentProduced(Long requestId, DocumentType type, Long documentId, Long pdfId) {
}
