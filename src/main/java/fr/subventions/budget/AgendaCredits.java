package fr.subventions.budget;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an agenda asks of each budget line: the amounts proposed for its items, against the line's credits. The
 * proposals are already reserved on their lines, so what stays available is after them.
 */
@Service
@Transactional(readOnly = true)
public class AgendaCredits {

    private final ReservationRepository reservations;

    AgendaCredits(ReservationRepository reservations) {
        this.reservations = reservations;
    }

    /** One line per budget line the requests draw on, in code order. */
    public List<LineCredits> of(Collection<Long> requestIds) {
        Map<String, LineCredits> byLine = new LinkedHashMap<>();
        for (Long requestId : requestIds) {
            for (Reservation reservation : reservations.findByRequestIdAndActiveTrue(requestId)) {
                BudgetLine line = reservation.line();
                byLine.merge(line.code(), new LineCredits(line.code(), line.label(), line.voted(), reservation.amount(),
                        line.available()), (a, b) -> new LineCredits(a.code(), a.label(), a.voted(),
                        a.proposed().add(b.proposed()), a.availableAfter()));
            }
        }
        return byLine.values().stream().sorted(Comparator.comparing(LineCredits::code)).toList();
    }

    /**
     * A line's figures for the agenda: voted credits, the total proposed on this agenda, and what remains available
     * once every reservation and commitment (these proposals included) is deducted.
     */
    public record LineCredits(String code, String label, BigDecimal voted, BigDecimal proposed, BigDecimal availableAfter) {

        /** Available before this agenda's proposals: what the officers saw when they proposed. */
        public BigDecimal availableBefore() {
            return availableAfter.add(proposed);
        }
    }
}
