package fr.subventions.bureau;

/** The counts of a secret ballot, as the tellers read them: no names. */
public record SecretBallot(Integer forCount, Integer against, Integer abstention, Integer notVoting) {
}
