package fr.subventions.payment;

import java.math.BigDecimal;
import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The authority's payment terms (subventions.payments.*): above a threshold, an advance at signature and the balance
 * after the financial report; at or below it, a single payment. The report is due six months after the end of the
 * fiscal year (loi 2000-321, art. 10); reminders start before that date and repeat.
 */
@Component
public class PaymentPolicy {

    private final BigDecimal advanceAbove;
    private final BigDecimal advanceRate;
    private final Period reminderLead;
    private final Period reminderEvery;
    private final int reminders;

    PaymentPolicy(@Value("${subventions.payments.advance-above:23000}") BigDecimal advanceAbove,
            @Value("${subventions.payments.advance-rate:0.5}") BigDecimal advanceRate,
            @Value("${subventions.payments.report-reminder-lead:P30D}") Period reminderLead,
            @Value("${subventions.payments.report-reminder-every:P30D}") Period reminderEvery,
            @Value("${subventions.payments.report-reminders:4}") int reminders) {
        if (advanceRate.signum() <= 0 || advanceRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("subventions.payments.advance-rate must lie strictly between 0 and 1: " + advanceRate);
        }
        this.advanceAbove = advanceAbove;
        this.advanceRate = advanceRate;
        this.reminderLead = reminderLead;
        this.reminderEvery = reminderEvery;
        this.reminders = reminders;
    }

    public static PaymentPolicy of(String advanceAbove, String advanceRate) {
        return new PaymentPolicy(new BigDecimal(advanceAbove), new BigDecimal(advanceRate), Period.ofDays(30),
                Period.ofDays(30), 4);
    }

    public BigDecimal advanceAbove() {
        return advanceAbove;
    }

    public BigDecimal advanceRate() {
        return advanceRate;
    }

    public Period reminderLead() {
        return reminderLead;
    }

    public Period reminderEvery() {
        return reminderEvery;
    }

    public int reminders() {
        return reminders;
    }
}
