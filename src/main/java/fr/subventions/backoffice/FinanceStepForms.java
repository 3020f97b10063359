package fr.subventions.backoffice;

import fr.subventions.backoffice.StepForm.LineChoice;
import fr.subventions.budget.BudgetLine;
import fr.subventions.budget.BudgetService;
import fr.subventions.budget.Reservation;
import fr.subventions.payment.Payment;
import fr.subventions.payment.PaymentSchedule;
import fr.subventions.payment.PaymentService;
import fr.subventions.submission.SubsidyRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Finance's forms on the dossier page, imputation and payment: what each shows beside its fields, and its defaults —
 * read from our tables (the budget lines, their live credits and the request's reservations, the payment schedule).
 */
@Component
public class FinanceStepForms {

    private final BudgetService budget;
    private final PaymentService payments;
    private final Clock clock;

    FinanceStepForms(BudgetService budget, PaymentService payments, Clock clock) {
        this.budget = budget;
        this.payments = payments;
        this.clock = clock;
    }

    /** The year's lines, the instruction's reservation proposed in {@code values}. */
    Imputation imputation(SubsidyRequest request, Map<String, String> values) {
        Map<String, BigDecimal> held = new LinkedHashMap<>();
        for (Reservation reservation : budget.reservationsOf(request.id())) {
            if (reservation.active()) {
                held.merge(reservation.line().code(), reservation.amount(), BigDecimal::add);
            }
        }
        List<LineChoice> lines = new ArrayList<>();
        for (BudgetLine line : budget.lines(request.fiscalYear())) {
            BigDecimal reserved = held.get(line.code());
            lines.add(new LineChoice(LineChoice.field(line.code()), line.code(), line.label(), line.service(),
                    reserved == null ? line.available() : line.available().add(reserved), reserved));
            if (reserved != null) {
                values.put(LineChoice.field(line.code()), reserved.stripTrailingZeros().toPlainString());
            }
        }
        return new Imputation(request.grantedAmount(), request.fiscalYear(), lines);
    }

    /** The payment due and the schedule; today's date proposed in {@code values}. */
    PaymentDue payment(SubsidyRequest request, Map<String, String> values) {
        values.put("paidOn", LocalDate.now(clock).toString());
        PaymentSchedule schedule = payments.find(request.id()).orElse(null);
        if (schedule == null) {
            return new PaymentDue(request.grantedAmount(), null, List.of(), null);
        }
        return new PaymentDue(schedule.granted(), schedule.next().orElse(null), schedule.payments(), schedule.reportDueOn());
    }

    /** Finance commits the granted amount on lines of the fiscal year; the instruction's reservation is proposed. */
    public record Imputation(BigDecimal granted, int fiscalYear, List<LineChoice> lines) implements StepForm {
    }

    /** The payment due, from the schedule, and the whole schedule. */
    public record PaymentDue(BigDecimal granted, Payment due, List<Payment> schedule, LocalDate reportDueOn)
            implements StepForm {
    }
}
