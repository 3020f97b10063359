package fr.subventions.backoffice;

import fr.subventions.shared.Caller;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.StageConflictException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The worklist's selection ({@code templates/gestion/liste.html}): the lines ticked, or the whole page, sent to a batch
 * action — answered by the summary of what was done and refused, request by request — or to a ZIP of their documents.
 * A refused form comes back on the selection's page, {@code templates/gestion/lot.html}, with the requests still
 * ticked and each message under its field (400), or the séance's refusal at the top (409); nothing is done then.
 */
@Controller
class SelectionController {

    static final String PATH = "/gestion/lot";
    static final String ZIP_PATH = "/gestion/lot/pieces.zip";
    /** The ticked lines, the page's lines and « the whole page », as the worklist's form names them. */
    static final String REFERENCE = "reference";
    static final String PAGE_REFERENCE = "pageReference";
    static final String WHOLE_PAGE = "toutes";

    /** The fields as the error summary names them. */
    static final Map<String, String> LABELS = Map.of("action", "Action", REFERENCE, "Sélection", "assignee", "Agent",
            "sessionId", "Séance", "paidOn", "Date du versement", "mandateReference", "N° du mandat de paiement");

    private final BatchActions batch;
    private final DossierBundle bundle;
    private final SelectionChoices choices;
    private final Clock clock;

    SelectionController(BatchActions batch, DossierBundle bundle, SelectionChoices choices, Clock clock) {
        this.batch = batch;
        this.bundle = bundle;
        this.choices = choices;
        this.clock = clock;
    }

    @PostMapping(PATH)
    String batch(@RequestParam MultiValueMap<String, String> form, Caller caller, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        List<String> selected = selected(form);
        try {
            model.addAttribute("report", batch.run(command(form, selected), caller));
            return page(selected, form, Map.of(), caller, model, request);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(selected, form, errors(e), caller, model, request);
        } catch (StageConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("probleme", "Rien n'a été fait : " + e.getMessage());
            return page(selected, form, Map.of(), caller, model, request);
        }
    }

    @PostMapping(ZIP_PATH)
    ModelAndView zip(@RequestParam MultiValueMap<String, String> form, Caller caller, Model model,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> selected = selected(form);
        List<String> references;
        try {
            references = bundle.check(selected, caller);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return new ModelAndView(page(selected, form, errors(e), caller, model, request));
        }
        SelectionApiController.zipResponse(response, LocalDate.now(clock));
        bundle.write(references, caller, response.getOutputStream());
        // written: no view
        return null;
    }

    /** The whole page's lines when « toutes » is ticked, otherwise the lines ticked. */
    private static List<String> selected(MultiValueMap<String, String> form) {
        boolean wholePage = Optional.ofNullable(form.getFirst(WHOLE_PAGE)).filter(v -> !v.isBlank()).isPresent();
        return Optional.ofNullable(form.get(wholePage ? PAGE_REFERENCE : REFERENCE)).orElse(List.of());
    }

    /** The form as a command: the parameter of the action chosen only, the others' fields left aside. */
    private static BatchCommand command(MultiValueMap<String, String> form, List<String> selected) {
        String action = form.getFirst("action");
        BatchAction chosen = action == null ? null : BatchAction.of(action.strip()).orElse(null);
        String assignee = null;
        Long sessionId = null;
        LocalDate paidOn = null;
        String mandate = null;
        if (chosen == BatchAction.ASSIGN) {
            assignee = ActionFields.blankToNull(form.getFirst("assignee"));
        } else if (chosen == BatchAction.ADD_TO_AGENDA) {
            String session = ActionFields.blankToNull(form.getFirst("sessionId"));
            if (session != null) {
                try {
                    sessionId = Long.valueOf(session.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("sessionId", "séance inconnue : choisissez une séance en préparation");
                }
            }
        } else if (chosen == BatchAction.RECORD_PAYMENT) {
            paidOn = ActionFields.date(form.getFirst("paidOn"), "paidOn");
            mandate = ActionFields.blankToNull(form.getFirst("mandateReference"));
        }
        return new BatchCommand(action, selected, assignee, sessionId, paidOn, mandate);
    }

    /** Each message under its field on the page: those about the references under the selection. */
    private static Map<String, String> errors(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.errors()) {
            errors.merge(Selection.onPage(error.field()), error.message(), (a, b) -> a + " ; " + b);
        }
        return errors;
    }

    private String page(List<String> selected, MultiValueMap<String, String> form, Map<String, String> errors,
            Caller caller, Model model, HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : LABELS.keySet()) {
            String value = form.getFirst(field);
            if (value != null) {
                values.put(field, value);
            }
        }
        model.addAttribute("selected", selected);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("labels", LABELS);
        model.addAttribute("dossiers", request.getContextPath() + "/gestion/demandes/");
        model.addAttribute("path", request.getContextPath() + PATH);
        model.addAttribute("zipPath", request.getContextPath() + ZIP_PATH);
        model.addAttribute("today", LocalDate.now(clock).toString());
        choices.describe(caller, model);
        return "gestion/lot";
    }
}
