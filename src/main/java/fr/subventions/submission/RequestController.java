package fr.subventions.submission;

import fr.subventions.shared.Caller;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
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

    /**
     * The requests the caller may see, a page at a time, sorted by reference. The body stays the JSON array it always
     * was; the total is in {@code X-Total-Count} and the neighbouring pages in {@code Link} (RFC 8288), so a caller
     * that reads only the body keeps working, with the first {@value #DEFAULT_PAGE_SIZE} lines.
     */
    @GetMapping
    @ApiResponse(responseCode = "200", description = "Une page de la liste, triée par référence",
            useReturnTypeSchema = true, headers = {
                @Header(name = TOTAL_COUNT, description = "Nombre total de demandes répondant au filtre, toutes pages "
                        + "confondues", schema = @Schema(type = "integer")),
                @Header(name = HttpHeaders.LINK, description = "Pages voisines (RFC 8288) : rel=\"first\", \"prev\", "
                        + "\"next\", \"last\", adresses relatives", schema = @Schema(type = "string"))})
    ResponseEntity<List<RequestSummary>> list(
            @Parameter(description = "Étape des demandes à lister ; toutes si absent")
            @RequestParam(required = false) RequestStatus status,
            @Parameter(description = "Numéro de la page, à partir de 1",
                    schema = @Schema(type = "integer", minimum = "1", defaultValue = "1"))
            @RequestParam(required = false) Integer page,
            @Parameter(description = "Demandes par page, au plus " + MAX_PAGE_SIZE, schema = @Schema(type = "integer",
                    minimum = "1", maximum = "" + MAX_PAGE_SIZE, defaultValue = "" + DEFAULT_PAGE_SIZE))
            @RequestParam(required = false) Integer size,
            Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (page != null && page < 1) {
            errors.add(new FieldError("page", "un entier supérieur ou égal à 1"));
        }
        if (size != null && (size < 1 || size > MAX_PAGE_SIZE)) {
            errors.add(new FieldError("size", "un entier entre 1 et " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int number = page == null ? 1 : page;
        int perPage = size == null ? DEFAULT_PAGE_SIZE : size;
        Page<RequestSummary> found = requests.summaries(status, caller, number - 1, perPage);
        return ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(found.getTotalElements()))
                .header(HttpHeaders.LINK, links(status, number, perPage, found.getTotalPages()))
                .body(found.getContent());
    }

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;
    static final String TOTAL_COUNT = "X-Total-Count";

    /** first, prev, next and last, relative to /api/requests, keeping the status and the page size. */
    private static String links(RequestStatus status, int page, int size, int pages) {
        int last = Math.max(1, pages);
        List<String> links = new ArrayList<>();
        links.add(link(status, 1, size, "first"));
        if (page > 1) {
            links.add(link(status, Math.min(page - 1, last), size, "prev"));
        }
        if (page < last) {
            links.add(link(status, page + 1, size, "next"));
        }
        links.add(link(status, last, size, "last"));
        return String.join(", ", links);
    }

    private static String link(RequestStatus status, int page, int size, String rel) {
        return "</api/requests?" + (status == null ? "" : "status=" + status.name() + "&") + "page=" + page + "&size=" + size
                + ">; rel=\"" + rel + "\"";
    }

    /** The applicant has uploaded the missing documents: the request goes back to the completeness check. */
    @PostMapping("/{reference}/resubmission")
    @PreAuthorize("hasAuthority('demandeurs')")
    @Transactional
    RequestView resubmit(@PathVariable String reference, @RequestBody(required = false) Map<String, String> body,
            Caller caller) {
        SubsidyRequest request = requests.get(reference, caller);
        if (!request.isOwnedBy(caller.username())) {
            throw new NotFoundException("Demande inconnue : " + reference);
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
