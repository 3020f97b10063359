package fr.subventions.operations;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The area and French summary of every /api operation, by HTTP method and path as the controllers map them. Kept here
 * rather than on the controllers, apart from the domain's code; {@code ApiDocumentationTest} fails when an endpoint has
 * no entry or an entry no endpoint.
 */
final class ApiOperations {

    record Entry(String tag, String summary) {
    }

    static final String REQUESTS = "Demandes";
    static final String DOCUMENTS = "Pièces et documents";
    static final String INSTRUCTION = "Instruction";
    static final String SESSIONS = "Séances";
    static final String MEMBERS = "Élus et procurations";
    static final String BUDGET = "Budget";
    static final String CONVENTIONS = "Conventions";
    static final String PAYMENTS = "Versements";
    static final String EXPORTS = "Exports";
    static final String OPEN_DATA = "Données ouvertes";
    static final String MAILS = "Courriels";
    static final String ACTS = "Actes";
    static final String EXCHANGES = "Messages et notes";
    static final String OPINIONS = "Avis des services";

    /** The areas, in the order of the document, with their descriptions. */
    static final Map<String, String> TAGS = new LinkedHashMap<>();

    static final Map<String, Entry> OPERATIONS = new LinkedHashMap<>();

    static {
        TAGS.put(REQUESTS, "Dépôt, suivi, retrait et clôture des demandes de subvention");
        TAGS.put(DOCUMENTS, "Pièces déposées par le demandeur et documents produits par la collectivité");
        TAGS.put(INSTRUCTION, "Complétude et instruction par les instructeurs");
        TAGS.put(EXCHANGES, "Messages entre le demandeur et la collectivité, notes internes du personnel");
        TAGS.put(OPINIONS, "Avis demandés à d'autres services ou à des collègues, avec échéance ; jamais montrés au demandeur");
        TAGS.put(SESSIONS, "Séances de l'assemblée : ordre du jour, convocation, présences, votes, clôture");
        TAGS.put(MEMBERS, "Élus, mandats, registre des intérêts et procurations");
        TAGS.put(BUDGET, "Lignes budgétaires, crédits et engagement");
        TAGS.put(CONVENTIONS, "Signature des conventions et conventions pluriannuelles");
        TAGS.put(ACTS, "Actes signés, transmission à la préfecture (@CTES), accusés de réception, publication et caractère"
                + " exécutoire");
        TAGS.put(PAYMENTS, "Échéancier, versements et compte rendu financier");
        TAGS.put(EXPORTS, "Classeurs pour les services");
        TAGS.put(OPEN_DATA, "Publications ouvertes à tous, au format SCDL");
        TAGS.put(MAILS, "Courriels aux demandeurs et aux agents : envois, attentes et échecs de la file d'envoi");

        put("POST", "/api/requests", REQUESTS, "Déposer une demande de subvention");
        put("GET", "/api/requests", REQUESTS, "Lister les demandes (les siennes pour un demandeur, toutes pour les agents)");
        put("GET", "/api/requests/{reference}", REQUESTS, "Consulter une demande : étape, montants, historique");
        put("POST", "/api/requests/{reference}/resubmission", REQUESTS, "Renvoyer la demande après l'envoi des pièces manquantes");
        put("POST", "/api/requests/{reference}/withdrawal", REQUESTS, "Retirer la demande avant le vote");
        put("POST", "/api/requests/{reference}/closure", REQUESTS, "Clôturer la demande");
        put("POST", "/api/requests/batch", REQUESTS, "Agir sur une sélection de demandes (500 au plus) : prendre, "
                + "libérer, confier leur tâche, les inscrire à l'ordre du jour, enregistrer leur versement, les clôturer");

        put("POST", "/api/requests/{reference}/documents", DOCUMENTS, "Déposer une pièce");
        put("GET", "/api/requests/{reference}/documents", DOCUMENTS,
                "Lister les pièces et documents de la demande (pour le demandeur, sans les documents internes)");
        put("GET", "/api/documents/{id}/content", DOCUMENTS,
                "Télécharger une pièce ou un document (un document interne répond 404 au demandeur)");

        put("GET", "/api/requests/{reference}/messages", EXCHANGES,
                "Lire les messages de la demande, du plus ancien au plus récent (les marque lus pour l'agent)");
        put("POST", "/api/requests/{reference}/messages", EXCHANGES,
                "Écrire un message à l'autre partie, en JSON ou en multipart avec des pièces jointes");
        put("GET", "/api/requests/{reference}/notes", EXCHANGES, "Lire les notes internes du dossier (personnel seulement)");
        put("POST", "/api/requests/{reference}/notes", EXCHANGES, "Écrire une note interne (personnel seulement)");
        put("PUT", "/api/requests/{reference}/notes/{id}", EXCHANGES,
                "Corriger sa note interne, dans les 24 heures qui suivent son écriture");

        put("POST", "/api/requests/{reference}/completeness", INSTRUCTION, "Déclarer la demande complète ou incomplète");
        put("POST", "/api/requests/{reference}/instruction", INSTRUCTION,
                "Instruire la demande : avis, montant proposé, lignes budgétaires et rapport");

        put("POST", "/api/requests/{reference}/opinions", OPINIONS,
                "Demander l'avis d'un ou plusieurs services ou collègues : question, échéance, confidentialité, pièces");
        put("GET", "/api/requests/{reference}/opinions", OPINIONS,
                "Lister les avis demandés sur la demande (agents ; les avis confidentiels des autres services masqués)");
        put("POST", "/api/opinions/{id}", OPINIONS, "Donner l'avis demandé : favorable, avec réserves ou défavorable, et son texte");
        put("POST", "/api/opinions/{id}/withdrawal", OPINIONS, "Retirer une demande d'avis encore attendue");

        put("POST", "/api/sessions", SESSIONS, "Créer une séance");
        put("GET", "/api/sessions/{id}", SESSIONS, "Consulter une séance et son ordre du jour");
        put("POST", "/api/sessions/{id}/agenda", SESSIONS, "Inscrire des demandes à l'ordre du jour");
        put("POST", "/api/sessions/{id}/convocation", SESSIONS, "Arrêter l'ordre du jour et convoquer l'assemblée");
        put("PUT", "/api/sessions/{id}/attendance", SESSIONS, "Enregistrer les présences et les procurations");
        put("GET", "/api/sessions/{id}/attendance", SESSIONS, "Présents, procurations et quorum de la séance");
        put("POST", "/api/sessions/{id}/movements", SESSIONS, "Enregistrer une arrivée ou un départ en cours de séance");
        put("GET", "/api/sessions/{id}/movements", SESSIONS, "Lister les arrivées et départs en cours de séance");
        put("POST", "/api/sessions/{id}/items/{reference}/vote", SESSIONS, "Enregistrer le vote d'un point de l'ordre du jour");
        put("POST", "/api/sessions/{id}/items/{reference}/conflicts", SESSIONS, "Déporter un élu sur un point, ou lever le déport");
        put("GET", "/api/sessions/{id}/items/{reference}/conflicts", SESSIONS, "Lister les déports d'un point");
        put("POST", "/api/sessions/{id}/closure", SESSIONS, "Clore la séance");
        put("POST", "/api/sessions/{id}/reconvocation", SESSIONS, "Convoquer de nouveau l'assemblée faute de quorum");
        put("GET", "/api/sessions/{id}/documents", SESSIONS, "Lister les documents de la séance");

        put("GET", "/api/members", MEMBERS, "Lister les élus d'une assemblée");
        put("POST", "/api/members", MEMBERS, "Ajouter un élu");
        put("POST", "/api/members/{id}/mandates", MEMBERS, "Ouvrir un mandat");
        put("POST", "/api/members/{id}/mandate-end", MEMBERS, "Terminer le mandat en cours");
        put("POST", "/api/members/{id}/interests", MEMBERS, "Déclarer un intérêt d'un élu au registre");
        put("GET", "/api/members/{id}/interests", MEMBERS, "Consulter le registre des intérêts d'un élu");
        put("POST", "/api/proxies", MEMBERS, "Enregistrer une procuration");
        put("GET", "/api/proxies", MEMBERS, "Lister les procurations");
        put("POST", "/api/proxies/{id}/revocation", MEMBERS, "Révoquer une procuration");

        put("GET", "/api/budget-lines", BUDGET, "Lister les lignes budgétaires d'un exercice et leurs crédits");
        put("POST", "/api/budget-lines/import", BUDGET, "Importer les crédits votés d'un fichier budgétaire (CSV ou .xlsx)");
        put("GET", "/api/budget-lines/workbook.xlsx", BUDGET, "Télécharger le classeur budgétaire de l'exercice (.xlsx)");
        put("POST", "/api/requests/{reference}/imputation", BUDGET, "Engager les crédits de la subvention");

        put("POST", "/api/requests/{reference}/convention/signatures", CONVENTIONS,
                "Signer la convention (bénéficiaire) ou enregistrer la signature du Président");
        put("POST", "/api/framework-conventions", CONVENTIONS, "Enregistrer une convention pluriannuelle");
        put("GET", "/api/framework-conventions", CONVENTIONS, "Lister les conventions pluriannuelles");
        put("GET", "/api/framework-conventions/{id}", CONVENTIONS, "Consulter une convention pluriannuelle");
        put("POST", "/api/requests/{reference}/framework", CONVENTIONS, "Rattacher la demande à une convention pluriannuelle");

        put("GET", "/api/requests/{reference}/payments", PAYMENTS, "Consulter l'échéancier des versements");
        put("POST", "/api/requests/{reference}/payments", PAYMENTS, "Enregistrer le versement dû");
        put("POST", "/api/requests/{reference}/financial-report", PAYMENTS, "Remettre le compte rendu financier déposé");

        put("GET", "/api/exports/requests.xlsx", EXPORTS, "Télécharger l'export des demandes (.xlsx)");
        put("POST", "/api/exports/bundle", EXPORTS, "Télécharger les pièces d'une sélection de demandes (ZIP, un dossier "
                + "par demande et un index .xlsx)");

        put("GET", "/api/opendata/subventions.csv", OPEN_DATA, "Subventions conventionnées d'une année (SCDL subventions, CSV)");
        put("GET", "/api/opendata/deliberations.csv", OPEN_DATA, "Délibérations d'une année sur les subventions (SCDL délibérations, CSV)");

        put("GET", "/api/requests/{reference}/act", ACTS,
                "La délibération de la demande : son numéro, son état, son identifiant préfecture et ses dates");
        put("GET", "/api/acts/{number}/package", ACTS, "L'archive @CTES d'un acte, telle que déposée pour la préfecture");
        put("POST", "/api/acts/{number}/transmission", ACTS, "Transmettre de nouveau un acte à la préfecture");
        put("POST", "/api/acts/acknowledgements", ACTS,
                "Enregistrer la réponse de la préfecture : accusé de réception (ARActe) ou anomalie");
        put("POST", "/api/sessions/{id}/publication", ACTS, "Publier les actes signés d'une séance");

        put("GET", "/api/mails", MAILS, "Lister les courriels de la file d'envoi, par statut ou par demande");
        put("POST", "/api/mails/{id}/retry", MAILS, "Renvoyer un courriel en échec");
    }

    private ApiOperations() {
    }

    private static void put(String method, String path, String tag, String summary) {
        if (OPERATIONS.put(method + " " + path, new Entry(tag, summary)) != null) {
            throw new IllegalStateException("Described twice: " + method + " " + path);
        }
    }

    /** The entry of an operation, or null when it has none (which the tests refuse). */
    static Entry of(String method, String path) {
        return OPERATIONS.get(method + " " + path);
    }
}
