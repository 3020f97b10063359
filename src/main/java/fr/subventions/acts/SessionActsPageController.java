package fr.subventions.acts;

import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.SessionService;
import fr.subventions.shared.Caller;
import fr.subventions.shared.DatabaseFailures;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretariat's page of a séance's acts: where each stands (signed, sent, acknowledged, published, executory, or
 * refused by the prefecture), what is to be published and by when (L2121-25), the prefecture's replies uploaded, an
 * act sent again.
 */
@Controller
class SessionActsPageController {

    private static final String CONCURRENT_CHANGE = "Un autre traitement modifiait ces actes au même moment (un envoi à "
            + "la préfecture, sans doute) : rien n'a été enregistré. Recommencez dans un instant.";

    private final ActRegister register;
    private final PrefectureReplies replies;
    private final SessionService sessions;
    private final Clock clock;

    SessionActsPageController(ActRegister register, PrefectureReplies replies, SessionService sessions, Clock clock) {
        this.register = register;
        this.replies = replies;
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/seances/{id}/actes")
    String page(@PathVariable Long id, Model model) {
        return show(id, model, Map.of());
    }

    /** The page, with the upload's refusal under its field when there is one. */
    private String show(Long id, Model model, Map<String, String> errors) {
        AssemblySession session = sessions.get(id);
        model.addAttribute("errors", errors);
        LocalDate today = LocalDate.now(clock);
        List<Act> acts = register.ofSession(id);
        LocalDate due = PublicationDeadline.dueOn(session.sessionDate());
        // "seance": Thymeleaf keeps the name "session" for the HTTP session's attributes
        model.addAttribute("seance", session);
        // the times in the authority's zone, whatever the server's
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("acts", acts.stream().map(act -> ActView.of(act, today)).toList());
        model.addAttribute("objects", acts.stream().map(Act::object).toList());
        model.addAttribute("publicationDue", due);
        model.addAttribute("toPublish", acts.stream().filter(a -> a.publishedAt() == null).count());
        model.addAttribute("overdue", acts.stream().anyMatch(a -> PublicationDeadline.overdue(a, today)));
        return "actes/seance";
    }

    @PostMapping("/seances/{id}/actes/publication")
    String publish(@PathVariable Long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            int published = register.publishSession(id).size();
            return published == 0 ? "Aucun acte signé n'attendait sa publication."
                    : published + " acte(s) publié(s) sur la page publique des actes.";
        });
    }

    /**
     * A reply of the prefecture received otherwise than through the inbox. A file that is none — missing, not XML, not
     * one of the prefecture's answers, over 1 Mio — is refused on the page itself (400), its reason under the field;
     * an act unknown or already acknowledged is told as the other actions' refusals are.
     */
    @PostMapping("/seances/{id}/actes/accuses")
    String acknowledgement(@PathVariable Long id, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        sessions.get(id);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "joignez le fichier XML reçu de la préfecture (ARActe ou anomalie)");
            }
            Act act = replies.apply(bytes(file));
            redirect.addFlashAttribute("message", "Réponse de la préfecture enregistrée pour l'acte n° " + act.number()
                    + " : " + act.state().label() + ".");
        } catch (InvalidInputException e) {
            String reasons = String.join(" ; ", e.errors().stream().map(FieldError::message).toList());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("probleme", "La réponse de la préfecture n'a pas été enregistrée : le fichier est refusé.");
            return show(id, model, Map.of("file", "Fichier refusé : " + reasons + "."));
        } catch (StageConflictException | NotFoundException e) {
            redirect.addFlashAttribute("probleme", e.getMessage());
        }
        return "redirect:/seances/" + id + "/actes";
    }

    @PostMapping("/seances/{id}/actes/{number}/transmission")
    String sendAgain(@PathVariable Long id, @PathVariable String number, Caller caller, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            register.sendAgain(number, caller.username());
            return "L'acte n° " + number + " est de nouveau transmis à la préfecture.";
        });
    }

    /** At most {@link PrefectureMessages#MAX_BYTES} + 1 bytes: a larger file is refused by its size, never read whole. */
    private static byte[] bytes(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(PrefectureMessages.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String act(Long id, RedirectAttributes redirect, Supplier<String> action) {
        sessions.get(id);
        try {
            redirect.addFlashAttribute("message", action.get());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("probleme", String.join(" ; ", e.errors().stream().map(FieldError::message).toList()));
        } catch (StageConflictException | NotFoundException e) {
            redirect.addFlashAttribute("probleme", e.getMessage());
        } catch (RuntimeException e) {
            // an act being sent by the register's job at the same moment: told as the API tells it (409), not a 500
            if (!DatabaseFailures.isConcurrentChange(e)) {
                throw e;
            }
            redirect.addFlashAttribute("probleme", CONCURRENT_CHANGE);
        }
        return "redirect:/seances/" + id + "/actes";
    }
}
