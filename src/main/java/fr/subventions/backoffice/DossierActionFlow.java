package fr.subventions.backoffice;

import fr.subventions.backoffice.DossierActions.Step;
import fr.subventions.shared.Caller;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.StageConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * How the dossier page answers its action forms ({@link DossierTaskController}, {@link OfficerStepsController},
 * {@link SecretariatStepsController}, {@link FinanceStepsController}): done, back to the page with what was done; refused,
 * the page again with each message under its field (400), or a stage that has moved on or a task someone else has with
 * its reason at the top (409).
 */
@Component
class DossierActionFlow {

    private final DossierController dossier;
    private final DossierActions actions;

    DossierActionFlow(DossierController dossier, DossierActions actions) {
        this.dossier = dossier;
        this.actions = actions;
    }

    /** An action that answers what it did, in French, for the page. */
    @FunctionalInterface
    interface Action {
        String run();
    }

    /**
     * Runs the action; done, back to the dossier page with its message. Refused, the page again: the step's form with
     * the values sent and each message under its field (400), or the reason at the top (409). {@code onScreen} names
     * the field of the page that a domain's message about {@code field} goes under.
     */
    String act(String reference, Step step, Map<String, String> form, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response, UnaryOperator<String> onScreen, Action action) {
        try {
            redirect.addFlashAttribute("message", action.run());
            return "redirect:/gestion/demandes/" + UriUtils.encodePathSegment(reference, StandardCharsets.UTF_8);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError error : e.errors()) {
                errors.merge(onScreen.apply(error.field()), error.message(), (a, b) -> a + " ; " + b);
            }
            return refused(reference, step, form, errors, null, HttpStatus.BAD_REQUEST, caller, model, response);
        } catch (StageConflictException e) {
            return refused(reference, step, form, Map.of(), e.getMessage(), HttpStatus.CONFLICT, caller, model, response);
        }
    }

    /** The page again with the form's values, the step's form previewed if the request is still at that step. */
    String preview(String reference, Step step, Map<String, String> form, Caller caller, Model model) {
        CurrentAction current = actions.current(reference, caller);
        model.addAttribute("action", current.step() == step ? current.previewed(shown(form)) : current);
        return dossier.page(reference, caller, model);
    }

    private String refused(String reference, Step step, Map<String, String> form, Map<String, String> errors,
            String problem, HttpStatus status, Caller caller, Model model, HttpServletResponse response) {
        CurrentAction current = actions.current(reference, caller);
        boolean sameForm = step != null && current.step() == step && problem == null;
        model.addAttribute("action", sameForm ? current.refused(shown(form), errors) : current);
        if (problem != null) {
            model.addAttribute("probleme", problem);
        } else if (!sameForm) {
            // no form of this step on the page to hold the messages: they go at the top
            model.addAttribute("probleme", "L'action n'a pas été enregistrée : " + String.join(" ; ", errors.values()));
        }
        response.setStatus(status.value());
        return dossier.page(reference, caller, model);
    }

    /** The form's fields as they come back on the page: the token aside. */
    private static Map<String, String> shown(Map<String, String> form) {
        Map<String, String> shown = new LinkedHashMap<>(form);
        shown.remove("_csrf");
        return shown;
    }
}
