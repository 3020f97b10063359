package fr.subventions.backoffice;

import fr.subventions.submission.RequestStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * One line of the worklist, as the page and the exports show it.
 *
 * @param services    the services of the budget lines proposed or committed, comma-separated, or null
 * @param takenBy     who holds the request's staff task, or null
 * @param awaitsTaker whether a staff task is open and nobody holds it (« à prendre »); false when the request waits for
 *                    the applicant, a séance or nothing
 * @param deadline    the stage's next deadline, or null when the stage has none
 * @param awaitingReplySince the day since which the request waits for its applicant's answer to an officer's
 *                    question (the authority's calendar), or null
 * @param unread      how many of the applicant's messages the user looking has not read (0 in an export)
 */
public record WorklistRow(Long id, String reference, String applicantName, String siret, String rna, String title,
        String theme, String services, int fiscalYear, BigDecimal requested, BigDecimal proposed, BigDecimal granted,
        RequestStatus stage, Instant stageSince, long daysAtStage, String takenBy, boolean awaitsTaker,
        Deadline deadline, LocalDate awaitingReplySince, long unread) {

    /** The deadlines a stage waits for, each a date in our tables. */
    public enum DeadlineKind {
        MISSING_DOCUMENTS("pièces manquantes"),
        SIGNATURE("signature de la convention"),
        FINANCIAL_REPORT("compte rendu financier");

        private final String label;

        DeadlineKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A deadline and where it stands today.
     *
     * @param days days left (0 on the day itself), or days late when {@code overdue}
     */
    public record Deadline(LocalDate due, DeadlineKind kind, boolean overdue, long days) {

        static Deadline of(LocalDate due, DeadlineKind kind, LocalDate today) {
            long left = ChronoUnit.DAYS.between(today, due);
            return new Deadline(due, kind, left < 0, Math.abs(left));
        }
    }

    /**
     * The stage's deadline from the request's dates: the missing documents' due date while the applicant is asked for
     * them, the convention's last day of validity until the beneficiary signs it, the financial report's due date until
     * it is received. {@code WorklistSql.DEADLINE} is the same rule in SQL, for sorting and the « en retard » filter.
     */
    static Deadline deadline(RequestStatus stage, LocalDate missingItemsDue, LocalDate validUntil,
            LocalDate beneficiarySignedOn, LocalDate reportDueOn, LocalDate reportReceivedOn, LocalDate today) {
        if (stage == RequestStatus.INCOMPLETE && missingItemsDue != null) {
            return Deadline.of(missingItemsDue, DeadlineKind.MISSING_DOCUMENTS, today);
        }
        if (stage == RequestStatus.AWAITING_SIGNATURES && beneficiarySignedOn == null && validUntil != null) {
            return Deadline.of(validUntil, DeadlineKind.SIGNATURE, today);
        }
        if (stage == RequestStatus.AWAITING_FINANCIAL_REPORT && reportReceivedOn == null && reportDueOn != null) {
            return Deadline.of(reportDueOn, DeadlineKind.FINANCIAL_REPORT, today);
        }
        return null;
    }

    /** Whole days since the request reached its stage, counted in the authority's calendar. */
    static long daysSince(Instant since, LocalDate today, ZoneId zone) {
        return Math.max(0, ChronoUnit.DAYS.between(since.atZone(zone).toLocalDate(), today));
    }
}
