package fr.subventions.bureau;

/** The deliberative body sitting: the Bureau (by delegation of the Council) or the Council itself. */
public enum AssemblyBody {
    BUREAU("Bureau métropolitain", "Le Bureau"),
    CONSEIL("Conseil métropolitain", "Le Conseil");

    private final String label;
    private final String deciding;

    AssemblyBody(String label, String deciding) {
        this.label = label;
        this.deciding = deciding;
    }

    public String label() {
        return label;
    }

    /** How the extract names the body that decides: "Le Bureau, après en avoir délibéré, décide :". */
    public String deciding() {
        return deciding;
    }
}
