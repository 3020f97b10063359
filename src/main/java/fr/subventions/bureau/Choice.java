package fr.subventions.bureau;

/** A member's position on an item, as the scrutin line of the extract counts it. */
public enum Choice {
    FOR, AGAINST, ABSTENTION, NOT_VOTING, NOT_PARTICIPATING;

    /** Votes cast (suffrages exprimés) are for and against only (L2121-20). */
    public boolean isCast() {
        return this == FOR || this == AGAINST;
    }
}
