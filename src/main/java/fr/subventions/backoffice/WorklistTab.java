package fr.subventions.backoffice;

import fr.subventions.submission.RequestStatus;
import java.util.Arrays;
import java.util.Optional;

/**
 * The worklist's tabs: the tasks offered to the user's groups and not yet taken, the user's own, the opinions other
 * services await from the user, every request, then one per stage in the order a request goes through them. The slug is what the address carries ({@code ?onglet=a-verifier}).
 */
public enum WorklistTab {

    TO_DO("a-traiter", "À traiter", null),
    MINE("mes-dossiers", "Mes dossiers", null),
    /** The requests on which an opinion is awaited from the user: asked of them by name, or of a service of theirs. */
    OPINIONS("avis-a-donner", "Avis à donner", null),
    ALL("tous", "Tous", null),
    TO_CHECK("a-verifier", "À vérifier", RequestStatus.SUBMITTED),
    IN_INSTRUCTION("en-instruction", "En instruction", RequestStatus.IN_INSTRUCTION),
    DOCUMENTS_REQUESTED("pieces-demandees", "Pièces demandées", RequestStatus.INCOMPLETE),
    AWAITING_AGENDA("en-attente-d-inscription", "En attente d'inscription", RequestStatus.AWAITING_AGENDA),
    ON_AGENDA("inscrites", "Inscrites", RequestStatus.ON_AGENDA),
    TO_SIGN("a-signer", "À signer", RequestStatus.AWAITING_SIGNATURES),
    TO_COMMIT("a-engager", "À engager", RequestStatus.AWAITING_IMPUTATION),
    TO_PAY("a-verser", "À verser", RequestStatus.AWAITING_PAYMENT),
    REPORT_AWAITED("compte-rendu-attendu", "Compte rendu attendu", RequestStatus.AWAITING_FINANCIAL_REPORT),
    TO_CLOSE("a-cloturer", "À clôturer", RequestStatus.AWAITING_CLOSURE),
    CLOSED("cloturees", "Clôturées", RequestStatus.CLOSED);

    private final String slug;
    private final String label;
    private final RequestStatus stage;

    WorklistTab(String slug, String label, RequestStatus stage) {
        this.slug = slug;
        this.label = label;
        this.stage = stage;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    /** The stage this tab lists, or null for « À traiter », « Mes dossiers », « Avis à donner » and « Tous ». */
    public RequestStatus stage() {
        return stage;
    }

    public static Optional<WorklistTab> ofSlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }

    /** The tab of a stage: its slug names the stage in the stage filter too. */
    public static WorklistTab of(RequestStatus stage) {
        return Arrays.stream(values()).filter(t -> t.stage == stage).findFirst().orElseThrow();
    }
}
