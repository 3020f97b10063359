package fr.subventions.submission;

/** What the assembly decided on a request's agenda item; carried to the request's process as its gateway flag. */
public enum VoteDecision {
    ADOPTED("Adoptée"), REJECTED("Rejetée"), ADJOURNED("Ajournée");

    private final String label;

    VoteDecision(String label) {
        this.label = label;
    }

    /** The deliberation's result, as the register of acts shows it. */
    public String label() {
        return label;
    }
}
