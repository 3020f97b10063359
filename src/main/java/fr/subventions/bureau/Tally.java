package fr.subventions.bureau;

import fr.subventions.submission.VoteDecision;

/** The scrutin of an item: POUR, CONTRE, ABSTENTION, NE SE PRONONCE PAS, DONT N PROCURATION(S). */
public record Tally(int forCount, int against, int abstention, int notVoting, int notParticipating, int proxies,
        VoteDecision decision) {
}
