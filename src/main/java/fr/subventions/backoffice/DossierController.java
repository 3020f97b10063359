package fr.subventions.backoffice;

import fr.subventions.acts.ActRegister;
import fr.subventions.collaboration.InternalNotes;
import fr.subventions.collaboration.Messages;
import fr.subventions.shared.Caller;
import fr.subventions.shared.PageForm;
import fr.subventions.submission.SubsidyRequestService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dossier page of the back office: the request as filed and everything that happened to it
 * ({@link DossierViews}), the current stage's action as a form ({@link DossierActions}), the thread of messages with the
 * applicant and staff's internal notes ({@link DossierCollaborationController}), and the opinions asked of other
 * services ({@link DossierOpinions}). Opening the page reads the thread.
 */
@Controller
class DossierController {

    private final DossierViews dossiers;
    private final ActRegister acts;
    private final SubsidyRequestService requests;
    private final DossierActions actions;
    private final Messages messages;
    private final InternalNotes notes;
    private final DossierOpinions opinions;

    DossierController(DossierViews dossiers, DossierActions actions, ActRegister acts, SubsidyRequestService requests,
            Messages messages, InternalNotes notes, DossierOpinions opinions) {
        this.messages = messages;
        this.notes = notes;
        this.opinions = opinions;
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
        DossierView dossier = dossiers.of(reference, caller);
        model.addAttribute("dossier", dossier);
        // the opinions asked of other services, those awaited from the caller, and the form that asks for more
        model.addAttribute("avis", opinions.of(reference, caller, dossier.documents()));
        if (!model.containsAttribute("avisForm")) {
            model.addAttribute("avisForm", PageForm.empty());
        }
        // the deliberation on its way to being executory (CGCT L2131-1): signed, sent, acknowledged, published
        model.addAttribute("act", acts.deliberationOf(requests.get(reference, caller).id()).orElse(null));
        if (!model.containsAttribute("action")) {
            model.addAttribute("action", actions.current(reference, caller));
        }
        model.addAttribute("thread", messages.thread(reference, caller, id -> "/gestion/documents/" + id + "/telechargement"));
        model.addAttribute("notes", notes.lines(reference, caller));
        if (!model.containsAttribute("messageForm")) {
            model.addAttribute("messageForm", PageForm.empty());
        }
        if (!model.containsAttribute("noteForm")) {
            model.addAttribute("noteForm", PageForm.empty());
        }
        return "gestion/dossier";
    }
}
