package fr.subventions.acts;

/**
 * What an act of this register is: a deliberation (one per voted item, its extract signed), the list of a séance's
 * deliberations (published within a week, L2121-25, not sent to the prefect), or a signed convention (sent to the
 * prefect when the authority's settings say so).
 */
public enum ActKind {
    DELIBERATION("Délibération", true),
    DELIBERATION_LIST("Liste des délibérations", false),
    CONVENTION("Convention", true);

    private final String label;
    private final boolean transmitted;

    ActKind(String label, boolean transmitted) {
        this.label = label;
        this.transmitted = transmitted;
    }

    public String label() {
        return label;
    }

    /** Whether acts of this kind may go to the prefect (L2131-2); a list of deliberations never does. */
    public boolean transmissible() {
        return transmitted;
    }
}
