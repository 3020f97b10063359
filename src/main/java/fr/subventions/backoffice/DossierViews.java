package fr.subventions.backoffice;

import fr.subventions.budget.BudgetService;
import fr.subventions.budget.Commitment;
import fr.subventions.budget.Reservation;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AgendaItem;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Tally;
import fr.subventions.convention.Convention;
import fr.subventions.convention.ConventionRequirement;
import fr.subventions.convention.ConventionRules;
import fr.subventions.convention.ConventionService;
import fr.subventions.payment.Payment;
import fr.subventions.payment.PaymentKind;
import fr.subventions.payment.PaymentSchedule;
import fr.subventions.payment.PaymentService;
import fr.subventions.shared.Caller;
import fr.subventions.submission.Applicant;
import fr.subventions.submission.Cofinancing;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.DocumentView;
import fr.subventions.submission.LegalForm;
import fr.subventions.submission.Opinion;
import fr.subventions.submission.Outcome;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.StageEvent;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.Visibility;
import fr.subventions.submission.VoteDecision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the dossier page shows of a request, read from our tables in one read-only transaction: the request as filed,
 * its documents against those expected, the applicant's other requests and grants of the fiscal year, the history, the
 * séance and its vote, the convention, the budget's reservations and commitments, the payment schedule. Every part
 * comes from its own module's read methods; none is computed again here.
 */
@Service
@Transactional(readOnly = true)
public class DossierViews {

    /**
     * The annual amount above which a grant to a private-law body needs a convention (loi n° 2000-321 art. 10, décret
     * n° 2001-495 art. 1), as dmn/convention-requirement.dmn applies it: the page sets the beneficiary's grants against it.
     */
    public static final BigDecimal CONVENTION_THRESHOLD = new BigDecimal("23000");

    /** How many of the applicant's other requests the page lists, the most recent first. */
    static final int OTHER_REQUESTS_SHOWN = 20;

    /** How many establishments of one SIREN are looked up for its requests. */
    private static final int SIRETS_LOOKED_UP = 20;

    private final SubsidyRequestService requests;
    private final DocumentService documents;
    private final ExpectedDocuments expectedDocuments;
    private final BeneficiaryRequests beneficiaryRequests;
    private final ConventionRules conventionRules;
    private final ConventionService conventions;
    private final Agenda agenda;
    private final BudgetService budget;
    private final PaymentService payments;
    private final Clock clock;

    DossierViews(SubsidyRequestService requests, DocumentService documents, ExpectedDocuments expectedDocuments,
            BeneficiaryRequests beneficiaryRequests, ConventionRules conventionRules, ConventionService conventions,
            Agenda agenda, BudgetService budget, PaymentService payments, Clock clock) {
        this.requests = requests;
        this.documents = documents;
        this.expectedDocuments = expectedDocuments;
        this.beneficiaryRequests = beneficiaryRequests;
        this.conventionRules = conventionRules;
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
        LocalDateTime since = reachedCurrentStage(request, history, zone);
        List<DocumentLine> files = documents.views(request, caller).stream().map(d -> DocumentLine.of(d, zone)).toList();
        return new DossierView(request.reference(), request.title(), request.description(), request.theme(),
                request.fiscalYear(), request.status(), since, ChronoUnit.DAYS.between(since.toLocalDate(), LocalDate.now(clock)),
                request.outcome(), local(request.submittedAt(), zone), request.submittedBy(),
                ApplicantPart.of(request.applicant()), Financing.of(request), Examination.of(request), files,
                expected(request, files), beneficiary(request), history, agenda(request), convention(request),
                budget.reservationsOf(request.id()).stream().map(ReservationLine::of).toList(),
                budget.commitmentsOf(request.id()).stream().map(c -> CommitmentLine.of(c, zone)).toList(),
                schedule(request));
    }

    // ------------------------------------------------------------------------------------------------ parts

