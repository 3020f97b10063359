package fr.subventions.submission;

public enum LegalForm {
    ASSOCIATION("association"),
    FOUNDATION("fondation"),
    COMPANY("entreprise"),
    PUBLIC_BODY("organisme public");

    private final String label;

    LegalForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Associations and foundations sign the Contrat d'Engagement Républicain (loi 2000-321 art. 10-1). */
    public boolean signsRepublicanCommitment() {
        return this == ASSOCIATION || this == FOUNDATION;
    }
}
