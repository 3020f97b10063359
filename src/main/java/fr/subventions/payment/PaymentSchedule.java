package fr.subventions.payment;

import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.shared.StageConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
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
 *
 * <p>Drawn up once per grant ({@link PaymentSchedules#drawUp}): the convention states it, the notification recalls it,
 * and the payment process pays it, amount by amount. Only the first payment's date is set later, when it falls due.
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

    /**
     * The compte rendu financier's due date. Every subsidy given for an action owes one; a balance waits for it. A
     * single payment's schedule drawn up by an earlier version holds none: {@link #reportDueOn()} answers the law's date.
     */
    private LocalDate reportDueOn;

    private LocalDate reportReceivedOn;

    private Long reportDocumentId;

    private int remindersSent;

    @OneToMany(mappedBy = "schedule", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position ASC")
    private List<Payment> payments = new ArrayList<>();

    protected PaymentSchedule() {
    }

    /**
     * The schedule of a grant: above the policy's threshold an advance (its rate of the grant, to the cent) and the
     * balance after the financial report; otherwise one payment. The first payment's date is not known yet: it falls
     * due when the convention is signed by both parties, or when the credits are committed for a grant without one
     * ({@link #firstFallsDueOn}).
     */
    public static PaymentSchedule plan(Long requestId, BigDecimal granted, int fiscalYear, PaymentPolicy policy) {
        PaymentSchedule schedule = new PaymentSchedule();
        schedule.requestId = requestId;
        schedule.granted = granted;
        schedule.fiscalYear = fiscalYear;
        schedule.reportDueOn = reportDue(fiscalYear);
        if (granted.compareTo(policy.advanceAbove()) > 0) {
            BigDecimal advance = granted.multiply(policy.advanceRate()).setScale(2, RoundingMode.HALF_UP);
            schedule.payments.add(new Payment(schedule, 1, PaymentKind.ADVANCE, advance, null));
            schedule.payments.add(new Payment(schedule, 2, PaymentKind.BALANCE, granted.subtract(advance), null));
        } else {
            schedule.payments.add(new Payment(schedule, 1, PaymentKind.SINGLE, granted, null));
        }
        return schedule;
    }

    /** The schedule of a grant signed on {@code signedOn}: its first payment falls due that day. */
    public static PaymentSchedule plan(Long requestId, BigDecimal granted, int fiscalYear, LocalDate signedOn,
            PaymentPolicy policy) {
        PaymentSchedule schedule = plan(requestId, granted, fiscalYear, policy);
        schedule.firstFallsDueOn(signedOn);
        return schedule;
    }

    /**
     * The first payment (the single one, or the advance) falls due: the day the convention was concluded, or the
     * commitment's day for a grant without convention. A date already set stays.
     */
    void firstFallsDueOn(LocalDate date) {
        Payment first = payments.get(0);
        if (first.dueOn() == null) {
            first.dueOn(date);
        }
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
                    + "financier de l'action, à remettre au plus tard le " + FrenchText.date(reportDueOn())
                    + " (article 10 de la loi n° 2000-321 du 12 avril 2000).");
        }
        payment.pay(on, mandateReference, actor);
        return payment;
    }

    public void receiveReport(LocalDate on, Long documentId) {
        if (payments.stream().noneMatch(p -> p.kind() == PaymentKind.BALANCE)) {
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
        return period(null);
    }

    /**
     * The same, {@code concludedOn} standing in for a first payment not dated yet: a convention signed by both parties
     * whose credits are not committed yet.
     */
    public String period(LocalDate concludedOn) {
        LocalDate first = date(payments.get(0));
        if (first == null) {
            first = concludedOn;
        }
        if (payments.size() == 1) {
            return String.valueOf(first);
        }
        Payment last = payments.get(payments.size() - 1);
        LocalDate end = last.paidOn() != null ? last.paidOn() : last.dueOn() != null ? last.dueOn() : reportDueOn();
        return first + "_" + end;
    }

    /** A payment's share of the grant, as a fraction to the ten-thousandth: 0.5 for half of it. */
    public BigDecimal share(Payment payment) {
        return payment.amount().divide(granted, 4, RoundingMode.HALF_UP);
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

    /**
     * The compte rendu financier's due date: six months after the end of the fiscal year (loi 2000-321, art. 10),
     * for every schedule, including those drawn up before the date was kept for a single payment.
     */
    public LocalDate reportDueOn() {
        return reportDueOn != null ? reportDueOn : reportDue(fiscalYear);
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
