package fr.subventions.convention;

/** What the decision table dmn/convention-requirement.dmn says of a grant's convention. */
public enum ConventionRequirement {
    /** Above the threshold: the grant cannot be paid without a convention (loi 2000-321 art. 10). */
    MANDATORY("obligatoire"),
    /** Up to the threshold, or to a body the obligation does not cover: the authority's default applies. */
    OPTIONAL("facultative");

    private final String label;

    ConventionRequirement(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
