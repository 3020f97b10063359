package fr.subventions.acts;

import java.time.LocalDate;

/**
 * The list of the deliberations a séance examined is published on the authority's website within a week of the
 * séance (CGCT L2121-25, as rewritten by ordonnance 2021-1310); the deliberations themselves are published as soon as
 * signed, without which they are not executory (L2131-1), so the same week is asked of them here.
 */
public final class PublicationDeadline {

    /** The week L2121-25 gives. */
    public static final int DAYS = 7;

    private PublicationDeadline() {
    }

    /** The last day to publish the act of a séance held on {@code sessionDate}. */
    public static LocalDate dueOn(LocalDate sessionDate) {
        return sessionDate.plusDays(DAYS);
    }

    static LocalDate dueOn(Act act) {
        return dueOn(act.decidedOn());
    }

    /** Not yet online the day after its last day. */
    public static boolean overdue(LocalDate sessionDate, LocalDate publishedOn, LocalDate today) {
        return publishedOn == null && today.isAfter(dueOn(sessionDate));
    }

    static boolean overdue(Act act, LocalDate today) {
        return overdue(act.decidedOn(), act.publishedOn(), today);
    }
}
