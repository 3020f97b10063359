package fr.subventions.backoffice;

import fr.subventions.acts.ActRegister;
import fr.subventions.shared.Caller;
import fr.subventions.submission.SubsidyRequestService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dossier page of the back office: the request as filed and everything that happened to it
 * ({@link DossierViews}), and the current stage's action as a form ({@link DossierActions}).
 */
@Controller
class DossierController {

    private final DossierViews dossiers;
    private final ActRegister acts;
    private final SubsidyRequestService requests;
    private final DossierActions actions;

    DossierController(DossierViews dossiers, DossierActions actions, ActRegister acts, SubsidyRequestService requests) {
        this.acts = acts;
        this.requests = requests;
        this.dossiers = dossiers;
        this.actions = actions;
    }

    @GetMapping("/gestion/demandes/{reference}")
    String show(@PathVariable String reference, Caller caller, Model model) {
        return page(reference, caller, model);
    }

    /** The page's model: the dossier and its current action; the action's controller renders it again after a refusal. */
    String page(String reference, Caller caller, Model model) {
        model.addAttribute("dossier", dossiers.of(reference, caller));
        // the deliberation on its way to being executory (CGCT L2131-1): signed, sent, acknowledged, published
        model.addAttribute("act", acts.deliberationOf(requests.get(reference, caller).id()).orElse(null));
        if (!model.containsAttribute("action")) {
            model.addAttribute("action", actions.current(reference, caller));
        }
        return "gestion/dossier";
    }
}
