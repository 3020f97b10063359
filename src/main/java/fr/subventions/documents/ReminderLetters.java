package fr.subventions.documents;

import fr.subventions.submission.ReminderDue;
import fr.subventions.submission.RequestMilestone;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Files the reminder letter a stage asked for, written from its announcement's details, then lets the announcement go
 * out with its PDF/A attached: in the stage's transaction, the letter before the e-mail that refers to it.
 */
@Component
class ReminderLetters {

    private final DocumentGenerator generator;
    private final Phrases phrases;
    private final ApplicationEventPublisher events;

    ReminderLetters(DocumentGenerator generator, Phrases phrases, ApplicationEventPublisher events) {
        this.generator = generator;
        this.phrases = phrases;
        this.events = events;
    }

    @EventListener
    void on(ReminderDue due) {
        RequestMilestone announcement = due.announcement();
        Map<String, Object> details = announcement.details();
        DocumentGenerator.Filed letter = switch (announcement.milestone()) {
            case SIGNATURE_REMINDER -> generator.reminder(announcement.requestId(),
                    phrases.get("reminder.signature.subject", details), List.of(
                            phrases.get("reminder.signature.pending", details),
                            phrases.get("reminder.signature.lapse", details)));
            case REPORT_REMINDER -> generator.reminder(announcement.requestId(),
                    phrases.get("reminder.report.subject", details), List.of(
                            phrases.get("reminder.report.balance", details),
                            // "late": the report's date is past
                            phrases.get(Boolean.TRUE.equals(details.get("late"))
                                    ? "reminder.report.late" : "reminder.report.due", details)));
            default -> throw new IllegalArgumentException("no reminder letter for " + announcement.milestone());
        };
        events.publishEvent(announcement.withDocument(letter.pdf().id()));
    }
}
