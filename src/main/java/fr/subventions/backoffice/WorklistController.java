package fr.subventions.backoffice;

import fr.subventions.shared.Caller;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubmitRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The staff's worklist, /gestion: tabs with their counters, every column sortable, filters, a search, pages, and the
 * filtered list exported. The tab, filters and sort in the address are kept for the user's next visit; without any,
 * the kept ones apply. A refused filter comes back on the page with its French message under the field, the list as
 * last kept below it, and nothing is kept.
 */
@Controller
class WorklistController {

    private final WorklistService worklist;
    private final WorklistExport export;
    private final SelectionChoices selection;

    WorklistController(WorklistService worklist, WorklistExport export, SelectionChoices selection) {
        this.worklist = worklist;
        this.export = export;
        this.selection = selection;
    }

    @GetMapping("/gestion")
    String list(@RequestParam MultiValueMap<String, String> parameters, Caller caller, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Resolved resolved = resolve(parameters, caller);
        if (resolved.refused()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else if (resolved.given()) {
            worklist.keep(caller, resolved.query());
        }
        return page(resolved, caller, model, request);
    }

    @GetMapping("/gestion/export.csv")
    ModelAndView csv(@RequestParam MultiValueMap<String, String> parameters, Caller caller, Model model,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Resolved resolved = resolve(parameters, caller);
        if (resolved.refused()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return new ModelAndView(page(resolved, caller, model, request));
        }
        download(response, "text/csv;charset=UTF-8", resolved.query(), "csv");
        export.csv(resolved.query(), caller, response.getOutputStream());
        // written: no view
        return null;
    }

    @GetMapping("/gestion/export.xlsx")
    ModelAndView xlsx(@RequestParam MultiValueMap<String, String> parameters, Caller caller, Model model,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Resolved resolved = resolve(parameters, caller);
        if (resolved.refused()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return new ModelAndView(page(resolved, caller, model, request));
        }
        download(response, WorklistExport.XLSX, resolved.query(), "xlsx");
        export.xlsx(resolved.query(), caller, response.getOutputStream());
        // written: no view
        return null;
    }

    /** The fields as the error summary names them. */
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry(WorklistQuery.TAB, "Onglet"),
            Map.entry(WorklistQuery.SEARCH, "Rechercher"), Map.entry(WorklistQuery.FISCAL_YEAR, "Exercice"),
            Map.entry(WorklistQuery.THEME, "Thématique"), Map.entry(WorklistQuery.SERVICE, "Service"),
            Map.entry(WorklistQuery.STAGE, "Étape"), Map.entry(WorklistQuery.TAKEN_BY, "Prise par"),
            Map.entry(WorklistQuery.AMOUNT_MIN, "Montant demandé, au moins"),
            Map.entry(WorklistQuery.AMOUNT_MAX, "Montant demandé, au plus"),
            Map.entry(WorklistQuery.OVERDUE, "Échéance dépassée"),
            Map.entry(WorklistQuery.AWAITING_REPLY, "En attente de réponse du demandeur"),
            Map.entry(WorklistQuery.SORT, "Tri"),
            Map.entry(WorklistQuery.ORDER, "Ordre"), Map.entry(WorklistQuery.PAGE, "Page"),
            Map.entry(WorklistQuery.SIZE, "Lignes par page"));

    private record Resolved(WorklistQuery query, boolean given, Map<String, String> errors, Map<String, String> sent) {

        boolean refused() {
            return !errors.isEmpty();
        }
    }

    /** The query of the address, or the user's kept one; a refused one keeps the errors and falls back to the kept. */
    private Resolved resolve(MultiValueMap<String, String> parameters, Caller caller) {
        if (!WorklistQueryForm.given(parameters)) {
            return new Resolved(worklist.kept(caller), false, Map.of(), null);
        }
        WorklistQueryForm.Parsed parsed = WorklistQueryForm.parse(parameters, new WorklistQueryForm.Choices() {
            @Override
            public Collection<String> services() {
                return worklist.services();
            }

            @Override
            public boolean isStaff(String userId) {
                return worklist.isStaff(userId);
            }
        });
        if (!parsed.valid()) {
            return new Resolved(worklist.kept(caller), true, parsed.errors(), parsed.values());
        }
        return new Resolved(parsed.query(), true, Map.of(), null);
    }

    private String page(Resolved resolved, Caller caller, Model model, HttpServletRequest request) {
        WorklistService.WorklistPage page = worklist.page(resolved.query(), caller);
        model.addAttribute("page", page);
        model.addAttribute("view", WorklistView.of(page, resolved.sent(), request.getContextPath()));
        // the dossiers' addresses start so: written as they are, not through @{…} (WorklistView)
        model.addAttribute("dossiers", request.getContextPath() + "/gestion/demandes/");
        model.addAttribute("errors", resolved.errors());
        model.addAttribute("options", worklist.options());
        model.addAttribute("themes", SubmitRequest.THEMES);
        model.addAttribute("stages", Arrays.stream(RequestStatus.values()).map(WorklistTab::of).toList());
        model.addAttribute("sizes", WorklistQuery.SIZES);
        model.addAttribute("user", caller.username());
        model.addAttribute("labels", LABELS);
        // the selection's batch actions and bundle, the user's export templates (SelectionController, ExportTemplates)
        selection.describe(caller, model);
        selection.describeTemplates(caller, resolved.query(), request.getContextPath(), model);
        return "gestion/liste";
    }

    private void download(HttpServletResponse response, String type, WorklistQuery query, String extension) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("demandes-" + query.tab().slug() + "-" + worklist.today().format(DateTimeFormatter.ISO_LOCAL_DATE)
                        + "." + extension).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
