package fr.subventions.backoffice;

import fr.subventions.backoffice.DossierActions.Step;
import fr.subventions.shared.Caller;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.TaskCompleter;
import fr.subventions.workflow.TaskCompleter.OpenTask;
import jakarta.servlet.http.HttpServletResponse;
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
 * The dossier page's forms on the current task itself, whatever its step: take it, release it, or give it to a member
 * of its group — as « Claim », « Unclaim » and « Set assignee » in Tasklist, with the same checks ({@link TaskCompleter}).
 */
@Controller
class DossierTaskController {

    private final DossierActionFlow flow;
    private final DossierActions actions;
    private final SubsidyRequestService requests;
    private final TaskCompleter tasks;

    DossierTaskController(DossierActionFlow flow, DossierActions actions, SubsidyRequestService requests,
            TaskCompleter tasks) {
        this.flow = flow;
        this.actions = actions;
        this.requests = requests;
        this.tasks = tasks;
    }

    /** The caller takes the task, as « Claim » in Tasklist: then nobody else completes it. */
    @PostMapping("/gestion/demandes/{reference}/prise")
    String take(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        requests.get(reference, caller);
        return flow.act(reference, null, form, caller, model, redirect, response, UnaryOperator.identity(), () -> {
            Step step = step(form);
            tasks.claim(step.processKey(), reference, taskKey(reference, step), caller, step.stage());
            return "Vous avez pris cette tâche : vous seul pouvez désormais la traiter, jusqu'à ce que vous la libériez.";
        });
    }

    /** The task goes back to its group's queue. */
    @PostMapping("/gestion/demandes/{reference}/liberation")
    String release(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        requests.get(reference, caller);
        return flow.act(reference, null, form, caller, model, redirect, response, UnaryOperator.identity(), () -> {
            Step step = step(form);
            tasks.release(step.processKey(), reference, taskKey(reference, step), caller, step.stage());
            return "Tâche libérée : elle retourne dans la file de son groupe.";
        });
    }

    /** An administrator gives the task to a member of its group. */
    @PostMapping("/gestion/demandes/{reference}/attribution")
    @PreAuthorize("hasAuthority('camunda-admin')")
    String give(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        requests.get(reference, caller);
        // refused, the message goes under the choice of the officer
        Step shown = Step.ofPath(form.get("etape")).orElse(null);
        return flow.act(reference, shown, form, caller, model, redirect, response, UnaryOperator.identity(), () -> {
            Step step = step(form);
            String assignee = form.get("assignee");
            String taskKey = taskKey(reference, step);
            tasks.give(step.processKey(), reference, taskKey, assignee, caller, step.stage());
            return "Tâche confiée à " + tasks.openTask(step.processKey(), reference, taskKey)
                    .map(task -> task.holder().label()).orElse(assignee) + ".";
        });
    }

    private String taskKey(String reference, Step step) {
        return actions.openAt(reference, step).map(OpenTask::taskKey).orElse(step.taskKeys().get(0));
    }

    private static Step step(Map<String, String> form) {
        return Step.ofPath(form.get("etape"))
                .orElseThrow(() -> new InvalidInputException("etape", "étape inconnue : rechargez la page du dossier"));
    }
}
