package fr.subventions.submission;

/**
 * A reminder to the beneficiary fell due (the convention's signature, the financial report): published in the step's
 * transaction by the stage that keeps the deadline. The reminder letter is written from the announcement's details and
 * filed first (package {@code documents}), then the announcement goes out with the letter attached, in that same
 * transaction.
 *
 * @param announcement the step the applicant hears of by e-mail ({@code SIGNATURE_REMINDER}, {@code REPORT_REMINDER}),
 *                     without its document yet
 */
public record ReminderDue(RequestMilestone announcement) {
}
