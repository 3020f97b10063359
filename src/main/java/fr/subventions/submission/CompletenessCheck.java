package fr.subventions.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.Length;

/**
 * The officer's verdict on a request's completeness (recevabilité): the items still missing and the day they are due
 * by — none once the file is complete — and the officer's comment. Kept in the request's own columns; a request not
 * checked yet, or found complete without a comment, has none (JPA reads a verdict of null columns as null).
 */
@Embeddable
class CompletenessCheck {

    /** One item a line: the officer names them, the applicant's pages and letters list them. */
    @Column(length = Length.LONG32)
    private String missingItems;

    private LocalDate missingItemsDue;

    @Column(length = Length.LONG32)
    private String completenessComment;

    protected CompletenessCheck() {
    }

    private CompletenessCheck(String missingItems, LocalDate missingItemsDue, String completenessComment) {
        this.missingItems = missingItems;
        this.missingItemsDue = missingItemsDue;
        this.completenessComment = completenessComment;
    }

    static CompletenessCheck complete(String comment) {
        return new CompletenessCheck(null, null, comment);
    }

    static CompletenessCheck incomplete(List<String> missing, LocalDate due, String comment) {
        return new CompletenessCheck(String.join("\n", missing), due, comment);
    }

    List<String> missingItems() {
        return missingItems == null ? List.of() : List.of(missingItems.split("\n"));
    }

    LocalDate due() {
        return missingItemsDue;
    }

    String comment() {
        return completenessComment;
    }
}
