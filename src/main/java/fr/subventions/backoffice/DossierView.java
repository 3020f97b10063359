package fr.subventions.backoffice;

import fr.subventions.backoffice.DossierBeneficiary.BeneficiaryHistory;
import fr.subventions.backoffice.DossierBudget.CommitmentLine;
import fr.subventions.backoffice.DossierBudget.ReservationLine;
import fr.subventions.backoffice.DossierConvention.ConventionPart;
import fr.subventions.backoffice.DossierDocuments.DocumentLine;
import fr.subventions.backoffice.DossierDocuments.ExpectedDocument;
import fr.subventions.backoffice.DossierHistory.HistoryLine;
import fr.subventions.backoffice.DossierPayments.SchedulePart;
import fr.subventions.backoffice.DossierRequest.ApplicantPart;
import fr.subventions.backoffice.DossierRequest.Examination;
import fr.subventions.backoffice.DossierRequest.Financing;
import fr.subventions.backoffice.DossierSeance.AgendaLine;
import fr.subventions.submission.Outcome;
import fr.subventions.submission.RequestStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The dossier page's read model ({@link DossierViews}): the request's heading and its stage, then a part per section of
 * the page, each read model declared with its section.
 */
public record DossierView(String reference, String title, String description, String theme, int fiscalYear,
        RequestStatus status, LocalDateTime stageSince, long daysAtStage, Outcome outcome, LocalDateTime submittedAt,
        String submittedBy, ApplicantPart applicant, Financing financing, Examination examination,
        List<DocumentLine> documents, List<ExpectedDocument> expectedDocuments, BeneficiaryHistory beneficiary,
        List<HistoryLine> history, List<AgendaLine> agenda, ConventionPart convention,
        List<ReservationLine> reservations, List<CommitmentLine> commitments, SchedulePart schedule) {

    /**
     * The document to show in the page, if {@code id} (as the address gives it, unchecked) names one of the request's
     * documents that a browser displays: a PDF or an image. Null otherwise.
     */
    public DocumentLine shown(String id) {
        if (id == null) {
            return null;
        }
        return documents.stream().filter(d -> d.inline() && d.id().toString().equals(id.strip())).findFirst()
                .orElse(null);
    }

    /** How many expected documents are still missing. */
    public long missingCount() {
        return expectedDocuments.stream().filter(e -> !e.received()).count();
    }

    /** An instant as the page shows it: the authority's local time. */
    static LocalDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
    }
}
