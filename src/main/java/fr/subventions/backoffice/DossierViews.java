package fr.subventions.backoffice;

import fr.subventions.shared.Caller;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the dossier page shows of a request, read from our tables. */
@Service
@Transactional(readOnly = true)
public class DossierViews {

    private final SubsidyRequestService requests;

    DossierViews(SubsidyRequestService requests) {
        this.requests = requests;
    }

    /** The dossier of a request, for a member of staff (404 for an unknown reference). */
    public DossierView of(String reference, Caller caller) {
        SubsidyRequest request = requests.get(reference, caller);
        return new DossierView(request.reference(), request.title());
    }

    /** The dossier page's read model. */
    public record DossierView(String reference, String title) {
    }
}
