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
    COMPTE_RENDU_FINANCIER("Compte rendu financier de l'action (CERFA n° 15059)"),
    AUTRE("Autre pièce"),
    ACKNOWLEDGEMENT("Accusé de réception", true),
    MISSING_ITEMS_REQUEST("Demande de pièces complémentaires", true),
    INSTRUCTION_REPORT("Rapport d'instruction", true),
    CONVOCATION("Convocation et ordre du jour", true),
    DELIBERATION_EXTRACT("Extrait du registre des délibérations", true),
    CONVENTION("Convention", true),
    NOTIFICATION_GRANTED("Notification d'attribution", true),
    NOTIFICATION_REJECTED("Notification de rejet", true),
    ENGAGEMENT_SHEET("Fiche d'engagement", true),
    MINUTES("Procès-verbal de la séance", true),
    REMINDER("Lettre de relance", true);

    private final String label;
    private final boolean generated;

    DocumentType(String label) {
        this(label, false);
    }

    DocumentType(String label, boolean generated) {
        this.label = label;
        this.generated = generated;
    }

    public String label() {
        return label;
    }

    /** Produced by the authority at a stage; an applicant cannot upload one. */
    public boolean generated() {
        return generated;
    }
}
