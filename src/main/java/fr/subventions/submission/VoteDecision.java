package fr.subventions.submission;

/** What the assembly decided on a request's agenda item; carried to the request's process as its gateway flag. */
public enum VoteDecision {
    ADOPTED, REJECTED, ADJOURNED
}
