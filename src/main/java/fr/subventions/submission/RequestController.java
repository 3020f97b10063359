package fr.subventions.submission;

import fr.subventions.shared.Caller;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/requests")
class RequestController {

    private final SubsidyRequestService requests;
    private final TaskCompleter tasks;

    RequestController(SubsidyRequestService requests, TaskCompleter tasks) {
        this.requests = requests;
        this.tasks = tasks;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('demandeurs')")
    ResponseEntity<Map<String, Object>> submit(@RequestBody SubmitRequest command, Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw new InvalidInputException("Idempotency-Key", "entre 1 et 100 caractères");
        }
        SubsidyRequestService.Submitted submitted;
        try {
            submitted = requests.submit(command, caller, idempotencyKey);
        } catch (DataIntegrityViolationException raced) {
            // the same key submitted twice at once: the first one won, answer it
            if (idempotencyKey == null) {
                throw raced;
            }
            submitted = requests.submit(command, caller, idempotencyKey);
        }
        SubsidyRequest request = submitted.request();
        Map<String, Object> body = Map.of("reference", request.reference(), "status", request.status());
        URI location = URI.create("/api/requests/" + request.reference());
        return submitted.created() ? ResponseEntity.created(location).body(body)
                : ResponseEntity.ok().location(location).body(body);
    }

    @GetMapping("/{reference}")
    RequestView get(@PathVariable String reference, Caller caller) {
        return requests.view(reference, caller);
    }

    @GetMapping
    List<RequestSummary> list(@RequestParam(required = false) RequestStatus status, Caller caller) {
        return requests.list(status, caller).stream().map(RequestSummary::of).toList();
    }

    /** The applicant has uploaded the missing documents: the request goes back to the completeness check. */
    @PostMapping("/{reference}/resubmission")
    @PreAuthorize("hasAuthority('demandeurs')")
    @Transactional
    RequestView resubmit(@PathVariable String reference, @RequestBody(required = false) Map<String, String> body,
            Caller caller) {
        SubsidyRequest request = requests.get(reference, caller);
        if (!request.isOwnedBy(caller.username())) {
            throw new fr.subventions.shared.NotFoundException("Demande inconnue : " + reference);
        }
        tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_SUPPLY_MISSING_DOCUMENTS,
                Map.of("message", body == null || body.get("message") == null ? "" : body.get("message")),
                caller.username(), "transmission des pièces manquantes");
        return requests.view(reference, caller);
    }

    @PostMapping("/{reference}/withdrawal")
    @PreAuthorize("hasAuthority('demandeurs')")
    RequestView withdraw(@PathVariable String reference, @RequestBody(required = false) Map<String, String> body,
            Caller caller) {
        String reason = body == null ? null : body.get("reason");
        if (reason != null && reason.length() > 1000) {
            throw new InvalidInputException("reason", "au plus 1000 caractères");
        }
        requests.withdraw(reference, reason, caller);
        return requests.view(reference, caller);
    }

    @PostMapping("/{reference}/closure")
    @PreAuthorize("hasAuthority('secretariat')")
    @Transactional
    RequestView close(@PathVariable String reference, Caller caller) {
        requests.get(reference, caller);
        tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CLOSE_REQUEST, Map.of(),
                caller.username(), "clôture");
        return requests.view(reference, caller);
    }
}
