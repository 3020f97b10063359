package fr.subventions.backoffice;

import fr.subventions.backoffice.DossierActions.Step;
import fr.subventions.backoffice.OfficerStepForms.Completeness;
import fr.subventions.budget.LineAmount;
import fr.subventions.budget.LineAmounts;
import fr.subventions.shared.Caller;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officers' forms on the dossier page ({@link OfficerStepForms}): the completeness check and the instruction. Each
 * completes the same Camunda user task as the API and Tasklist, through {@link TaskCompleter}, with the same fields,
 * role and stage checks, so that the domain's rules apply once; {@link DossierActionFlow} answers.
 */
@Controller
class OfficerStepsController {

    private final DossierActionFlow flow;
    private final SubsidyRequestService requests;
    private final TaskCompleter tasks;
    private final ExpectedDocuments expectedDocuments;

    OfficerStepsController(DossierActionFlow flow, SubsidyRequestService requests, TaskCompleter tasks,
            ExpectedDocuments expectedDocuments) {
        this.flow = flow;
        this.requests = requests;
        this.tasks = tasks;
        this.expectedDocuments = expectedDocuments;
    }

    /** Completeness: the documents ticked as received, the others asked for with the deadline; or complete. */
    @PostMapping("/gestion/demandes/{reference}/completude")
    @PreAuthorize("hasAuthority('instructeurs')")
    String completeness(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        SubsidyRequest request = requests.get(reference, caller);
        return flow.act(reference, Step.COMPLETENESS, form, caller, model, redirect, response, UnaryOperator.identity(), () -> {
            String decision = form.get("complete");
            if (!"true".equals(decision) && !"false".equals(decision)) {
                throw new InvalidInputException("complete", "indiquez si le dossier est complet ou incomplet");
            }
            boolean complete = Boolean.parseBoolean(decision);
            List<String> missing = new ArrayList<>();
            if (!complete) {
                for (DocumentType type : expectedDocuments.of(request)) {
                    if (!form.containsKey(Completeness.field(type))) {
                        missing.add(type.label());
                    }
                }
                String others = form.get("missing");
                if (others != null) {
                    others.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(missing::add);
                }
            }
            Map<String, Object> fields = new HashMap<>();
            fields.put("isComplete", complete);
            fields.put("missing", missing);
            fields.put("comment", form.get("comment"));
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS, fields,
                    caller.username(), Step.COMPLETENESS.stage());
            return complete ? "Dossier déclaré complet : la demande passe en instruction."
                    : "Pièces manquantes demandées au demandeur : " + String.join(", ", missing) + ".";
        });
    }

    /**
     * Instruction: opinion, proposed amount, the split over the fiscal year's lines, the report. « Prévisualiser » only
     * shows the report as the extract will lay it out, and records nothing.
     */
    @PostMapping("/gestion/demandes/{reference}/instruction")
    @PreAuthorize("hasAuthority('instructeurs')")
    String instruction(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requests.get(reference, caller);
        if (form.containsKey("apercu")) {
            return flow.preview(reference, Step.INSTRUCTION, form, caller, model);
        }
        String opinion = ActionFields.blankToNull(form.get("opinion"));
        AtomicReference<List<LineAmount>> chosen = new AtomicReference<>(List.of());
        return flow.act(reference, Step.INSTRUCTION, form, caller, model, redirect, response,
                ActionFields.onScreen("budgetLines", chosen), () -> {
                    // an unfavourable opinion charges nothing: the amounts of the lines are not read
                    List<LineAmount> split = "UNFAVORABLE".equals(opinion) ? List.of() : ActionFields.split(form);
                    chosen.set(split);
                    Map<String, Object> fields = new HashMap<>();
                    fields.put("opinion", opinion);
                    fields.put("proposedAmount", ActionFields.blankToNull(form.get("proposedAmount")));
                    fields.put("budgetLines", LineAmounts.asFormLines(split));
                    fields.put("report", form.get("report"));
                    tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST,
                            fields, caller.username(), Step.INSTRUCTION.stage());
                    return "FAVORABLE".equals(opinion)
                            ? "Instruction enregistrée : avis favorable, crédits réservés ; la demande attend son "
                                    + "inscription à un ordre du jour."
                            : "Instruction enregistrée : avis défavorable ; la demande attend son inscription à un ordre "
                                    + "du jour.";
                });
    }
}
