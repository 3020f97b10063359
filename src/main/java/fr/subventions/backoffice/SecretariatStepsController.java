package fr.subventions.backoffice;

import fr.subventions.backoffice.DossierActions.Step;
import fr.subventions.shared.Caller;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretariat's forms on the dossier page ({@link SecretariatStepForms}): the President's signature of the
 * convention and the closing. Each completes the same Camunda user task as the API and Tasklist, through
 * {@link TaskCompleter}, with the same fields, role and stage checks; {@link DossierActionFlow} answers.
 */
@Controller
class SecretariatStepsController {

    private final DossierActionFlow flow;
    private final SubsidyRequestService requests;
    private final TaskCompleter tasks;

    SecretariatStepsController(DossierActionFlow flow, SubsidyRequestService requests, TaskCompleter tasks) {
        this.flow = flow;
        this.requests = requests;
        this.tasks = tasks;
    }

    /** The secretariat records the President's signature of the convention. */
    @PostMapping("/gestion/demandes/{reference}/signature")
    @PreAuthorize("hasAuthority('secretariat')")
    String signature(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requests.get(reference, caller);
        return flow.act(reference, Step.SIGNATURE, form, caller, model, redirect, response, UnaryOperator.identity(), () -> {
            requests.get(reference, caller).requireExecutory("signer la convention");
            LocalDate signedOn = ActionFields.date(form.get("signedOn"), "signedOn");
            Map<String, Object> fields = new HashMap<>();
            fields.put("signedBy", form.get("signedBy"));
            fields.put("signedOn", signedOn == null ? null : signedOn.toString());
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT, fields,
                    caller.username(), Step.SIGNATURE.stage());
            return "Signature du Président enregistrée.";
        });
    }

    /** The secretariat closes the request. */
    @PostMapping("/gestion/demandes/{reference}/cloture")
    @PreAuthorize("hasAuthority('secretariat')")
    String close(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        requests.get(reference, caller);
        return flow.act(reference, Step.CLOSING, form, caller, model, redirect, response, UnaryOperator.identity(), () -> {
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CLOSE_REQUEST, Map.of(),
                    caller.username(), Step.CLOSING.stage());
            return "Demande clôturée.";
        });
    }
}
