package fr.subventions.mail;

import fr.subventions.convention.ConventionService;
import fr.subventions.documents.DocumentProduced;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.submission.RequestMilestone;
import fr.subventions.submission.RequestMilestone.Milestone;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The letters that go to the applicant by e-mail, attached to the step they tell of, as PDF/A (the rendition filed
 * beside the .docx, which stays with the authority): the acknowledgement, the request for missing documents, the
 * convention to sign and the notification at closing. Written in the transaction that
 * filed the document, so that no e-mail refers to a document rolled back. The reminder letters go with their own
 * announcement ({@code ReminderDue}), the other documents with none.
 */
@Component
class DocumentMails {

    private final Notifications notifications;
    private final ConventionService conventions;

    DocumentMails(Notifications notifications, ConventionService conventions) {
        this.notifications = notifications;
        this.conventions = conventions;
    }

    @EventListener
    void on(DocumentProduced produced) {
        milestone(produced).ifPresent(notifications::on);
    }

    private Optional<RequestMilestone> milestone(DocumentProduced produced) {
        Long requestId = produced.requestId();
        return switch (produced.type()) {
            case ACKNOWLEDGEMENT -> Optional.of(RequestMilestone.of(requestId, Milestone.RECEIVED, produced.pdfId()));
            case MISSING_ITEMS_REQUEST -> Optional.of(RequestMilestone.of(requestId, Milestone.MISSING_ITEMS_REQUESTED,
                    produced.pdfId()));
            // the e-mail tells the amount and the last day to sign, as the convention has them
            case CONVENTION -> conventions.of(requestId).map(c -> RequestMilestone.of(requestId,
                    Milestone.CONVENTION_TO_SIGN, produced.pdfId())
                    .with("grantedAmount", Money.format(c.amount()))
                    .with("validUntil", FrenchText.date(c.validUntil())));
            case NOTIFICATION_GRANTED, NOTIFICATION_REJECTED -> Optional.of(RequestMilestone.of(requestId,
                    Milestone.CLOSED, produced.pdfId()));
            default -> Optional.empty();
        };
    }
}
