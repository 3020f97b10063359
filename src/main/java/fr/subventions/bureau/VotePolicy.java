package fr.subventions.bureau;

import fr.subventions.shared.Violations;
import fr.subventions.submission.VoteDecision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A public vote on an item: every member present or represented votes for unless marked otherwise; the item is
 * adopted by the absolute majority of votes cast, and on a tie the President's vote prevails (L2121-20).
 */
public final class VotePolicy {

    private VotePolicy() {
    }

    /** One ballot per member present or represented; the marked lists name the members who did not vote for. */
    public static List<Cast> ballots(Roll roll, Map<Choice, List<Long>> marked) {
        Violations violations = new Violations();
        Map<Long, Choice> choices = new HashMap<>();
        for (Map.Entry<Choice, List<Long>> entry : marked.entrySet()) {
            String field = fieldOf(entry.getKey());
            for (int i = 0; i < entry.getValue().size(); i++) {
                Long id = entry.getValue().get(i);
                if (id == null || !(roll.isPresent(id) || roll.isRepresented(id))) {
                    violations.add(field + "[" + i + "]", "le membre " + id + " n'est ni présent ni représenté");
                } else if (choices.putIfAbsent(id, entry.getKey()) != null) {
                    violations.add(field + "[" + i + "]", "le membre " + id + " figure dans deux listes");
                }
            }
        }
        violations.throwIfAny();
        List<Cast> ballots = new ArrayList<>();
        for (Long id : roll.present()) {
            ballots.add(new Cast(id, choices.getOrDefault(id, Choice.FOR), id));
        }
        for (Map.Entry<Long, Long> proxy : roll.proxies().entrySet()) {
            ballots.add(new Cast(proxy.getKey(), choices.getOrDefault(proxy.getKey(), Choice.FOR), proxy.getValue()));
        }
        ballots.sort((a, b) -> Long.compare(a.memberId(), b.memberId()));
        return ballots;
    }

    public static Tally tally(List<Cast> ballots, Long presidentId) {
        Map<Choice, Integer> counts = new LinkedHashMap<>();
        int proxies = 0;
        Choice president = null;
        for (Cast cast : ballots) {
            counts.merge(cast.choice(), 1, Integer::sum);
            if (cast.byProxy() && cast.choice() != Choice.NOT_PARTICIPATING) {
                proxies++;
            }
            // The casting vote belongs to the President chairing the séance, not to a proxy holder voting for him
            if (cast.memberId().equals(presidentId) && !cast.byProxy()) {
                president = cast.choice();
            }
        }
        int forCount = counts.getOrDefault(Choice.FOR, 0);
        int against = counts.getOrDefault(Choice.AGAINST, 0);
        VoteDecision decision;
        if (forCount > against) {
            decision = VoteDecision.ADOPTED;
        } else if (forCount == against && forCount > 0 && president == Choice.FOR) {
            decision = VoteDecision.ADOPTED;
        } else {
            decision = VoteDecision.REJECTED;
        }
        return new Tally(forCount, against, counts.getOrDefault(Choice.ABSTENTION, 0),
                counts.getOrDefault(Choice.NOT_VOTING, 0), counts.getOrDefault(Choice.NOT_PARTICIPATING, 0), proxies,
                decision);
    }

    /**
     * A secret ballot: the counts must account for every voter, and a tie is lost, for nobody's vote prevails in a
     * secret ballot (L2121-20).
     */
    public static Tally secretTally(SecretBallot ballot, int voters, int proxies, int notParticipating) {
        Violations v = new Violations();
        int[] counts = new int[4];
        Integer[] given = {ballot.forCount(), ballot.against(), ballot.abstention(), ballot.notVoting()};
        String[] fields = {"secret.for", "secret.against", "secret.abstention", "secret.notVoting"};
        for (int i = 0; i < given.length; i++) {
            if (given[i] == null || given[i] < 0) {
                v.add(fields[i], "un nombre de bulletins, zéro ou plus, est attendu");
            } else {
                counts[i] = given[i];
            }
        }
        v.throwIfAny();
        int total = counts[0] + counts[1] + counts[2] + counts[3];
        v.check(total == voters, "secret", "les bulletins (" + total + ") doivent égaler le nombre de votants (" + voters
                + ", présents et représentés prenant part au vote)");
        v.throwIfAny();
        return new Tally(counts[0], counts[1], counts[2], counts[3], notParticipating, proxies,
                counts[0] > counts[1] ? VoteDecision.ADOPTED : VoteDecision.REJECTED);
    }

    /** The API field that lists the members of a choice. */
    static String fieldOf(Choice choice) {
        return switch (choice) {
            case FOR -> "for";
            case AGAINST -> "against";
            case ABSTENTION -> "abstention";
            case NOT_VOTING -> "notVoting";
            case NOT_PARTICIPATING -> "notParticipating";
        };
    }
}