    private List<ExpectedDocument> expected(SubsidyRequest request, List<DocumentLine> files) {
        Map<DocumentType, List<DocumentLine>> byType = new LinkedHashMap<>();
        files.forEach(f -> byType.computeIfAbsent(f.type(), t -> new ArrayList<>()).add(f));
        return expectedDocuments.of(request).stream().map(type -> {
            List<DocumentLine> received = byType.getOrDefault(type, List.of());
            return new ExpectedDocument(type, type.label(), received.size(),
                    received.isEmpty() ? null : received.get(received.size() - 1));
        }).toList();
    }

    private BeneficiaryHistory beneficiary(SubsidyRequest request) {
        Applicant applicant = request.applicant();
        PageRequest page = PageRequest.of(0, OTHER_REQUESTS_SHOWN + 1);
        Map<Long, OtherRequest> found = new LinkedHashMap<>();
        if (applicant.siret() != null && applicant.siret().length() >= 9) {
            for (String siret : beneficiaryRequests.siretsOf(applicant.siret().substring(0, 9) + "%",
                    PageRequest.of(0, SIRETS_LOOKED_UP))) {
                beneficiaryRequests.bySiret(siret, request.id(), page).forEach(r -> found.put(r.id(), r));
            }
        }
        if (applicant.rna() != null) {
            beneficiaryRequests.byRna(applicant.rna().toUpperCase(Locale.ROOT), request.id(), page)
                    .forEach(r -> found.put(r.id(), r));
        }
        List<OtherRequest> recent = found.values().stream().sorted(Comparator.comparing(OtherRequest::id).reversed())
                .limit(OTHER_REQUESTS_SHOWN)
                .sorted(Comparator.comparingInt(OtherRequest::fiscalYear).reversed()
                        .thenComparing(OtherRequest::reference, Comparator.reverseOrder()))
                .toList();
        return new BeneficiaryHistory(recent, found.size() > OTHER_REQUESTS_SHOWN, cumulation(request));
    }

    /**
     * The beneficiary's grants of the request's fiscal year as the convention rules add them up, and, while the request
     * is undecided or once granted, what the decision table says of the year with this request's amount.
     */
    private Cumulation cumulation(SubsidyRequest request) {
        BigDecimal thisGrant = request.outcome() == Outcome.GRANTED ? request.grantedAmount() : null;
        String basis;
        BigDecimal amount;
        if (thisGrant != null) {
            basis = "montant attribué";
            amount = thisGrant;
        } else if (request.outcome() != null) {
            return new Cumulation(request.fiscalYear(), conventionRules.earlierGrants(request), null,
                    CONVENTION_THRESHOLD, null);
        } else if (request.proposedAmount() != null) {
            basis = "montant proposé";
            amount = request.proposedAmount();
        } else {
            basis = "montant demandé";
            amount = request.requestedAmount();
        }
        ConventionRules.Assessment assessment = conventionRules.assess(request, amount);
        return new Cumulation(request.fiscalYear(), assessment.earlierGrants(), thisGrant, CONVENTION_THRESHOLD,
                new Projection(basis, amount, assessment.annualAmount(), assessment.requirement(), assessment.reason()));
    }

    private List<AgendaLine> agenda(SubsidyRequest request) {
        return agenda.agendaOf(request.id()).stream().map(AgendaLine::of).toList();
    }

    private ConventionPart convention(SubsidyRequest request) {
        return conventions.of(request.id()).map(ConventionPart::of).orElse(null);
    }

    private SchedulePart schedule(SubsidyRequest request) {
        return payments.find(request.id()).map(SchedulePart::of).orElse(null);
    }

    /**
     * When the request reached its current stage: the first of the last steps at that stage, so that a reminder or a
     * signature recorded since does not restart the count.
     */
    private static LocalDateTime reachedCurrentStage(SubsidyRequest request, List<HistoryLine> history, ZoneId zone) {
        LocalDateTime since = history.isEmpty() ? local(request.submittedAt(), zone) : history.get(history.size() - 1).at();
        for (int i = history.size() - 1; i >= 0 && history.get(i).stage() == request.status(); i--) {
            since = history.get(i).at();
        }
        return since;
    }

