package fr.subventions.convention;

import fr.subventions.shared.InvalidInputException;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.LegalForm;
import fr.subventions.submission.SubsidyRequest;
import org.springframework.stereotype.Component;

/**
 * The Contrat d'Engagement Républicain (loi 2000-321 art. 10-1, décret 2021-1947): an association or a foundation
 * that asks for a subsidy subscribes it. The applicant files it signed among the request's documents
 * ({@code CONTRAT_ENGAGEMENT_REPUBLICAIN}); without it the request is not complete, so it can be neither instructed
 * nor granted, and the officer asks for it as a missing document. The convention then recalls it among the
 * beneficiary's obligations.
 */
@Component
public class RepublicanCommitment {

    private final DocumentService documents;

    RepublicanCommitment(DocumentService documents) {
        this.documents = documents;
    }

    public boolean isRequiredOf(SubsidyRequest request) {
        return request.applicant().legalForm().signsRepublicanCommitment();
    }

    public boolean isFiledWith(SubsidyRequest request) {
        return documents.list(request).stream().anyMatch(d -> d.type() == DocumentType.CONTRAT_ENGAGEMENT_REPUBLICAIN);
    }

    /** Refuses to declare complete a request of an association or a foundation without its signed contract. */
    public void requireForCompleteness(SubsidyRequest request) {
        if (isRequiredOf(request) && !isFiledWith(request)) {
            String who = request.applicant().legalForm() == LegalForm.FOUNDATION ? "une fondation" : "une association";
            throw new InvalidInputException("complete", "le dossier ne peut être déclaré complet sans le Contrat "
                    + "d'Engagement Républicain signé : " + who + " qui demande une subvention le souscrit (article 10-1 "
                    + "de la loi n° 2000-321 du 12 avril 2000, décret n° 2021-1947 du 31 décembre 2021). Déclarez le "
                    + "dossier incomplet en le demandant comme pièce manquante.");
        }
    }
}
