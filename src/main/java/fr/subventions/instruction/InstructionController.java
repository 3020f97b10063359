package fr.subventions.instruction;

import fr.subventions.budget.LineAmount;
import fr.subventions.budget.LineAmounts;
import fr.subventions.shared.Caller;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.submission.Opinion;
import fr.subventions.submission.RequestView;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The officer's two decisions, each completing its task exactly as the Tasklist form would. */
@RestController
@RequestMapping("/api/requests/{reference}")
@PreAuthorize("hasAuthority('instructeurs')")
class InstructionController {

    private final SubsidyRequestService requests;
    private final TaskCompleter tasks;

    InstructionController(SubsidyRequestService requests, TaskCompleter tasks) {
        this.requests = requests;
        this.tasks = tasks;
    }

    record CompletenessDecision(Boolean complete, List<String> missing, String comment) {
    }

    record InstructionDecision(Opinion opinion, BigDecimal proposedAmount, List<LineAmount> budgetLines, String report) {
    }

    @PostMapping("/completeness")
    RequestView completeness(@PathVariable String reference, @RequestBody CompletenessDecision decision, Caller caller) {
        requests.get(reference, caller);
        if (decision.complete() == null) {
            throw new InvalidInputException("complete", "indiquez si le dossier est complet (true ou false)");
        }
        Map<String, Object> fields = new HashMap<>();
        fields.put("isComplete", decision.complete());
        fields.put("missing", decision.missing() == null ? List.of() : decision.missing());
        fields.put("comment", decision.comment());
        tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS, fields,
                caller.username(), "vérification de la complétude");
        return requests.view(reference, caller);
    }

    @PostMapping("/instruction")
    RequestView instruction(@PathVariable String reference, @RequestBody InstructionDecision decision, Caller caller) {
        requests.get(reference, caller);
        Map<String, Object> fields = new HashMap<>();
        fields.put("opinion", decision.opinion() == null ? null : decision.opinion().name());
        fields.put("proposedAmount", decision.proposedAmount());
        fields.put("budgetLines", LineAmounts.asFormLines(decision.budgetLines()));
        fields.put("report", decision.report());
        tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST, fields,
                caller.username(), "instruction");
        return requests.view(reference, caller);
    }
}
