package fr.subventions.submission;

/**
 * Who reads a request's documents besides the authority's staff, who read them all. Set by the document's type
 * ({@link DocumentType}), never document by document, and applied in one place ({@link DocumentService}) to the
 * portal, the API and the e-mails.
 */
public enum Visibility {

    /**
     * Shown to the applicant: listed in their space and the API, served to them, sent to them by e-mail — what they
     * filed, and the letters and acts addressed to them (acknowledgement, request for missing documents, extract of
     * the deliberation, convention, notification, reminders).
     */
    SHOWN_TO_APPLICANT,

    /**
     * Internal to the authority: never listed, served nor sent to the applicant, who gets 404 as for a document that
     * does not exist. The documents that prepare the decision — the instruction report, the officers' notes and
     * opinions — are preparatory documents, not communicable while the decision is being prepared (code des
     * relations entre le public et l'administration, L311-2); the portal does not open them afterwards either: what
     * the assembly retained reaches the applicant as the extract of the deliberation, and a request for access to
     * the report after the decision is answered by the authority, not by the portal. The engagement sheet is the
     * finance department's accounting record; the convocation and the minutes are the séance's, addressed to its
     * members.
     */
    INTERNAL
}
