package fr.subventions.payment;

import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AgendaItem;
import fr.subventions.convention.Convention;
import fr.subventions.convention.ConventionService;
import fr.subventions.shared.Csv;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The conventioned subsidies of a year in the SCDL « subventions » format 2.1.1 (schema.data.gouv.fr/scdl/subventions):
 * one line per beneficiary of each convention concluded that year, open to everyone.
 */
@RestController
class SubsidiesOpenData {

    static final String HEADER = "nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,"
            + "rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,"
            + "pourcentageSubvention,dispositifAide";

    private final ConventionService conventions;
    private final SubsidyRequestService requests;
    private final Agenda agenda;
    private final PaymentService payments;
    private final PaymentPolicy policy;
    private final String authority;
    private final String siret;

    SubsidiesOpenData(ConventionService conventions, SubsidyRequestService requests, Agenda agenda,
            PaymentService payments, PaymentPolicy policy,
            @Value("${subventions.authority.name}") String authority,
            @Value("${subventions.authority.siret:}") String siret) {
        this.conventions = conventions;
        this.requests = requests;
        this.agenda = agenda;
        this.payments = payments;
        this.policy = policy;
        this.authority = authority;
        this.siret = siret;
    }

    @GetMapping("/api/opendata/subventions.csv")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> subsidies(@RequestParam int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "année invalide : " + year + " (de 2000 à 2100)");
        }
        List<String> rows = conventions.concludedIn(year).stream().map(this::row).toList();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("subventions-" + year + ".csv").build().toString())
                .body(Csv.document(HEADER, rows).getBytes(StandardCharsets.UTF_8));
    }

    private String row(Convention convention) {
        SubsidyRequest request = requests.byId(convention.requestId());
        PaymentSchedule schedule = payments.find(request.id()).orElseGet(() -> PaymentSchedule.plan(request.id(),
                convention.amount(), convention.fiscalYear(), convention.concludedOn(), policy));
        String decision = agenda.decisionOn(request.id()).map(AgendaItem::deliberationNumber).orElse("");
        return Csv.line(List.of(authority, siret, convention.concludedOn().toString(), decision, request.applicant().name(),
                request.applicant().siret(), request.applicant().rna() == null ? "" : request.applicant().rna(),
                request.title(), amount(convention.amount()), "aide en numéraire", schedule.conditions(),
                schedule.period(convention.concludedOn()),
                "", "non", fraction(convention.amount(), request.totalBudget()), ""));
    }

    /** A decimal point, no grouping, cents only when there are some: 20000, 12345.67. */
    static String amount(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** The share of the action's budget the subsidy covers, as a fraction to the hundredth: 20 000 of 72 000 is 0.28. */
    static String fraction(BigDecimal granted, BigDecimal budget) {
        if (budget == null || budget.signum() <= 0) {
            return "";
        }
        return granted.divide(budget, 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
