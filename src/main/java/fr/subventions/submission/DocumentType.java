package fr.subventions.submission;

/** The documents of a request: those the applicant files (CERFA 12156 list) and those the authority generates. */
public enum DocumentType {
    STATUTS("Statuts"),
    RIB("Relevé d'identité bancaire"),
    BUDGET_PREVISIONNEL("Budget prévisionnel de l'action"),
    COMPTES("Comptes du dernier exercice clos"),
    RAPPORT_ACTIVITE("Rapport d'activité"),
    CONTRAT_ENGAGEMENT_REPUBLICAIN("Contrat d'Engagement Républicain"),
    CONVENTION_SIGNEE("Convention signée"),
    AUTRE("Autre pièce");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
