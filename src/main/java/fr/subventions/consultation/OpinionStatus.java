package fr.subventions.consultation;

/**
 * Where an opinion request stands as the API and the pages show it: {@link OpinionState} with the clock's view of an
 * awaited one — still within its deadline ({@code ASKED}) or past it ({@code LATE}).
 */
public enum OpinionStatus {
    ASKED("Attendu"),
    LATE("En retard"),
    GIVEN("Donné"),
    WITHDRAWN("Retiré");

    private final String label;

    OpinionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
