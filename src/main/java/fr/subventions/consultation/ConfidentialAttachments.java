package fr.subventions.consultation;

import fr.subventions.shared.Caller;
import fr.subventions.submission.DocumentRestriction;
import fr.subventions.submission.DocumentType;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A file uploaded with a question is read by whoever may see one of the opinion requests it was sent with: a file sent
 * with confidential requests only is kept from the staff who see none of them ({@link OpinionAccess}). The request's
 * own documents chosen for a question stay the dossier's, seen by all staff.
 */
@Component
@Transactional(readOnly = true)
class ConfidentialAttachments implements DocumentRestriction {

    private final OpinionRequestRepository opinions;

    ConfidentialAttachments(OpinionRequestRepository opinions) {
        this.opinions = opinions;
    }

    @Override
    public boolean hides(Long documentId, DocumentType type, Caller caller) {
        if (type != DocumentType.OPINION_ATTACHMENT) {
            return false;
        }
        List<OpinionRequest> sentWith = opinions.findByDocument(documentId);
        return !sentWith.isEmpty() && sentWith.stream().noneMatch(opinion -> OpinionAccess.maySee(opinion, caller));
    }
}
