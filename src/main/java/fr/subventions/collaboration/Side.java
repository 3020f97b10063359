package fr.subventions.collaboration;

/** Who wrote a message of a request's thread: its applicant, or the authority's staff. */
public enum Side {
    APPLICANT("demandeur"),
    STAFF("collectivité");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    /** As the pages name the side: « demandeur », « collectivité ». */
    public String label() {
        return label;
    }
}
