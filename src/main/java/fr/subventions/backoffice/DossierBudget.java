package fr.subventions.backoffice;

import fr.subventions.budget.Commitment;
import fr.subventions.budget.Reservation;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The dossier page's « Crédits et engagements »: the credits the request holds or held, and their commitments. */
public final class DossierBudget {

    private DossierBudget() {
    }

    /** Credits held on a budget line from the instruction until the commitment or their release. */
    public record ReservationLine(String code, String label, String service, BigDecimal amount, boolean active) {

        static ReservationLine of(Reservation r) {
            return new ReservationLine(r.line().code(), r.line().label(), r.line().service(), r.amount(), r.active());
        }
    }

    /** A commitment (engagement) of the granted amount on a budget line, with finance's number. */
    public record CommitmentLine(String engagementNumber, String code, String label, String service, BigDecimal amount,
            LocalDateTime committedAt, String committedBy) {

        static CommitmentLine of(Commitment c, ZoneId zone) {
            return new CommitmentLine(c.engagementNumber(), c.line().code(), c.line().label(), c.line().service(),
                    c.amount(), DossierView.local(c.committedAt(), zone), c.committedBy());
        }
    }
}
