package fr.subventions.budget;

import fr.subventions.shared.Caller;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class BudgetController {

    private final BudgetService budget;
    private final BudgetImport imports;
    private final SubsidyRequestService requests;
    private final TaskCompleter tasks;

    BudgetController(BudgetService budget, BudgetImport imports, SubsidyRequestService requests, TaskCompleter tasks) {
        this.budget = budget;
        this.imports = imports;
        this.requests = requests;
        this.tasks = tasks;
    }

    record BudgetLineView(String code, String label, int fiscalYear, String chapter, String nature, String function,
            String service, BigDecimal voted, BigDecimal reserved, BigDecimal committed, BigDecimal available) {

        static BudgetLineView of(BudgetLine l) {
            return new BudgetLineView(l.code(), l.label(), l.fiscalYear(), l.chapter(), l.nature(), l.function(),
                    l.service(), l.voted(), l.reserved(), l.committed(), l.available());
        }
    }

    record Imputation(List<LineAmount> lines) {
    }

    record EngagementView(String code, BigDecimal amount, String engagementNumber) {
    }

    @GetMapping("/api/budget-lines")
    @PreAuthorize("hasAnyAuthority('instructeurs', 'secretariat', 'finances')")
    List<BudgetLineView> lines(@RequestParam(required = false) Integer year) {
        return budget.lines(year).stream().map(BudgetLineView::of).toList();
    }

    /** The voted credits of the budget lines from a budget file, CSV or .xlsx (docs/budget-import.md). */
    @PostMapping(path = "/api/budget-lines/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('finances')")
    BudgetImport.Summary importLines(@RequestParam(required = false) MultipartFile file, Caller caller) throws IOException {
        if (file == null) {
            throw new InvalidInputException("file", "joignez le fichier du budget (CSV ou .xlsx) dans le champ « file » "
                    + "d'un envoi multipart/form-data");
        }
        return imports.importFile(file.getOriginalFilename(), file.getBytes(), caller.username());
    }

    @PostMapping("/api/requests/{reference}/imputation")
    @PreAuthorize("hasAuthority('finances')")
    Map<String, Object> impute(@PathVariable String reference, @RequestBody Imputation imputation, Caller caller) {
        SubsidyRequest request = requests.get(reference, caller);
        tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_IMPUTE_BUDGET,
                Map.of("lines", LineAmounts.asFormLines(imputation.lines())),
                caller.username(), "engagement des crédits");
        List<EngagementView> engagements = budget.commitmentsOf(request.id()).stream()
                .map(c -> new EngagementView(c.line().code(), c.amount(), c.engagementNumber())).toList();
        return Map.of("reference", reference, "engagements", engagements);
    }
}
