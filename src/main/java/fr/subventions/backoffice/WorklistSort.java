package fr.subventions.backoffice;

import java.util.Arrays;
import java.util.Optional;

/**
 * The worklist's columns, each one sortable; the slug is what the address carries ({@code ?tri=jours}). Ascending
 * « jours » lists the requests that reached their stage most recently first.
 */
public enum WorklistSort {

    REFERENCE("reference", "Référence"),
    APPLICANT("demandeur", "Demandeur"),
    IDENTIFIER("siret", "SIRET ou RNA"),
    TITLE("objet", "Objet"),
    THEME("thematique", "Thématique"),
    SERVICE("service", "Service"),
    FISCAL_YEAR("exercice", "Exercice"),
    REQUESTED("demande", "Demandé"),
    PROPOSED("propose", "Proposé"),
    GRANTED("accorde", "Accordé"),
    STAGE("etape", "Étape"),
    DAYS("jours", "Jours à l'étape"),
    TAKEN_BY("prise-par", "Prise par"),
    DEADLINE("echeance", "Prochaine échéance"),
    /** Since when the request waits for its applicant's answer to an officer's question. */
    AWAITING_REPLY("attente-reponse", "En attente de réponse");

    private final String slug;
    private final String label;

    WorklistSort(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    public static Optional<WorklistSort> ofSlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst();
    }
}
