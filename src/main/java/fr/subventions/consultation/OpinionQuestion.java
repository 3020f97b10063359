package fr.subventions.consultation;

import java.time.LocalDate;
import java.util.List;

/**
 * What an officer asks: of whom (each recipient with the field a refusal about it names), the question, the deadline,
 * whether the opinions are confidential, the request's documents sent with it and the files uploaded with it.
 *
 * @param recipientsField the field that says none was chosen ({@code group} in the API, {@code askedOf} on the page)
 */
public record OpinionQuestion(List<Asked> recipients, String recipientsField, String question, LocalDate dueOn,
        boolean confidential, List<Long> documentIds, List<Upload> uploads) {

    /** A service or colleague asked, and the field that names them in a refusal. */
    public record Asked(Recipient recipient, String field) {
    }

    /** A file uploaded with the question, checked as every upload is before anything is filed. */
    public record Upload(String filename, byte[] content) {
    }

    public OpinionQuestion {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }
}
