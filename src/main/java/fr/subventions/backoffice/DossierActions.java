package fr.subventions.backoffice;

import fr.subventions.shared.Caller;
import org.springframework.stereotype.Service;

/** The action the dossier page offers at the request's current stage, and who may take it. */
@Service
public class DossierActions {

    /** The current stage's action for this member of staff. */
    public CurrentAction current(String reference, Caller caller) {
        return new CurrentAction(reference, "NONE");
    }

    /** The dossier page's action form: which one, for which request. */
    public record CurrentAction(String reference, String kind) {
    }
}
