package fr.subventions.mail;

/**
 * The e-mails the application writes, each with its template in the template folder ({@code <file>.txt}). The first
 * fifteen go to the applicant, one for each {@code RequestMilestone} of the same name; the last three to officers.
 */
public enum MailTemplate {
    RECEIVED("demande-recue"),
    MISSING_ITEMS_REQUESTED("pieces-demandees"),
    INADMISSIBLE("demande-irrecevable"),
    INSTRUCTED("demande-instruite"),
    PLACED_ON_AGENDA("inscription-ordre-du-jour"),
    ADJOURNED("examen-ajourne"),
    GRANTED("subvention-accordee"),
    REJECTED("subvention-refusee"),
    CONVENTION_TO_SIGN("convention-a-signer"),
    SIGNATURE_REMINDER("relance-signature"),
    CONVENTION_LAPSED("convention-caduque"),
    PAYMENT_MADE("versement-effectue"),
    REPORT_REMINDER("relance-compte-rendu"),
    CLOSED("demande-cloturee"),
    WITHDRAWN("retrait-confirme"),
    MISSING_ITEMS_SUPPLIED("pieces-transmises"),
    SIGNATURE_LATE("signature-en-retard"),
    OVERDUE_TASKS("taches-en-attente");

    private final String name;

    MailTemplate(String name) {
        this.name = name;
    }

    /** The template's file name in the folder. */
    public String file() {
        return name + ".txt";
    }
}
