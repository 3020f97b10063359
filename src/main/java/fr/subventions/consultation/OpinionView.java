package fr.subventions.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An opinion request as the API and the pages show it to a member of staff who may see it ({@link OpinionAccess}):
 * who was asked (with the label users read), by whom and when, the question, the deadline, whether it is confidential,
 * where it stands ({@link OpinionStatus}: late once its deadline has passed unanswered), and the opinion once given —
 * with whether it came after the deadline. {@code mayGive} and {@code mayWithdraw} say what the caller may do with it.
 */
public record OpinionView(Long id, String reference, AskedOf askedOf, String askedBy, String askedByName,
        Instant askedAt, String question, LocalDate dueOn, boolean confidential, OpinionStatus state, String stateLabel,
        Verdict verdict, String verdictLabel, String text, String givenBy, String givenByName, Instant givenAt,
        boolean givenLate, Instant withdrawnAt, String withdrawalReason, List<Long> documentIds, boolean mayGive,
        boolean mayWithdraw) {

    /** The service (its staff group) or the colleague asked, and how the pages name them. */
    public record AskedOf(String group, String user, String label) {
    }

    public boolean awaited() {
        return state == OpinionStatus.ASKED || state == OpinionStatus.LATE;
    }
}
