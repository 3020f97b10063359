package fr.subventions.submission;

import static fr.subventions.submission.Visibility.INTERNAL;
import static fr.subventions.submission.Visibility.SHOWN_TO_APPLICANT;

import java.util.Objects;

/**
 * The documents of a request: those the applicant files (CERFA 12156 list) and those the authority produces, each of
 * these with the template it is filled from (package {@code documents}). Each type declares its {@link Visibility}: a
 * type cannot be added without saying whether the applicant sees it. Stored by name in {@code request_document}.
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
    /**
     * A file sent with a message of the request's thread (package {@code collaboration}), by the applicant or by
     * staff: the thread is shared by both, so are its files. Filed only with its message, never uploaded alone.
     */
    MESSAGE_ATTACHMENT("Pièce jointe à un message", SHOWN_TO_APPLICANT),
    ACKNOWLEDGEMENT("Accusé de réception", "accuse-de-reception", SHOWN_TO_APPLICANT),
    MISSING_ITEMS_REQUEST("Demande de pièces complémentaires", "demande-de-pieces", SHOWN_TO_APPLICANT),
    /** A preparatory document (CRPA L311-2): staff only, at every stage. */
    INSTRUCTION_REPORT("Rapport d'instruction", "rapport-instruction", INTERNAL),
    /** The séance's, for its members; filed with the séance, not with a request. */
    CONVOCATION("Convocation et ordre du jour", "convocation-ordre-du-jour", INTERNAL),
    DELIBERATION_EXTRACT("Extrait du registre des délibérations", "extrait-deliberation", SHOWN_TO_APPLICANT),
    CONVENTION("Convention", "convention", SHOWN_TO_APPLICANT),
    NOTIFICATION_GRANTED("Notification d'attribution", "notification-attribution", SHOWN_TO_APPLICANT),
    NOTIFICATION_REJECTED("Notification de rejet", "notification-rejet", SHOWN_TO_APPLICANT),
    /** Finance's record of the commitment on the budget lines. */
    ENGAGEMENT_SHEET("Fiche d'engagement", "fiche-engagement", INTERNAL),
    /** The séance's, filed with the séance, not with a request. */
    MINUTES("Procès-verbal de la séance", "proces-verbal", INTERNAL),
    REMINDER("Lettre de relance", "relance", SHOWN_TO_APPLICANT),
    /** The séance's list of deliberations (L2121-25), published within a week; filed with the séance. */
    DELIBERATION_LIST("Liste des délibérations de la séance", "liste-deliberations", INTERNAL),
    /** The President's certificate that the deliberation is executory, for the public accountant. */
    EXECUTORY_CERTIFICATE("Certificat du caractère exécutoire", "certificat-executoire", SHOWN_TO_APPLICANT),
    /**
     * A file an officer sends with a question to the services or colleagues consulted (package {@code consultation}):
     * filed by staff, a preparatory document like the opinions themselves.
     */
    OPINION_ATTACHMENT("Pièce jointe à une demande d'avis", INTERNAL, true);

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** A produced .docx's PDF/A rendition, filed beside it with the same type and version. */
    public static final String PDF = "application/pdf";

    private final String label;
    /** The template's file name in the template folder, without extension; null for a document the applicant files. */
    private final String template;
    private final Visibility visibility;
    /** Filed by the authority's staff (neither produced from a template nor filed by the applicant). */
    private final boolean filedByStaff;

    /** A document the applicant files. */
    DocumentType(String label, Visibility visibility) {
        this(label, null, visibility, false);
    }

    /** A document the authority's staff file, by hand. */
    DocumentType(String label, Visibility visibility, boolean filedByStaff) {
        this(label, null, visibility, filedByStaff);
    }

    /** A document the authority produces from its template. */
    DocumentType(String label, String template, Visibility visibility) {
        this(label, template, visibility, false);
    }

    DocumentType(String label, String template, Visibility visibility, boolean filedByStaff) {
        this.label = label;
        this.template = template;
        this.visibility = Objects.requireNonNull(visibility, label);
        this.filedByStaff = filedByStaff;
    }

    public String label() {
        return label;
    }

    /** Produced by the authority at a stage; an applicant cannot upload one. */
    public boolean generated() {
        return template != null;
    }

    /** The template's file name in the template folder, without extension: for a produced document only. */
    public String template() {
        if (template == null) {
            throw new IllegalStateException(name() + " is filed by the applicant, not produced from a template");
        }
        return template;
    }

    /**
     * A piece the applicant files on its own (CERFA 12156 list), through the upload of the API and the portal: neither
     * a produced document, nor a message's attachment (which comes only with its message), nor a file staff attach.
     */
    public boolean filedByApplicant() {
        return template == null && !filedByStaff && this != MESSAGE_ATTACHMENT;
    }

    /** A file the authority's staff attach by hand (with a request for an opinion): never the applicant's to upload. */
    public boolean filedByStaff() {
        return filedByStaff;
    }

    /** The one produced document that is a workbook (finance's), built in code rather than from a template. */
    public boolean isWorkbook() {
        return this == ENGAGEMENT_SHEET;
    }

    /** The media type of a produced document. */
    public String mediaType() {
        return isWorkbook() ? XLSX : DOCX;
    }

    /** The file extension of a produced document. */
    public String extension() {
        return isWorkbook() ? ".xlsx" : ".docx";
    }

    /** Whether the applicant sees documents of this type, or only staff ({@link DocumentService#visibleTo}). */
    public Visibility visibility() {
        return visibility;
    }
}
