package fr.subventions.consultation;

/** What a service or a colleague consulted answers: their opinion on the request. */
public enum Verdict {
    FAVORABLE("Favorable"),
    RESERVED("Favorable avec réserves"),
    UNFAVORABLE("Défavorable");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
