package fr.subventions.bureau;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A séance as /api shows it, with its agenda and each item's outcome. */
public record SessionView(Long id, AssemblyBody body, LocalDate date, String place, String label, MemberView president,
        MemberView secretary, LocalDate convocationSentOn, String urgencyReason, int convocationRecipients,
        SessionStatus status, List<ItemView> agenda, Long reconvenedFrom, Long reconvenedAs) {

    public record MemberView(Long id, AssemblyBody body, Civility civility, String firstName, String lastName,
            List<MandateView> mandates) {

        static MemberView of(Member m) {
            return new MemberView(m.id(), m.body(), m.civility(), m.firstName(), m.lastName(),
                    m.mandates().stream().map(t -> new MandateView(t.startsOn(), t.endsOn(), t.endReason())).toList());
        }
    }

    /** A period in office; {@code endsOn} is the last day, null while it runs. */
    public record MandateView(LocalDate startsOn, LocalDate endsOn, String endReason) {
    }

    /** {@code outcome} ADOPTED, REJECTED, ADJOURNED or WITHDRAWN; {@code withoutQuorum} when voted without quorum. */
    public record ItemView(int position, String reference, String title, String theme, BigDecimal amount, String outcome,
            String deliberationNumber, boolean withoutQuorum, boolean adjournedForLackOfQuorum) {
    }

    static SessionView of(AssemblySession s) {
        return new SessionView(s.id(), s.body(), s.sessionDate(), s.place(), s.label(), MemberView.of(s.president()),
                MemberView.of(s.secretary()), s.convocationSentOn(), s.urgencyReason(), s.convocationRecipients().size(),
                s.status(), s.items().stream()
                        .map(i -> new ItemView(i.position(), i.reference(), i.title(), i.theme(), i.amount(),
                                i.withdrawn() ? "WITHDRAWN" : Objects.toString(i.decision(), null), i.deliberationNumber(),
                                i.withoutQuorum(), i.adjournedForLackOfQuorum()))
                        .toList(), s.reconvenedFromId(), s.reconvenedAsId());
    }
}
