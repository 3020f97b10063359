package fr.subventions.backoffice;

import fr.subventions.consultation.OpinionQuestion;
import fr.subventions.consultation.OpinionQuestion.Asked;
import fr.subventions.consultation.OpinionQuestion.Upload;
import fr.subventions.consultation.OpinionService;
import fr.subventions.consultation.OpinionView;
import fr.subventions.consultation.Recipient;
import fr.subventions.consultation.Verdict;
import fr.subventions.shared.Caller;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.PageForm;
import fr.subventions.shared.StageConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The dossier page's forms of the opinions asked of other services ({@link DossierOpinions}): an instructing officer
 * asks (with files uploaded and the dossier's documents chosen), the one asked gives the opinion, its asker withdraws
 * it. Each goes through {@link OpinionService}, as the API does; done, back to the dossier page with what was done;
 * refused, the page again with each message under its field (400), or the reason at the top (409).
 */
@Controller
class OpinionPagesController {

    /** The form that asks for opinions; each awaited opinion's form is « donner-<id> ». */
    private static final String ASK = "demander";

    private final OpinionService opinions;
    private final DossierController dossier;

    OpinionPagesController(OpinionService opinions, DossierController dossier) {
        this.opinions = opinions;
        this.dossier = dossier;
    }

    @PostMapping("/gestion/demandes/{reference}/avis")
    @PreAuthorize("hasAuthority('instructeurs')")
    String ask(@PathVariable String reference, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> attachments, Caller caller,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return answer(reference, ASK, form, caller, model, redirect, response, () -> {
            List<Asked> recipients = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (String key : form.getOrDefault("askedOf", List.of())) {
                Recipient.parse(key).ifPresentOrElse(r -> recipients.add(new Asked(r, "askedOf")), () -> refused.add(key));
            }
            if (!refused.isEmpty()) {
                throw new InvalidInputException("askedOf", "choix inconnu : choisissez parmi les services et les collègues "
                        + "proposés");
            }
            List<Long> documents = new ArrayList<>();
            for (String id : form.getOrDefault("documentIds", List.of())) {
                try {
                    documents.add(Long.valueOf(id.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("documentIds", "document inconnu : choisissez parmi les pièces du dossier");
                }
            }
            List<OpinionView> asked = opinions.ask(reference, new OpinionQuestion(recipients, "askedOf",
                    form.getFirst("question"), date(form.getFirst("dueOn")), "true".equals(form.getFirst("confidential")),
                    documents, uploads(attachments)), caller);
            return (asked.size() == 1 ? "Avis demandé à « " + asked.get(0).askedOf().label() + " »"
                    : asked.size() + " avis demandés (" + String.join(", ", asked.stream()
                            .map(o -> "« " + o.askedOf().label() + " »").toList()) + ")")
                    + ", pour le " + FrenchText.date(asked.get(0).dueOn()) + " : chacun en est averti par courriel.";
        });
    }

    @PostMapping("/gestion/avis/{id}")
    @PreAuthorize("hasAnyAuthority('instructeurs', 'secretariat', 'finances')")
    String give(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        OpinionView opinion = opinions.view(id);
        return answer(opinion.reference(), "donner-" + id, form, caller, model, redirect, response, () -> {
            String verdict = form.getFirst("verdict");
            Verdict parsed = null;
            if (verdict != null && !verdict.isBlank()) {
                try {
                    parsed = Verdict.valueOf(verdict.strip());
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("verdict", "avis inconnu : favorable, favorable avec réserves ou défavorable");
                }
            }
            OpinionView given = opinions.give(id, parsed, form.getFirst("text"), caller);
            return "Avis « " + given.verdictLabel() + " » enregistré : " + given.askedByName() + " en est averti par "
                    + "courriel.";
        });
    }

    @PostMapping("/gestion/avis/{id}/retrait")
    @PreAuthorize("hasAnyAuthority('instructeurs', 'camunda-admin')")
    String withdraw(@PathVariable Long id, Caller caller, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        OpinionView opinion = opinions.view(id);
        return answer(opinion.reference(), "", new LinkedMultiValueMap<>(), caller, model, redirect, response, () -> {
            OpinionView withdrawn = opinions.withdraw(id, caller);
            return "Demande d'avis à « " + withdrawn.askedOf().label() + " » retirée.";
        });
    }

    /**
     * Runs the action; done, back to the dossier page with its message. Refused, the page again: the form with the
     * values sent and each message under its field (400), or the reason at the top (409), nothing changed.
     */
    private String answer(String reference, String formName, MultiValueMap<String, String> form, Caller caller,
            Model model, RedirectAttributes redirect, HttpServletResponse response, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("message", action.get());
            return "redirect:/gestion/demandes/" + UriUtils.encodePathSegment(reference, StandardCharsets.UTF_8)
                    + "#avis-services";
        } catch (InvalidInputException e) {
            model.addAttribute("avisForm", PageForm.refused(formName, form, e.errors(), OpinionPagesController::onScreen));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return dossier.page(reference, caller, model);
        } catch (StageConflictException e) {
            model.addAttribute("probleme", e.getMessage());
            response.setStatus(HttpStatus.CONFLICT.value());
            return dossier.page(reference, caller, model);
        }
    }

    /** The API's fields as the page names them: a recipient's refusal goes under the services and colleagues ticked. */
    private static String onScreen(String field) {
        return field.equals("group") || field.equals("user") || field.startsWith("groups[") || field.startsWith("users[")
                ? "askedOf" : field;
    }

    /** A date as the page's date field sends it, yyyy-mm-dd; anything else is refused under the field. */
    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("dueOn", "date invalide : choisissez un jour dans le calendrier (AAAA-MM-JJ)");
        }
    }

    /** The files chosen; a file field left empty sends a part without name nor content, which is no file. */
    private static List<Upload> uploads(List<MultipartFile> files) {
        List<Upload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile file : files) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new InvalidInputException("attachments", "le fichier « " + file.getOriginalFilename()
                        + " » n'a pu être lu : envoyez-le de nouveau");
            }
        }
        return uploads;
    }
}
