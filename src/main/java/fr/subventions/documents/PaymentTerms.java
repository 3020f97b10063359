package fr.subventions.documents;

import fr.subventions.payment.Payment;
import fr.subventions.payment.PaymentKind;
import fr.subventions.payment.PaymentSchedule;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How a grant is paid, as the documents state it: written from the schedule finance pays by (each payment's amount,
 * its share of the grant, the report's due date), in the wording of {@link Phrases}.
 */
final class PaymentTerms {

    private final Phrases phrases;

    PaymentTerms(Phrases phrases) {
        this.phrases = phrases;
    }

    /**
     * Article 4 of the convention: each payment's amount and share of the grant, when it is paid, and the balance's
     * condition, the compte rendu financier due by its date; one line per payment.
     */
    String inConvention(PaymentSchedule schedule) {
        List<Payment> payments = schedule.payments();
        if (payments.size() == 1) {
            return phrases.get("payment.convention.once", "amount", Money.format(payments.get(0).amount()));
        }
        StringBuilder terms = new StringBuilder(phrases.get("payment.convention.instalments", "count",
                FrenchText.words(payments.size())));
        for (int i = 0; i < payments.size(); i++) {
            terms.append('\n').append(payment("payment.convention.", schedule, payments.get(i)))
                    .append(phrases.get(i == payments.size() - 1 ? "payment.convention.last" : "payment.convention.next"));
        }
        return terms.toString();
    }

    /**
     * How a grant without convention is paid, for its notification: in one payment, or its advance at the commitment
     * of the credits and its balance after the compte rendu financier.
     */
    String withoutConvention(PaymentSchedule schedule) {
        List<Payment> payments = schedule.payments();
        if (payments.size() == 1) {
            return phrases.get("payment.withoutConvention.once");
        }
        List<String> each = new ArrayList<>();
        for (Payment payment : payments) {
            each.add(payment("payment.withoutConvention.", schedule, payment));
        }
        return phrases.get("payment.withoutConvention.instalments", "count", FrenchText.words(payments.size()),
                "payments", String.join(phrases.get("payment.withoutConvention.then"), each));
    }

    private String payment(String prefix, PaymentSchedule schedule, Payment payment) {
        return phrases.get(prefix + (payment.kind() == PaymentKind.BALANCE ? "balance" : "advance"),
                "amount", Money.format(payment.amount()), "share", percent(schedule.share(payment)),
                "reportDue", FrenchText.date(schedule.reportDueOn()));
    }

    /** A fraction as a French percentage, to the hundredth of a percent: 0.5 is "50 %", 0.125 "12,5 %". */
    static String percent(BigDecimal fraction) {
        BigDecimal percent = fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return percent.toPlainString().replace('.', ',') + "\u00a0%";
    }
}
