package fr.subventions.documents;

import fr.subventions.budget.BudgetService;
import fr.subventions.budget.Commitment;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AgendaItem;
import fr.subventions.convention.Convention;
import fr.subventions.convention.ConventionService;
import fr.subventions.convention.FrameworkService;
import fr.subventions.payment.PaymentSchedule;
import fr.subventions.payment.PaymentSchedules;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.Outcome;
import fr.subventions.submission.SubsidyRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The models of the documents that follow the decision — the convention, the notification of the grant or of its
 * rejection —, built from the decision, the convention and the schedule finance pays by ({@link PaymentSchedules}).
 */
@Component
class GrantDocuments {

    record ConventionDocument(RequestFacts request, List<String> framework, String president, String bodyLabel,
            String decisionDate, String grantedAmount, String grantedAmountInWords, String budgetLines,
            String paymentTerms, List<String> obligations, String endDate, String beneficiarySignedOn,
            String presidentSignedOn) implements DocumentModel {
        @Override
        public DocumentType type() {
            return DocumentType.CONVENTION;
        }
    }

    record GrantNotification(RequestFacts request, String president, String bodyLabel, String decisionDate,
            String grantedAmount, String grantedAmountInWords, String conventionSignedOn, String conventionTerms,
            String engagements, String reportDue) implements DocumentModel {
        @Override
        public DocumentType type() {
            return DocumentType.NOTIFICATION_GRANTED;
        }
    }

    record RejectionNotification(RequestFacts request, String president, String bodyLabel, String decisionDate,
            String reason) implements DocumentModel {
        @Override
        public DocumentType type() {
            return DocumentType.NOTIFICATION_REJECTED;
        }
    }

    private final RequestLetters letters;
    private final Agenda agenda;
    private final ConventionService conventions;
    private final FrameworkService frameworks;
    private final BudgetService budget;
    private final PaymentSchedules schedules;
    private final Phrases phrases;
    private final PaymentTerms terms;
    private final Authority authority;

    GrantDocuments(RequestLetters letters, Agenda agenda, ConventionService conventions,
            FrameworkService frameworks, BudgetService budget, PaymentSchedules schedules, Phrases phrases,
            Authority authority) {
        this.letters = letters;
        this.agenda = agenda;
        this.conventions = conventions;
        this.frameworks = frameworks;
        this.budget = budget;
        this.schedules = schedules;
        this.phrases = phrases;
        this.terms = new PaymentTerms(phrases);
        this.authority = authority;
    }

    ConventionDocument convention(SubsidyRequest request) {
        Optional<AgendaItem> decision = agenda.decisionOn(request.id());
        // the schedule finance then pays, drawn up when the convention was drafted
        PaymentSchedule schedule = schedules.drawUp(request.id());
        BigDecimal granted = schedule.granted();
        String reportDue = FrenchText.date(schedule.reportDueOn());
        Optional<Convention> convention = conventions.of(request.id());
        return new ConventionDocument(letters.facts(request),
                frameworks.of(request.id()).map(f -> List.of(phrases.get("convention.framework", "reference",
                        f.reference(), "period", f.period(), "object", f.object(), "signedOn",
                        FrenchText.date(f.signedOn()), "fiscalYear", request.fiscalYear()))).orElse(List.of()),
                decision.map(i -> i.session().president().fullName()).orElse(""),
                decision.map(i -> i.session().body().label()).orElse(""),
                decision.map(i -> FrenchText.longDate(i.session().sessionDate())).orElse(""),
                Money.format(granted), FrenchText.amountInWords(granted),
                budget.reservationsOf(request.id()).stream()
                        .map(r -> phrases.get("convention.budgetLine", "code", r.line().code(), "amount",
                                Money.format(r.amount())))
                        .collect(Collectors.joining(", ")),
                terms.inConvention(schedule), obligations(request, reportDue), reportDue,
                convention.map(Convention::beneficiarySignedOn).map(FrenchText::date).orElse(""),
                convention.map(Convention::presidentSignedOn).map(FrenchText::date).orElse(""));
    }

    /** Article 5: the beneficiary's obligations, the Contrat d'Engagement Républicain for those who signed it. */
    private List<String> obligations(SubsidyRequest request, String reportDue) {
        List<String> obligations = new ArrayList<>();
        obligations.add(phrases.get("convention.obligation.action", "authorityName", authority.name()));
        obligations.add(phrases.get("convention.obligation.report", "fiscalYear", request.fiscalYear(), "reportDue",
                reportDue));
        if (request.applicant().legalForm().signsRepublicanCommitment()) {
            obligations.add(phrases.get("convention.obligation.republicanCommitment"));
        }
        obligations.add(phrases.get("convention.obligation.publicity", "authorityName", authority.name()));
        obligations.add(phrases.get("convention.obligation.control", "authorityName", authority.name()));
        return obligations;
    }

    /** The letter that ends a request: the grant, or its rejection, as the request ended. */
    DocumentModel notification(SubsidyRequest request) {
        return request.outcome() == Outcome.GRANTED ? granted(request) : rejected(request);
    }

    private GrantNotification granted(SubsidyRequest request) {
        Optional<AgendaItem> decision = agenda.decisionOn(request.id());
        Optional<Convention> convention = conventions.of(request.id());
        PaymentSchedule schedule = schedules.drawUp(request.id());
        return new GrantNotification(letters.facts(request), president(decision),
                decision.map(i -> i.session().body().label()).orElse(""),
                decision.map(i -> FrenchText.longDate(i.session().sessionDate())).orElse(""),
                Money.format(request.grantedAmount()), FrenchText.amountInWords(request.grantedAmount()),
                convention.map(Convention::presidentSignedOn).map(FrenchText::date).orElse(""),
                convention.map(c -> phrases.get("notification.withConvention", "signedOn",
                                c.presidentSignedOn() == null ? "" : FrenchText.date(c.presidentSignedOn())))
                        .orElseGet(() -> phrases.get("notification.withoutConvention", "payments",
                                terms.withoutConvention(schedule))),
                budget.commitmentsOf(request.id()).stream().map(Commitment::engagementNumber)
                        .collect(Collectors.joining(", ")),
                FrenchText.date(schedule.reportDueOn()));
    }

    private RejectionNotification rejected(SubsidyRequest request) {
        Optional<AgendaItem> decision = agenda.decisionOn(request.id());
        Optional<Convention> lapsed = conventions.of(request.id()).filter(c -> c.lapsedOn() != null);
        String reason = lapsed.isPresent()
                ? phrases.get("notification.lapsed", "draftedOn", FrenchText.date(lapsed.get().draftedOn()),
                        "validUntil", FrenchText.date(lapsed.get().validUntil()), "amount",
                        Money.format(lapsed.get().amount()))
                : decision.isPresent()
                ? phrases.get("notification.rejectedByVote", "bodyLabel", decision.get().session().body().label(),
                        "sessionDate", FrenchText.longDate(decision.get().session().sessionDate()))
                : phrases.get("notification.unfavourableOpinion", "authorityName", authority.name());
        return new RejectionNotification(letters.facts(request), president(decision),
                decision.map(i -> i.session().body().label()).orElse(""),
                decision.map(i -> FrenchText.longDate(i.session().sessionDate())).orElse(""), reason);
    }

    /** Who signs the letter: the president of the séance that decided, or the executive's role. */
    private String president(Optional<AgendaItem> decision) {
        return decision.map(i -> i.session().president().fullName()).orElse(authority.presidentRole());
    }
}
