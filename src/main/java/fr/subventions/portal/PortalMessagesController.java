package fr.subventions.portal;

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
 * The applicant writes to the authority from their request's page, with files if they wish: sent, back to the page
 * with a confirmation; refused, the page again with each message under its field (400), or why the request takes no
 * message any more (409). Another applicant's request answers 404.
 */
@Controller
class PortalMessagesController {

    private final PortalController portal;
    private final Messages messages;

    PortalMessagesController(PortalController portal, Messages messages) {
        this.portal = portal;
        this.messages = messages;
    }

    @PostMapping("/portail/demandes/{reference}/messages")
    String send(@PathVariable String reference, @RequestParam(required = false) String message,
            @RequestParam(required = false) List<MultipartFile> files, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("message", message);
        try {
            messages.sendAsApplicant(reference, new Messages.Draft(message, false, MessageForms.uploads(files)), caller);
            redirect.addFlashAttribute("message", "Message envoyé : le service instructeur en est averti par courriel.");
            return "redirect:/portail/demandes/" + UriUtils.encodePathSegment(reference, StandardCharsets.UTF_8)
                    + "#messages";
        } catch (InvalidInputException e) {
            model.addAttribute("messageForm", PageForm.refused(sent, e.errors(),
                    field -> field.equals("text") ? "message" : field, null));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } catch (StageConflictException e) {
            model.addAttribute("probleme", e.getMessage());
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        return portal.page(reference, caller, model);
    }
}