    private static LocalDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
    }

    /** "27,8 %": a share to a tenth of a percent, as French writes it. */
    static String percent(BigDecimal share) {
        if (share == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMinimumFractionDigits(share.stripTrailingZeros().scale() > 0 ? 1 : 0);
        format.setMaximumFractionDigits(1);
        return format.format(share) + "\u00a0%";
    }

    /** {@code part} as a percentage of {@code whole}, to a tenth; none of a zero whole. */
    static BigDecimal share(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }

    // ------------------------------------------------------------------------------------------------ read model

    /** The dossier page's read model. */
    public record DossierView(String reference, String title, String description, String theme, int fiscalYear,
            RequestStatus status, LocalDateTime stageSince, long daysAtStage, Outcome outcome, LocalDateTime submittedAt,
            String submittedBy, ApplicantPart applicant, Financing financing, Examination examination,
            List<DocumentLine> documents, List<ExpectedDocument> expectedDocuments, BeneficiaryHistory beneficiary,
            List<HistoryLine> history, List<AgendaLine> agenda, ConventionPart convention,
            List<ReservationLine> reservations, List<CommitmentLine> commitments, SchedulePart schedule) {

        /**
         * The document to show in the page, if {@code id} (as the address gives it, unchecked) names one of the
         * request's documents that a browser displays: a PDF or an image. Null otherwise.
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
    }

    /** The applicant as declared in the request. */
    public record ApplicantPart(String name, LegalForm legalForm, String siret, String siren, String rna, String address,
            String representative, String email) {

        static ApplicantPart of(Applicant a) {
            String siren = a.siret() != null && a.siret().length() >= 9 ? a.siret().substring(0, 9) : null;
            return new ApplicantPart(a.name(), a.legalForm(), a.siret(), siren, a.rna(), a.address(), a.representative(),
                    a.email());
        }
    }

    /**
     * The action's financing plan: the amount asked of the authority, then each other funder, each with its share of the
     * total budget; {@code balanced} when they add up to it.
     */
    public record Financing(BigDecimal totalBudget, BigDecimal requested, BigDecimal requestedShare, List<Funding> lines,
            BigDecimal planned, boolean balanced) {

        static Financing of(SubsidyRequest request) {
            BigDecimal total = request.totalBudget();
            List<Funding> lines = new ArrayList<>();
            lines.add(new Funding("Subvention demandée (cette demande)", request.requestedAmount(),
                    share(request.requestedAmount(), total), true));
            BigDecimal planned = request.requestedAmount();
            for (Cofinancing c : request.cofinancing()) {
                lines.add(new Funding(c.funder(), c.amount(), share(c.amount(), total), false));
                planned = planned.add(c.amount());
            }
            return new Financing(total, request.requestedAmount(), share(request.requestedAmount(), total),
                    List.copyOf(lines), planned, planned.compareTo(total) == 0);
        }

        public String requestedShareLabel() {
            return percent(requestedShare);
        }

        public String plannedShareLabel() {
            return percent(share(planned, totalBudget));
        }
    }

    /** One funder of the action, or the amount asked of the authority. */
    public record Funding(String funder, BigDecimal amount, BigDecimal share, boolean authority) {

        public String shareLabel() {
            return percent(share);
        }
    }

    /** What the completeness check and the instruction recorded. */
    public record Examination(String completenessComment, List<String> missingItems, LocalDate missingItemsDue,
            Opinion opinion, BigDecimal proposedAmount, String report, BigDecimal grantedAmount) {

        static Examination of(SubsidyRequest r) {
            return new Examination(r.completenessComment(), r.missingItems(), r.missingItemsDue(), r.opinion(),
                    r.proposedAmount(), r.report(), r.grantedAmount());
        }

        public String opinionLabel() {
            return opinion == null ? null : opinion == Opinion.FAVORABLE ? "Favorable" : "Défavorable";
        }
    }

    /** A document of the request, without its content. */
    public record DocumentLine(Long id, DocumentType type, String label, String filename, String mediaType, long size,
            int version, LocalDateTime filedAt, boolean generated, boolean internal) {

        /** The formats a browser shows in the page; the others are downloaded. */
        static final Set<String> INLINE = Set.of("application/pdf", "image/png", "image/jpeg");

        static DocumentLine of(DocumentView d, ZoneId zone) {
            return new DocumentLine(d.id(), d.type(), d.label(), d.filename(), d.mediaType(), d.size(), d.version(),
                    local(d.uploadedAt(), zone), d.generated(), d.visibility() == Visibility.INTERNAL);
        }

        public boolean inline() {
            return INLINE.contains(mediaType);
        }

        public boolean pdf() {
            return "application/pdf".equals(mediaType);
        }

        public boolean image() {
            return mediaType.startsWith("image/") && inline();
        }

        /** "PDF", "PNG", "Word"…: the format in words. */
        public String format() {
            return switch (mediaType) {
                case "application/pdf" -> "PDF";
                case "image/png" -> "PNG";
                case "image/jpeg" -> "JPEG";
                case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "Word";
                case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> "Excel";
                case "application/vnd.oasis.opendocument.text" -> "OpenDocument";
                default -> mediaType;
            };
        }

        /** "850 octets", "12,4 Ko", "3,2 Mo". */
        public String sizeLabel() {
            NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
            format.setMaximumFractionDigits(1);
            if (size < 1024) {
                return size + "\u00a0octets";
            }
            if (size < 1024 * 1024) {
                return format.format(size / 1024.0) + "\u00a0Ko";
            }
            return format.format(size / (1024.0 * 1024.0)) + "\u00a0Mo";
        }
    }

    /** An expected document, ticked against those received: {@code latest} is the last one filed of its type. */
    public record ExpectedDocument(DocumentType type, String label, int count, DocumentLine latest) {

        public boolean received() {
            return count > 0;
        }
    }

    /** The applicant's other requests (the most recent first, {@code more} when there are others) and their grants. */
    public record BeneficiaryHistory(List<OtherRequest> requests, boolean more, Cumulation cumulation) {
    }

    /** Another request of the same beneficiary. */
    public record OtherRequest(Long id, String reference, int fiscalYear, String title, RequestStatus status,
            Outcome outcome, BigDecimal requested, BigDecimal granted) {

        /** The decision, or the stage of a request still undecided. */
        public String outcomeLabel() {
            return outcome != null ? outcome.label() : "En cours : " + status.label().toLowerCase(Locale.FRANCE);
        }
    }

    /**
     * The beneficiary's grants over the fiscal year: those of its other requests ({@code earlierGrants}, as
     * {@link ConventionRules} adds them up), this request's once granted, set against the threshold; and the decision
     * table's answer for the year with this request's amount ({@code projection}, none for a request refused, withdrawn
     * or lapsed).
     */
    public record Cumulation(int fiscalYear, BigDecimal earlierGrants, BigDecimal thisGrant, BigDecimal threshold,
            Projection projection) {

        /** What the beneficiary was granted over the fiscal year, this request included once granted. */
        public BigDecimal grantedTotal() {
            return thisGrant == null ? earlierGrants : earlierGrants.add(thisGrant);
        }

        public boolean aboveThreshold() {
            return grantedTotal().compareTo(threshold) > 0;
        }
    }

    /** The year's amount with this request's ({@code basis}: requested, proposed or granted) and the table's answer. */
    public record Projection(String basis, BigDecimal amount, BigDecimal annualAmount, ConventionRequirement requirement,
            String reason) {

        public boolean mandatory() {
            return requirement == ConventionRequirement.MANDATORY;
        }
    }

    /** One step of the request's history. */
    public record HistoryLine(LocalDateTime at, String actor, RequestStatus stage, String result) {

        static HistoryLine of(StageEvent e, ZoneId zone) {
            return new HistoryLine(local(e.at(), zone), e.actor(), e.stage(), e.result());
        }
    }

    /** The request on a séance's agenda, and what the assembly decided. */
    public record AgendaLine(Long sessionId, String session, LocalDate sessionDate, String sessionStatus, int position,
            BigDecimal amount, BigDecimal votedAmount, VoteDecision decision, boolean withdrawn, boolean secretBallot,
            boolean withoutQuorum, boolean adjournedForLackOfQuorum, int standingAside, String deliberationNumber,
            Tally tally) {

        static AgendaLine of(AgendaItem item) {
            AssemblySession session = item.session();
            return new AgendaLine(session.id(), session.label(), session.sessionDate(), session.status().label(),
                    item.position(), item.amount(), item.votedAmount(), item.decision(), item.withdrawn(),
                    item.secretBallot(), item.withoutQuorum(), item.adjournedForLackOfQuorum(),
                    item.decision() == null ? 0 : item.standingAside().size(), item.deliberationNumber(), item.tally());
        }

        /** Whether the assembly voted on it: adopted or rejected, not adjourned. */
        public boolean voted() {
            return decision == VoteDecision.ADOPTED || decision == VoteDecision.REJECTED;
        }

        public String decisionLabel() {
            if (withdrawn) {
                return "Retirée par le demandeur";
            }
            if (decision == null) {
                return "À voter";
            }
            return switch (decision) {
                case ADOPTED -> "Adoptée";
                case REJECTED -> "Rejetée";
                case ADJOURNED -> adjournedForLackOfQuorum ? "Ajournée faute de quorum" : "Ajournée";
            };
        }
    }

    /** The convention and its two signatures. */
    public record ConventionPart(BigDecimal amount, LocalDate draftedOn, LocalDate validUntil, String beneficiarySignedBy,
            LocalDate beneficiarySignedOn, String presidentSignedBy, LocalDate presidentSignedOn, LocalDate concludedOn,
            LocalDate lapsedOn, int remindersSent) {

        static ConventionPart of(Convention c) {
            return new ConventionPart(c.amount(), c.draftedOn(), c.validUntil(), c.beneficiarySignedBy(),
                    c.beneficiarySignedOn(), c.presidentSignedBy(), c.presidentSignedOn(),
                    c.isSignedByBoth() ? c.concludedOn() : null, c.lapsedOn(), c.remindersSent());
        }
    }

    /** Credits held on a budget line from the instruction until the commitment or their release. */
    public record ReservationLine(String code, String label, String service, BigDecimal amount, boolean active) {

        static ReservationLine of(Reservation r) {
            return new ReservationLine(r.line().code(), r.line().label(), r.line().service(), r.amount(), r.active());
        }
    }

    /** A commitment (engagement) of the granted amount on a budget line, with finance's number. */
    public record CommitmentLine(String engagementNumber, String code, String label, String service, BigDecimal amount,
            LocalDateTime committedAt, String committedBy) {

        static CommitmentLine of(Commitment c, ZoneId zone) {
            return new CommitmentLine(c.engagementNumber(), c.line().code(), c.line().label(), c.line().service(),
                    c.amount(), local(c.committedAt(), zone), c.committedBy());
        }
    }

    /** The grant's payment schedule and the compte rendu financier it waits for. */
    public record SchedulePart(BigDecimal granted, List<PaymentLine> payments, BigDecimal paid, LocalDate reportDueOn,
            LocalDate reportReceivedOn, boolean fullyPaid) {

        static SchedulePart of(PaymentSchedule s) {
            List<PaymentLine> lines = s.payments().stream().map(PaymentLine::of).toList();
            BigDecimal paid = s.payments().stream().filter(Payment::paid).map(Payment::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return new SchedulePart(s.granted(), lines, paid, s.reportDueOn(), s.reportReceivedOn(), s.fullyPaid());
        }
    }

    /** One payment of the schedule, planned or made. */
    public record PaymentLine(PaymentKind kind, BigDecimal amount, LocalDate dueOn, LocalDate paidOn,
            String mandateReference, String paidBy) {

        static PaymentLine of(Payment p) {
            return new PaymentLine(p.kind(), p.amount(), p.dueOn(), p.paidOn(), p.mandateReference(), p.paidBy());
        }

        /** When it falls due, in words when no date is set yet. */
        public String dueLabel() {
            if (dueOn != null) {
                return fr.subventions.shared.FrenchText.date(dueOn);
            }
            return kind == PaymentKind.BALANCE ? "à réception du compte rendu financier"
                    : "à la conclusion de la convention (sans convention, à l'engagement des crédits)";
        }
    }
}
