package fr.subventions.budget;

import fr.subventions.submission.GrantLowered;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the assembly grants less than was proposed, the difference is released at once: the reservation shrinks from the
 * last lines of the split backwards (finance splits the granted amount afresh at the commitment anyway). Each change
 * ends the reservation and holds what is left in a new one, so that the history of reservations stays whole.
 */
@Service
@Transactional
class GrantedAmountReservations {

    private final ReservationRepository reservations;
    private final BudgetLineRepository lines;

    GrantedAmountReservations(ReservationRepository reservations, BudgetLineRepository lines) {
        this.reservations = reservations;
        this.lines = lines;
    }

    @EventListener
    public void onGrantLowered(GrantLowered event) {
        reduceTo(event.requestId(), event.granted());
    }

    /** Brings the request's reservations down to the granted amount; answers what was released. */
    public BigDecimal reduceTo(Long requestId, BigDecimal granted) {
        List<Reservation> held = new ArrayList<>(reservations.findByRequestIdAndActiveTrue(requestId));
        held.sort(Comparator.comparing(r -> r.line().code()));
        BigDecimal total = held.stream().map(Reservation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal excess = total.subtract(granted);
        if (excess.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal released = excess;
        Map<Reservation, BigDecimal> cuts = new TreeMap<>(Comparator.comparing((Reservation r) -> r.line().id()));
        for (int i = held.size() - 1; i >= 0 && excess.signum() > 0; i--) {
            BigDecimal cut = excess.min(held.get(i).amount());
            cuts.put(held.get(i), cut);
            excess = excess.subtract(cut);
        }
        // Lines changed in the order of their ids, as BudgetService changes them, so that the two never deadlock
        cuts.forEach((reservation, cut) -> {
            if (lines.release(reservation.line().id(), cut) == 0) {
                throw new IllegalStateException("line " + reservation.line().code() + " holds less than its reservation");
            }
            reservation.end();
            BigDecimal rest = reservation.amount().subtract(cut);
            if (rest.signum() > 0) {
                reservations.save(new Reservation(requestId, reservation.line(), rest));
            }
        });
        return released;
    }
}
