package fr.subventions.backoffice;

import fr.subventions.shared.Caller;
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
    private final DossierActions actions;

    DossierController(DossierViews dossiers, DossierActions actions) {
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
        if (!model.containsAttribute("action")) {
            model.addAttribute("action", actions.current(reference, caller));
        }
        return "gestion/dossier";
    }
}
