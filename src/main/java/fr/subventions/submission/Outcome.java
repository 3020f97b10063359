package fr.subventions.submission;

public enum Outcome {
    GRANTED("Subvention accordée"), REJECTED("Subvention refusée"), INADMISSIBLE("Irrecevable, classée sans suite"),
    WITHDRAWN("Retirée par le demandeur"),
    LAPSED("Caduque : convention non signée dans son délai");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
