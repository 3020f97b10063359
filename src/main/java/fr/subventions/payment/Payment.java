package fr.subventions.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One payment of the schedule: planned with its amount and date, then paid with finance's mandate reference. */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "schedule_id")
    private PaymentSchedule schedule;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private PaymentKind kind;

    @Column(nullable = false, precision = 15, scale = 2)
    private BigDecimal amount;

    /**
     * When it is due. An advance or a single payment: the day the convention is concluded (both signatures), or the
     * commitment's day without a convention; none before. The balance: the day the financial report came in.
     */
    private LocalDate dueOn;

    private LocalDate paidOn;

    /** The payment mandate's number in the finance software. */
    @Column(length = 50)
    private String mandateReference;

    @Column(length = 100)
    private String paidBy;

    protected Payment() {
    }

    Payment(PaymentSchedule schedule, int position, PaymentKind kind, BigDecimal amount, LocalDate dueOn) {
        this.schedule = schedule;
        this.position = position;
        this.kind = kind;
        this.amount = amount;
        this.dueOn = dueOn;
    }

    void pay(LocalDate on, String mandate, String actor) {
        this.paidOn = on;
        this.mandateReference = mandate;
        this.paidBy = actor;
    }

    void dueOn(LocalDate date) {
        this.dueOn = date;
    }

    public boolean paid() {
        return paidOn != null;
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public PaymentKind kind() {
        return kind;
    }

    public BigDecimal amount() {
        return amount;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public LocalDate paidOn() {
        return paidOn;
    }

    public String mandateReference() {
        return mandateReference;
    }

    public String paidBy() {
        return paidBy;
    }
}
