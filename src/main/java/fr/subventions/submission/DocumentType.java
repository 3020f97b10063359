package fr.subventions.submission;

import static fr.subventions.submission.Visibility.INTERNAL;
import static fr.subventions.submission.Visibility.SHOWN_TO_APPLICANT;

import java.util.Objects;

/**
 * The documents of a request: those the applicant files (CERFA 12156 list) and those the authority generates. Each
 * type declares its {@link Visibility}: a type cannot be added without saying whether the applicant sees it.
 */
public enum DocumentType {
    STATUTS("Statuts", SHOWN_TO_APPLICANT),
    RIB("Relevé d'identité bancaire", SHOWN_TO_APPLICANT),
    BUDGET_PREVISIONNEL("Budget prévisionnel de l'action", SHOWN_TO_APPLICANT),
    COMPTES("Comptes du dernier exercice clos", SHOWN_TO_APPLICANT),
    RAPPORT_ACTIVITE("Rapport d'activité", SHOWN_TO_APPLICANT),
    CONTRAT_ENGAGEMENT_REPUBLICAIN("Contrat d'Engagement Républicain", SHOWN_TO_APPLICANT),
    CONVENTION_SIGNEE("Convention signée", SHOWN_TO_APPLICANT),
    COMPTE_RENDU_FINANCIER("Compte rendu financier de l'action (CERFA n° 15059)", SHOWN_TO_APPLICANT),
    AUTRE("Autre pièce", SHOWN_TO_APPLICANT),
    ACKNOWLEDGEMENT("Accusé de réception", true, SHOWN_TO_APPLICANT),
    MISSING_ITEMS_REQUEST("Demande de pièces complémentaires", true, SHOWN_TO_APPLICANT),
    /** A preparatory document (CRPA L311-2): staff only, at every stage. */
    INSTRUCTION_REPORT("Rapport d'instruction", true, INTERNAL),
    /** The séance's, for its members; filed with the séance, not with a request. */
    CONVOCATION("Convocation et ordre du jour", true, INTERNAL),
    DELIBERATION_EXTRACT("Extrait du registre des délibérations", true, SHOWN_TO_APPLICANT),
    CONVENTION("Convention", true, SHOWN_TO_APPLICANT),
    NOTIFICATION_GRANTED("Notification d'attribution", true, SHOWN_TO_APPLICANT),
    NOTIFICATION_REJECTED("Notification de rejet", true, SHOWN_TO_APPLICANT),
    /** Finance's record of the commitment on the budget lines. */
    ENGAGEMENT_SHEET("Fiche d'engagement", true, INTERNAL),
    /** The séance's, filed with the séance, not with a request. */
    MINUTES("Procès-verbal de la séance", true, INTERNAL),
    REMINDER("Lettre de relance", true, SHOWN_TO_APPLICANT);

    private final String label;
    private final boolean generated;
    private final Visibility visibility;

    /** A document the applicant files. */
    DocumentType(String label, Visibility visibility) {
        this(label, false, visibility);
    }

    DocumentType(String label, boolean generated, Visibility visibility) {
        this.label = label;
        this.generated = generated;
        this.visibility = Objects.requireNonNull(visibility, label);
    }

    public String label() {
        return label;
    }

    /** Produced by the authority at a stage; an applicant cannot upload one. */
    public boolean generated() {
        return generated;
    }

    /** Whether the applicant sees documents of this type, or only staff ({@link DocumentService#visibleTo}). */
    public Visibility visibility() {
        return visibility;
    }
}
