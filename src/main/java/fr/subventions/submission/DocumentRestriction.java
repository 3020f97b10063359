package fr.subventions.submission;

import fr.subventions.shared.Caller;

/**
 * A reason, another module's, to keep one of a request's internal documents from some members of staff, who otherwise
 * read them all: the files sent with a confidential request for an opinion are read only by those who may see the
 * opinion (package {@code consultation}). {@link DocumentService} asks every bean of this type before it lists or serves
 * a document to a caller; an applicant never sees an internal document whatever they say.
 */
public interface DocumentRestriction {

    /** Whether this document, of this type, is kept from this caller. */
    boolean hides(Long documentId, DocumentType type, Caller caller);
}
