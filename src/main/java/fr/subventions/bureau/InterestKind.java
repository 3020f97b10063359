package fr.subventions.bureau;

public enum InterestKind {
    /** Sits on the board of the association or company (L2131-11). */
    BOARD("membre des instances dirigeantes de"),
    /** Designated to represent the authority in the body (L1111-6). */
    DESIGNATION("représentant désigné de la Métropole auprès de");

    private final String label;

    InterestKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
