package fr.subventions.backoffice;

import fr.subventions.submission.SubsidyRequestService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A request's dossier page by the id its process carries: the link that opens every Camunda Form of a request
 * ({@code /gestion/dossiers/{{requestId}}}), which knows the id and not the reference. Staff only, as all of /gestion;
 * an unknown id answers 404, anything but a number 400.
 */
@Controller
class DossierRedirectController {

    private final SubsidyRequestService requests;

    DossierRedirectController(SubsidyRequestService requests) {
        this.requests = requests;
    }

    @GetMapping("/gestion/dossiers/{requestId}")
    String dossier(@PathVariable long requestId) {
        // a reference is SUB-, the year and a number: nothing to encode in the path
        return "redirect:/gestion/demandes/" + requests.byId(requestId).reference();
    }
}
