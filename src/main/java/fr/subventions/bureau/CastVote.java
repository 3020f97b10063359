package fr.subventions.bureau;

import fr.subventions.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The vote on one item as the secretariat records it, from the API, the séance page or Tasklist's form alike: the
 * members who did not vote for, by choice (everybody else present or represented votes for); or the counts of a
 * secret ballot, which names nobody; or the item adjourned. {@code amended} is the amount voted when the assembly
 * amends the proposal down (null: the proposal as it stands).
 */
public record CastVote(Map<Choice, List<Long>> marked, boolean adjourned, SecretBallot secret, BigDecimal amended) {

    public CastVote {
        Map<Choice, List<Long>> lists = new EnumMap<>(Choice.class);
        (marked == null ? Map.<Choice, List<Long>>of() : marked).forEach((choice, ids) -> {
            for (int i = 0; ids != null && i < ids.size(); i++) {
                if (ids.get(i) == null) {
                    throw new InvalidInputException(VotePolicy.fieldOf(choice) + "[" + i + "]",
                            "identifiant de membre invalide : null");
                }
            }
            lists.put(choice, ids == null ? List.of() : List.copyOf(ids));
        });
        marked = Collections.unmodifiableMap(lists);
    }

    /** Everybody present or represented votes for. */
    public static CastVote unanimous() {
        return new CastVote(Map.of(), false, null, null);
    }

    /** A public ballot: the members named did not vote for. */
    public static CastVote marking(Map<Choice, List<Long>> marked) {
        return new CastVote(marked, false, null, null);
    }

    /** The item is adjourned: it goes back onto a later agenda. */
    public static CastVote adjournment() {
        return new CastVote(Map.of(), true, null, null);
    }

    /** A secret ballot: the tellers' counts. */
    public static CastVote secretBallot(SecretBallot counts) {
        return new CastVote(Map.of(), false, counts, null);
    }

    /** Some member is named: a secret ballot records no names. */
    boolean namesAnyone() {
        return marked.values().stream().anyMatch(ids -> !ids.isEmpty());
    }
}
