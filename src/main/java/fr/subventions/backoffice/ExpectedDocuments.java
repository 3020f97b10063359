package fr.subventions.backoffice;

import fr.subventions.convention.RepublicanCommitment;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.SubsidyRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The documents a request is expected to carry (CERFA 12156, « pièces à joindre »): the statutes, a bank statement,
 * the action's budget, the last closed accounts and the activity report, and the Contrat d'Engagement Républicain from
 * an association or a foundation ({@link RepublicanCommitment}). The dossier page ticks them against those received;
 * the completeness check lists them.
 */
@Component
public class ExpectedDocuments {

    private static final List<DocumentType> FROM_EVERY_APPLICANT = List.of(DocumentType.STATUTS, DocumentType.RIB,
            DocumentType.BUDGET_PREVISIONNEL, DocumentType.COMPTES, DocumentType.RAPPORT_ACTIVITE);

    private final RepublicanCommitment republicanCommitment;

    ExpectedDocuments(RepublicanCommitment republicanCommitment) {
        this.republicanCommitment = republicanCommitment;
    }

    /** The types expected of this request's applicant, in the order of the CERFA's list. */
    public List<DocumentType> of(SubsidyRequest request) {
        List<DocumentType> expected = new ArrayList<>(FROM_EVERY_APPLICANT);
        if (republicanCommitment.isRequiredOf(request)) {
            expected.add(DocumentType.CONTRAT_ENGAGEMENT_REPUBLICAIN);
        }
        return List.copyOf(expected);
    }
}
