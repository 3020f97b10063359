package fr.subventions.payment;

import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.shared.StageConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a granted subsidy is paid: a single payment, or an advance and a balance; the balance waits for the compte rendu
 * financier, due six months after the end of the fiscal year (loi 2000-321, art. 10).
 */
@Entity
@Table(name = "payment_schedule", uniqueConstraints = @UniqueConstraint(name = "uk_payment_schedule_request",
        columnNames = "request_id"))
public class PaymentSchedule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "request_id", nullable = false)
    private Long requestId;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal granted;

    @Column(nullable = false)
    private int fiscalYear;

    /** The compte rendu financier's due date, when the balance waits for it. */
    private LocalDate reportDueOn;

    private LocalDate reportReceivedOn;

    private Long reportDocumentId;

    private int remindersSent;

    @OneToMany(mappedBy = "schedule", cascade = CascadeType.ALL, orphanRemoval = true, fetch = jakarta.persistence.FetchType.EAGER)
    @OrderBy("position ASC")
    private List<Payment> payments = new ArrayList<>();

    protected PaymentSchedule() {
    }

    /**
     * The schedule of a grant signed on {@code signedOn}: above the policy's threshold an advance (its rate of the
     * grant, to the cent) at signature and the balance after the report; otherwise one payment at signature.
     */
    public static PaymentSchedule plan(Long requestId, BigDecimal granted, int fiscalYear, LocalDate signedOn,
            PaymentPolicy policy) {
        PaymentSchedule schedule = new PaymentSchedule();
        schedule.requestId = requestId;
        schedule.granted = granted;
        schedule.fiscalYear = fiscalYear;
        if (granted.compareTo(policy.advanceAbove()) > 0) {
            BigDecimal advance = granted.multiply(policy.advanceRate()).setScale(2, RoundingMode.HALF_UP);
            schedule.reportDueOn = reportDue(fiscalYear);
            schedule.payments.add(new Payment(schedule, 1, PaymentKind.ADVANCE, advance, signedOn));
            schedule.payments.add(new Payment(schedule, 2, PaymentKind.BALANCE, granted.subtract(advance), null));
        } else {
            schedule.payments.add(new Payment(schedule, 1, PaymentKind.SINGLE, granted, signedOn));
        }
        return schedule;
    }

    /** Six months after the end of the fiscal year: 30 June of the next year. */
    public static LocalDate reportDue(int fiscalYear) {
        return LocalDate.of(fiscalYear + 1, 6, 30);
    }

    /** The next payment to make, if any is left. */
    public Optional<Payment> next() {
        return payments.stream().filter(p -> !p.paid()).findFirst();
    }

    /** Records the next payment; the balance is refused until the financial report is in. */
    public Payment pay(LocalDate on, String mandateReference, String actor) {
        Payment payment = next().orElseThrow(() -> new StageConflictException("La subvention est entièrement versée."));
        if (payment.kind() == PaymentKind.BALANCE && reportReceivedOn == null) {
            throw new StageConflictException("Le solde de " + Money.format(payment.amount()) + " attend le compte rendu "
                    + "financier de l'action, à remettre au plus tard le " + FrenchText.date(reportDueOn)
                    + " (article 10 de la loi n° 2000-321 du 12 avril 2000).");
        }
        payment.pay(on, mandateReference, actor);
        return payment;
    }

    public void receiveReport(LocalDate on, Long documentId) {
        if (reportDueOn == null) {
            throw new StageConflictException("Aucun solde n'attend de compte rendu financier pour cette subvention.");
        }
        this.reportReceivedOn = on;
        this.reportDocumentId = documentId;
        next().filter(p -> p.kind() == PaymentKind.BALANCE).ifPresent(p -> p.dueOn(on));
    }

    void remind() {
        this.remindersSent++;
    }

    /** Whether, after the payments made, the balance still waits for the financial report. */
    public boolean awaitsReport() {
        return next().filter(p -> p.kind() == PaymentKind.BALANCE).isPresent() && reportReceivedOn == null;
    }

    public boolean fullyPaid() {
        return next().isEmpty();
    }

    /** SCDL "conditionsVersement": "unique" or "échelonné". */
    public String conditions() {
        return payments.size() == 1 ? "unique" : "échelonné";
    }

    /** SCDL "datesPeriodeVersement": the payment date, or first_last for a schedule (the report's due date standing in for an unpaid balance). */
    public String period() {
        LocalDate first = date(payments.get(0));
        if (payments.size() == 1) {
            return first.toString();
        }
        Payment last = payments.get(payments.size() - 1);
        LocalDate end = last.paidOn() != null ? last.paidOn() : last.dueOn() != null ? last.dueOn() : reportDueOn;
        return first + "_" + end;
    }

    private static LocalDate date(Payment payment) {
        return payment.paidOn() != null ? payment.paidOn() : payment.dueOn();
    }

    public Long id() {
        return id;
    }

    public Long requestId() {
        return requestId;
    }

    public BigDecimal granted() {
        return granted;
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public LocalDate reportDueOn() {
        return reportDueOn;
    }

    public LocalDate reportReceivedOn() {
        return reportReceivedOn;
    }

    public Long reportDocumentId() {
        return reportDocumentId;
    }

    public int remindersSent() {
        return remindersSent;
    }

    public List<Payment> payments() {
        return List.copyOf(payments);
    }
}
