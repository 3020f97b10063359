package fr.subventions.mail;

/**
 * The e-mails the application writes, each with its template in the template folder ({@code <file>.txt}) and the
 * people it is written to. The first fifteen go to the applicant, one for each {@code RequestMilestone} of the same
 * name; the next four to officers; then two carry a message of a request's thread to the other side
 * ({@code MessageSent}: {@link MessageMails}); the last five, to officers, are about the opinions asked of other
 * services ({@code OpinionEvent}). A document attached to an e-mail for the applicant must be one they may see
 * ({@code DocumentService.visibleTo}): {@link OutboxSender} refuses to send an internal one.
 */
public enum MailTemplate {
    RECEIVED("demande-recue", Audience.APPLICANT),
    MISSING_ITEMS_REQUESTED("pieces-demandees", Audience.APPLICANT),
    INADMISSIBLE("demande-irrecevable", Audience.APPLICANT),
    INSTRUCTED("demande-instruite", Audience.APPLICANT),
    PLACED_ON_AGENDA("inscription-ordre-du-jour", Audience.APPLICANT),
    ADJOURNED("examen-ajourne", Audience.APPLICANT),
    GRANTED("subvention-accordee", Audience.APPLICANT),
    REJECTED("subvention-refusee", Audience.APPLICANT),
    CONVENTION_TO_SIGN("convention-a-signer", Audience.APPLICANT),
    SIGNATURE_REMINDER("relance-signature", Audience.APPLICANT),
    CONVENTION_LAPSED("convention-caduque", Audience.APPLICANT),
    PAYMENT_MADE("versement-effectue", Audience.APPLICANT),
    REPORT_REMINDER("relance-compte-rendu", Audience.APPLICANT),
    CLOSED("demande-cloturee", Audience.APPLICANT),
    WITHDRAWN("retrait-confirme", Audience.APPLICANT),
    MISSING_ITEMS_SUPPLIED("pieces-transmises", Audience.STAFF),
    SIGNATURE_LATE("signature-en-retard", Audience.STAFF),
    OVERDUE_TASKS("taches-en-attente", Audience.STAFF),
    OVERDUE_PUBLICATIONS("publications-en-retard", Audience.STAFF),
    /** Staff wrote to the applicant on the request's thread. */
    MESSAGE_TO_APPLICANT("message-au-demandeur", Audience.APPLICANT),
    /** The applicant wrote on the request's thread: to the officer who has its task, or its group. */
    MESSAGE_FROM_APPLICANT("message-du-demandeur", Audience.STAFF),
    /** An opinion asked: to the colleague, or each member of the service, asked (package consultation). */
    OPINION_ASKED("avis-demande", Audience.STAFF),
    /** The opinion's deadline nears: to the one asked. */
    OPINION_REMINDER("avis-relance", Audience.STAFF),
    /** The opinion's deadline passed unanswered: to the asking officer. */
    OPINION_OVERDUE("avis-en-retard", Audience.STAFF),
    /** The opinion given: to the asking officer. */
    OPINION_GIVEN("avis-rendu", Audience.STAFF),
    /** The request for an opinion withdrawn: to the one asked. */
    OPINION_WITHDRAWN("avis-retire", Audience.STAFF);

    /** Who an e-mail is written to: it decides which of a request's documents it may carry. */
    public enum Audience {
        /** The applicant (the request's address, and their portal account's): documents shown to the applicant only. */
        APPLICANT,
        /** The authority's officers. */
        STAFF
    }

    private final String name;
    private final Audience audience;

    MailTemplate(String name, Audience audience) {
        this.name = name;
        this.audience = audience;
    }

    /** The template's file name in the folder. */
    public String file() {
        return name + ".txt";
    }

    public Audience audience() {
        return audience;
    }
}
