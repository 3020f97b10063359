package fr.subventions.bureau;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A member "intéressé à l'affaire" takes no part in the vote (L2131-11), neither personally nor as the holder of a
 * proxy; a member designated to represent the authority in the applicant stands aside too (L1111-6). Their ballots
 * become "ne prend pas part au vote", and so does the ballot they would cast for the member who gave them a proxy.
 */
public final class ConflictPolicy {

    private ConflictPolicy() {
    }

    /** The members standing aside, each with the reason the extract and the audit give. */
    public static Map<Long, String> standingAside(List<MemberInterest> interests, Roll roll) {
        Map<Long, String> aside = new LinkedHashMap<>();
        for (MemberInterest interest : interests) {
            Long member = interest.member().id();
            if (roll.isPresent(member) || roll.isRepresented(member)) {
                aside.merge(member, interest.reason(), (a, b) -> a + " ; " + b);
            }
        }
        return aside;
    }

    /** The ballots once the interested members stand aside, as voters and as proxy holders. */
    public static List<Cast> apply(List<Cast> ballots, Map<Long, String> aside) {
        List<Cast> applied = new ArrayList<>();
        for (Cast cast : ballots) {
            boolean interested = aside.containsKey(cast.memberId()) || aside.containsKey(cast.castBy());
            applied.add(interested ? new Cast(cast.memberId(), Choice.NOT_PARTICIPATING, cast.castBy()) : cast);
        }
        return applied;
    }
}
