package fr.subventions.backoffice;

import fr.subventions.bureau.AgendaItem;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Tally;
import fr.subventions.submission.VoteDecision;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The dossier page's « Séance et vote »: each séance whose agenda carried the request, and what the assembly decided. */
public final class DossierSeance {

    private DossierSeance() {
    }

    /** The request on a séance's agenda, and what the assembly decided. */
    public record AgendaLine(Long sessionId, String session, LocalDate sessionDate, String sessionStatus, int position,
            BigDecimal amount, BigDecimal votedAmount, VoteDecision decision, boolean withdrawn, boolean secretBallot,
            boolean withoutQuorum, boolean adjournedForLackOfQuorum, int standingAside, String deliberationNumber,
            Tally tally) {

        static AgendaLine of(AgendaItem item) {
            AssemblySession session = item.session();
            return new AgendaLine(session.id(), session.label(), session.sessionDate(), session.status().label(),
                    item.position(), item.amount(), item.votedAmount(), item.decision(), item.withdrawn(),
                    item.secretBallot(), item.withoutQuorum(), item.adjournedForLackOfQuorum(),
                    item.decision() == null ? 0 : item.standingAside().size(), item.deliberationNumber(), item.tally());
        }

        /** Whether the assembly voted on it: adopted or rejected, not adjourned. */
        public boolean voted() {
            return decision == VoteDecision.ADOPTED || decision == VoteDecision.REJECTED;
        }

        public String decisionLabel() {
            if (withdrawn) {
                return "Retirée par le demandeur";
            }
            if (decision == null) {
                return "À voter";
            }
            return switch (decision) {
                case ADOPTED -> "Adoptée";
                case REJECTED -> "Rejetée";
                case ADJOURNED -> adjournedForLackOfQuorum ? "Ajournée faute de quorum" : "Ajournée";
            };
        }
    }
}
