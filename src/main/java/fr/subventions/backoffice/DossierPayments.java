package fr.subventions.backoffice;

import fr.subventions.payment.Payment;
import fr.subventions.payment.PaymentKind;
import fr.subventions.payment.PaymentSchedule;
import fr.subventions.shared.FrenchText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The dossier page's « Versements »: the grant's payment schedule, planned and made. */
public final class DossierPayments {

    private DossierPayments() {
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
                return FrenchText.date(dueOn);
            }
            return kind == PaymentKind.BALANCE ? "à réception du compte rendu financier"
                    : "à la conclusion de la convention (sans convention, à l'engagement des crédits)";
        }
    }
}
