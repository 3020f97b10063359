package fr.subventions.backoffice;

import fr.subventions.collaboration.InternalNotes;
import fr.subventions.collaboration.MessageForms;
import fr.subventions.collaboration.Messages;
import fr.subventions.shared.Caller;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.PageForm;
import fr.subventions.shared.StageConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The dossier page's thread and notes: a message to the applicant (with files, and the box « Demander une réponse au
 * demandeur »), a new internal note, its author's correction. Done, back to the page with what was done; refused, the
 * page again with each message under its field (400), or the reason at the top (409: a closed request, a note frozen).
 */
@Controller
class DossierCollaborationController {

    private final DossierController dossier;
    private final Messages messages;
    private final InternalNotes notes;

    DossierCollaborationController(DossierController dossier, Messages messages, InternalNotes notes) {
        this.dossier = dossier;
        this.messages = messages;
        this.notes = notes;
    }

    @PostMapping("/gestion/demandes/{reference}/messages")
    String message(@PathVariable String reference, @RequestParam(required = false) String message,
            @RequestParam(required = false) String question, @RequestParam(required = false) List<MultipartFile> files,
            Caller caller, Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("message", message);
        sent.put("question", question);
        try {
            boolean asked = MessageForms.question(question, "question");
            messages.send(reference, new Messages.Draft(message, asked, MessageForms.uploads(files)), caller);
            redirect.addFlashAttribute("message", asked
                    ? "Message envoyé au demandeur, avec une demande de réponse : la demande est en attente de sa réponse."
                    : "Message envoyé au demandeur.");
            return back(reference, "messages");
        } catch (InvalidInputException e) {
            model.addAttribute("messageForm", PageForm.refused(sent, e.errors(), onScreen("message"), null));
            return refused(reference, HttpStatus.BAD_REQUEST, null, caller, model, response);
        } catch (StageConflictException e) {
            model.addAttribute("messageForm", PageForm.refused(sent, List.of(), onScreen("message"), null));
            return refused(reference, HttpStatus.CONFLICT, e.getMessage(), caller, model, response);
        }
    }

    @PostMapping("/gestion/demandes/{reference}/notes")
    String note(@PathVariable String reference, @RequestParam(required = false) String note, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("note", note);
        try {
            notes.write(reference, note, caller);
            redirect.addFlashAttribute("message", "Note interne enregistrée : vous pouvez la corriger pendant 24 heures.");
            return back(reference, "notes");
        } catch (InvalidInputException e) {
            model.addAttribute("noteForm", PageForm.refused(sent, e.errors(), onScreen("note"), null));
            return refused(reference, HttpStatus.BAD_REQUEST, null, caller, model, response);
        }
    }

    /** Its author corrects a note, within 24 hours; another member of staff is refused (403). */
    @PostMapping("/gestion/demandes/{reference}/notes/{id}")
    String correct(@PathVariable String reference, @PathVariable Long id, @RequestParam(required = false) String note,
            Caller caller, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("note-" + id, note);
        try {
            notes.correct(reference, id, note, caller);
            redirect.addFlashAttribute("message", "Note interne corrigée.");
            return back(reference, "note-" + id);
        } catch (InvalidInputException e) {
            model.addAttribute("noteForm", PageForm.refused(sent, e.errors(), onScreen("note-" + id), id));
            return refused(reference, HttpStatus.BAD_REQUEST, null, caller, model, response);
        } catch (StageConflictException e) {
            return refused(reference, HttpStatus.CONFLICT, e.getMessage(), caller, model, response);
        }
    }

    /** The text's messages go under the page's field for it; the others under their own. */
    private static UnaryOperator<String> onScreen(String textField) {
        return field -> field.equals("text") ? textField : field;
    }

    private static String back(String reference, String anchor) {
        return "redirect:/gestion/demandes/" + UriUtils.encodePathSegment(reference, StandardCharsets.UTF_8) + "#" + anchor;
    }

    private String refused(String reference, HttpStatus status, String problem, Caller caller, Model model,
            HttpServletResponse response) {
        if (problem != null) {
            model.addAttribute("probleme", problem);
        }
        response.setStatus(status.value());
        return dossier.page(reference, caller, model);
    }
}
