package fr.subventions.documents;

/** The documents the authority produces, with the template each is filled from. */
public enum DocumentKind {
    ACKNOWLEDGEMENT("accuse-de-reception", "Accusé de réception"),
    MISSING_ITEMS_REQUEST("demande-de-pieces", "Demande de pièces complémentaires"),
    INSTRUCTION_REPORT("rapport-instruction", "Rapport d'instruction"),
    CONVOCATION("convocation-ordre-du-jour", "Convocation et ordre du jour"),
    DELIBERATION_EXTRACT("extrait-deliberation", "Extrait du registre des délibérations"),
    CONVENTION("convention", "Convention"),
    NOTIFICATION_GRANTED("notification-attribution", "Notification d'attribution"),
    NOTIFICATION_REJECTED("notification-rejet", "Notification de rejet"),
    ENGAGEMENT_SHEET("fiche-engagement", "Fiche d'engagement"),
    MINUTES("proces-verbal", "Procès-verbal de la séance"),
    REMINDER("relance", "Lettre de relance");

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String template;
    private final String label;

    DocumentKind(String template, String label) {
        this.template = template;
        this.label = label;
    }

    /** The template's file name in the template folder, without extension. */
    public String template() {
        return template;
    }

    public String label() {
        return label;
    }

    public boolean isWorkbook() {
        return this == ENGAGEMENT_SHEET;
    }

    public String mediaType() {
        return isWorkbook() ? XLSX : DOCX;
    }

    public String extension() {
        return isWorkbook() ? ".xlsx" : ".docx";
    }
}
