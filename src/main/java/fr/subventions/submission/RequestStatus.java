package fr.subventions.submission;

public enum RequestStatus {
    SUBMITTED("Déposée"),
    INCOMPLETE("Incomplète"),
    IN_INSTRUCTION("En instruction"),
    AWAITING_AGENDA("En attente d'inscription à l'ordre du jour"),
    ON_AGENDA("Inscrite à l'ordre du jour"),
    AWAITING_SIGNATURES("En attente des signatures de la convention"),
    AWAITING_IMPUTATION("En attente d'engagement budgétaire"),
    AWAITING_PAYMENT("En attente de versement"),
    AWAITING_FINANCIAL_REPORT("En attente du compte rendu financier"),
    AWAITING_CLOSURE("En attente de clôture"),
    CLOSED("Clôturée");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The applicant may withdraw until the assembly has voted. */
    public boolean isBeforeVote() {
        return this == SUBMITTED || this == INCOMPLETE || this == IN_INSTRUCTION || this == AWAITING_AGENDA
                || this == ON_AGENDA;
    }
}
