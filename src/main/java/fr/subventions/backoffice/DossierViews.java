package fr.subventions.backoffice;

import fr.subventions.backoffice.DossierBudget.CommitmentLine;
import fr.subventions.backoffice.DossierBudget.ReservationLine;
import fr.subventions.backoffice.DossierConvention.ConventionPart;
import fr.subventions.backoffice.DossierDocuments.DocumentLine;
import fr.subventions.backoffice.DossierHistory.HistoryLine;
import fr.subventions.backoffice.DossierPayments.SchedulePart;
import fr.subventions.backoffice.DossierRequest.ApplicantPart;
import fr.subventions.backoffice.DossierRequest.Examination;
import fr.subventions.backoffice.DossierRequest.Financing;
import fr.subventions.backoffice.DossierSeance.AgendaLine;
import fr.subventions.budget.BudgetService;
import fr.subventions.bureau.Agenda;
import fr.subventions.convention.ConventionService;
import fr.subventions.payment.PaymentService;
import fr.subventions.shared.Caller;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the dossier page shows of a request, read from our tables in one read-only transaction: the request as filed,
 * its documents against those expected, the applicant's other requests and grants of the fiscal year, the history, the
 * séance and its vote, the convention, the budget's reservations and commitments, the payment schedule. Every part
 * comes from its own module's read methods; none is computed again here. Each section's read model is declared in its
 * own class ({@link DossierRequest}, {@link DossierDocuments}, {@link DossierBeneficiary}, {@link DossierSeance},
 * {@link DossierConvention}, {@link DossierBudget}, {@link DossierPayments}, {@link DossierHistory}).
 */
@Service
@Transactional(readOnly = true)
public class DossierViews {

    private final SubsidyRequestService requests;
    private final DossierDocuments documents;
    private final DossierBeneficiary beneficiary;
    private final ConventionService conventions;
    private final Agenda agenda;
    private final BudgetService budget;
    private final PaymentService payments;
    private final Clock clock;

    DossierViews(SubsidyRequestService requests, DossierDocuments documents, DossierBeneficiary beneficiary,
            ConventionService conventions, Agenda agenda, BudgetService budget, PaymentService payments, Clock clock) {
        this.requests = requests;
        this.documents = documents;
        this.beneficiary = beneficiary;
        this.conventions = conventions;
        this.agenda = agenda;
        this.budget = budget;
        this.payments = payments;
        this.clock = clock;
    }

    /** The dossier of a request, for a member of staff (404 for an unknown reference). */
    public DossierView of(String reference, Caller caller) {
        SubsidyRequest request = requests.get(reference, caller);
        ZoneId zone = clock.getZone();
        List<HistoryLine> history = request.history().stream().map(e -> HistoryLine.of(e, zone)).toList();
        LocalDateTime since = DossierHistory.reachedCurrentStage(request, history, zone);
        List<DocumentLine> files = documents.of(request, caller, zone);
        return new DossierView(request.reference(), request.title(), request.description(), request.theme(),
                request.fiscalYear(), request.status(), since, ChronoUnit.DAYS.between(since.toLocalDate(), LocalDate.now(clock)),
                request.outcome(), DossierView.local(request.submittedAt(), zone), request.submittedBy(),
                ApplicantPart.of(request.applicant()), Financing.of(request), Examination.of(request), files,
                documents.expected(request, files), beneficiary.of(request), history,
                agenda.agendaOf(request.id()).stream().map(AgendaLine::of).toList(),
                conventions.of(request.id()).map(ConventionPart::of).orElse(null),
                budget.reservationsOf(request.id()).stream().map(ReservationLine::of).toList(),
                budget.commitmentsOf(request.id()).stream().map(c -> CommitmentLine.of(c, zone)).toList(),
                payments.find(request.id()).map(SchedulePart::of).orElse(null));
    }
}
