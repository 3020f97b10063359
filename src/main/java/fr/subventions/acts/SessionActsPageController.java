package fr.subventions.acts;

import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.SessionService;
import fr.subventions.shared.Caller;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
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
        AssemblySession session = sessions.get(id);
        LocalDate today = LocalDate.now(clock);
        List<Act> acts = register.ofSession(id);
        LocalDate due = PublicationDeadline.dueOn(session.sessionDate());
        model.addAttribute("session", session);
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

    @PostMapping("/seances/{id}/actes/accuses")
    String acknowledgement(@PathVariable Long id, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "joignez le fichier XML reçu de la préfecture (ARActe ou anomalie)");
            }
            Act act = replies.apply(bytes(file));
            return "Réponse de la préfecture enregistrée pour l'acte n° " + act.number() + " : " + act.state().label() + ".";
        });
    }

    @PostMapping("/seances/{id}/actes/{number}/transmission")
    String sendAgain(@PathVariable Long id, @PathVariable String number, Caller caller, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            register.sendAgain(number, caller.username());
            return "L'acte n° " + number + " est de nouveau transmis à la préfecture.";
        });
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
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
        }
        return "redirect:/seances/" + id + "/actes";
    }
}
