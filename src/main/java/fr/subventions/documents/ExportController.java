package fr.subventions.documents;

import fr.subventions.budget.BudgetService;
import fr.subventions.bureau.SessionService;
import fr.subventions.shared.Caller;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.DocumentView;
import fr.subventions.submission.SubsidyRequestService;
import java.time.Clock;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A séance's documents, and the workbooks produced on demand: the year's budget and the dashboard export. */
@RestController
class ExportController {

    private final DocumentService documents;
    private final SessionService sessions;
    private final SubsidyRequestService requests;
    private final BudgetService budget;
    private final Clock clock;

    ExportController(DocumentService documents, SessionService sessions, SubsidyRequestService requests,
            BudgetService budget, Clock clock) {
        this.documents = documents;
        this.sessions = sessions;
        this.requests = requests;
        this.budget = budget;
        this.clock = clock;
    }

    @GetMapping("/api/sessions/{id}/documents")
    @PreAuthorize("hasAuthority('secretariat')")
    List<DocumentView> sessionDocuments(@PathVariable Long id, Caller caller) {
        sessions.get(id);
        return documents.listForSession(id, caller).stream().map(DocumentView::of).toList();
    }

    @GetMapping("/api/exports/requests.xlsx")
    @PreAuthorize("hasAnyAuthority('instructeurs', 'secretariat', 'finances')")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> requestsExport(Caller caller) {
        return xlsx("demandes-de-subvention.xlsx", RequestsExport.workbook(requests.list(null, caller), clock.getZone()));
    }

    @GetMapping("/api/budget-lines/workbook.xlsx")
    @PreAuthorize("hasAnyAuthority('instructeurs', 'secretariat', 'finances')")
    ResponseEntity<byte[]> budgetWorkbook(@RequestParam Integer year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "exercice invalide : " + year);
        }
        return xlsx("budget-subventions-" + year + ".xlsx", Workbooks.budgetWorkbook(year, budget.lines(year)));
    }

    private static ResponseEntity<byte[]> xlsx(String filename, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(DocumentType.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(content);
    }
}
