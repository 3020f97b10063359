package fr.subventions.backoffice;

import fr.subventions.shared.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A selection of requests through the API, as the worklist acts on one: one batch action on up to 500 requests, each
 * done or refused with its reason ({@link BatchActions}); the documents of up to 500 requests in one ZIP, streamed
 * ({@link DossierBundle}). Staff only.
 */
@RestController
class SelectionApiController {

    static final String ZIP = "application/zip";

    private final BatchActions batch;
    private final DossierBundle bundle;
    private final Clock clock;

    SelectionApiController(BatchActions batch, DossierBundle bundle, Clock clock) {
        this.batch = batch;
        this.bundle = bundle;
        this.clock = clock;
    }

    /** 200 with each request done or refused; 400, 403 or 409 for the command as a whole, and nothing done. */
    @PostMapping("/api/requests/batch")
    @PreAuthorize("hasAnyAuthority('instructeurs', 'secretariat', 'finances', 'camunda-admin')")
    BatchReport batch(@RequestBody BatchCommand command, Caller caller) {
        return batch.run(command, caller);
    }

    record BundleCommand(List<String> references) {
    }

    /** The ZIP, streamed; 400 before anything is written for a selection refused. */
    @PostMapping("/api/exports/bundle")
    @PreAuthorize("hasAnyAuthority('instructeurs', 'secretariat', 'finances')")
    void bundle(@RequestBody BundleCommand command, Caller caller, HttpServletResponse response) throws IOException {
        List<String> references = bundle.check(command.references(), caller);
        zipResponse(response, LocalDate.now(clock));
        bundle.write(references, caller, response.getOutputStream());
    }

    /** The headers of a ZIP download: dossiers-2026-03-14.zip, never kept by a cache. */
    static void zipResponse(HttpServletResponse response, LocalDate today) {
        response.setContentType(ZIP);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("dossiers-" + today + ".zip").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
