package fr.subventions.mail;

import fr.subventions.convention.ConventionOpenedForSignature;
import fr.subventions.convention.ConventionService;
import fr.subventions.documents.DocumentProduced;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
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
 * <p>
 * The convention goes when the beneficiary may sign it, with the last day to sign: when its signature opens (once the
 * deliberation is executory), the convention filed long before; or, if it opened first, when it is filed.
 */
@Component
class DocumentMails {

    private final Notifications notifications;
    private final ConventionService conventions;
    private final DocumentService documents;

    DocumentMails(Notifications notifications, ConventionService conventions, DocumentService documents) {
        this.notifications = notifications;
        this.conventions = conventions;
        this.documents = documents;
    }

    @EventListener
    void on(DocumentProduced produced) {
        milestone(produced).ifPresent(notifications::on);
    }

    @EventListener
    void on(ConventionOpenedForSignature opened) {
        documents.latestPdf(opened.requestId(), null, DocumentType.CONVENTION)
                .flatMap(pdf -> conventionToSign(opened.requestId(), pdf.id())).ifPresent(notifications::on);
    }

    private Optional<RequestMilestone> milestone(DocumentProduced produced) {
        Long requestId = produced.requestId();
        return switch (produced.type()) {
            case ACKNOWLEDGEMENT -> Optional.of(RequestMilestone.of(requestId, Milestone.RECEIVED, produced.pdfId()));
            case MISSING_ITEMS_REQUEST -> Optional.of(RequestMilestone.of(requestId, Milestone.MISSING_ITEMS_REQUESTED,
                    produced.pdfId()));
            case CONVENTION -> conventionToSign(requestId, produced.pdfId());
            case NOTIFICATION_GRANTED, NOTIFICATION_REJECTED -> Optional.of(RequestMilestone.of(requestId,
                    Milestone.CLOSED, produced.pdfId()));
            default -> Optional.empty();
        };
    }

    /** The convention to sign, with the amount and the last day to sign as it has them: none before its signature opens. */
    private Optional<RequestMilestone> conventionToSign(Long requestId, Long pdfId) {
        return conventions.of(requestId).filter(c -> c.validUntil() != null)
                .map(c -> RequestMilestone.of(requestId, Milestone.CONVENTION_TO_SIGN, pdfId)
                        .with("grantedAmount", Money.format(c.amount()))
                        .with("validUntil", FrenchText.date(c.validUntil())));
    }
}
