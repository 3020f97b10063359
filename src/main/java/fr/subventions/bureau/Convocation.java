package fr.subventions.bureau;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The convocation is sent at least 5 jours francs before the séance (L2121-12): neither the day of sending nor the
 * day of the séance counts. Sent Friday 8 September for Thursday 14 September leaves 9 to 13 September: 5 days.
 */
public final class Convocation {

    public static final int ORDINARY_NOTICE_DAYS = 5;
    /** In a recorded urgency, the notice may be cut down to one jour franc. */
    public static final int URGENT_NOTICE_DAYS = 1;

    private Convocation() {
    }

    public static long clearDays(LocalDate sentOn, LocalDate sessionDate) {
        return Math.max(0, ChronoUnit.DAYS.between(sentOn, sessionDate) - 1);
    }

    public static boolean isTimely(LocalDate sentOn, LocalDate sessionDate) {
        return isTimely(sentOn, sessionDate, false);
    }

    public static boolean isTimely(LocalDate sentOn, LocalDate sessionDate, boolean urgent) {
        return clearDays(sentOn, sessionDate) >= requiredDays(urgent);
    }

    /** L2121-17: without quorum, the assembly "est à nouveau convoquée à trois jours au moins d'intervalle". */
    public static final int RECONVENING_INTERVAL_DAYS = 3;

    /** The earliest date of the séance convened again after {@code firstSession} lacked quorum. */
    public static LocalDate earliestReconvening(LocalDate firstSession) {
        return firstSession.plusDays(RECONVENING_INTERVAL_DAYS);
    }

    public static boolean isReconveningTimely(LocalDate firstSession, LocalDate newSession) {
        return !newSession.isBefore(earliestReconvening(firstSession));
    }

    public static int requiredDays(boolean urgent) {
        return urgent ? URGENT_NOTICE_DAYS : ORDINARY_NOTICE_DAYS;
    }
}
