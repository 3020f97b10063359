package fr.subventions.submission;

import java.util.ArrayList;
import java.util.List;

/**
 * The documents an officer expects with a request (CERFA n° 12156): statuts, RIB, budget prévisionnel, the last
 * accounts, the activity report, and the signed Contrat d'Engagement Républicain of an association or a foundation
 * (loi 2000-321 art. 10-1). The completeness check ticks them against those received.
 */
public final class ExpectedDocuments {

    private ExpectedDocuments() {
    }

    public static List<DocumentType> of(LegalForm legalForm) {
        List<DocumentType> expected = new ArrayList<>(List.of(DocumentType.STATUTS, DocumentType.RIB,
                DocumentType.BUDGET_PREVISIONNEL, DocumentType.COMPTES, DocumentType.RAPPORT_ACTIVITE));
        if (legalForm != null && legalForm.signsRepublicanCommitment()) {
            expected.add(DocumentType.CONTRAT_ENGAGEMENT_REPUBLICAIN);
        }
        return List.copyOf(expected);
    }
}
