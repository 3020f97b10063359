package fr.subventions.backoffice;

import fr.subventions.shared.Caller;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.StageConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The worklist's export templates ({@link ExportTemplates}): the form that saves the list as it is shown — its tab,
 * filters, search and sort — with a name, a format and the columns in their order, {@code templates/gestion/
 * modele-export.html}; then, from the worklist, each template run again (the file downloaded) or deleted.
 */
@Controller
class ExportTemplateController {

    static final String PATH = "/gestion/modeles-export";
    static final String NEW = PATH + "/nouveau";
    static final Map<String, String> LABELS = Map.of(ExportTemplateForm.NAME, "Nom du modèle", ExportTemplateForm.FORMAT,
            "Format", ExportTemplateForm.COLUMNS, "Colonnes", ExportTemplateForm.FILTERS, "Filtres de la liste");

    private final ExportTemplates templates;
    private final WorklistService worklist;
    private final WorklistExport export;
    private final Clock clock;

    ExportTemplateController(ExportTemplates templates, WorklistService worklist, WorklistExport export, Clock clock) {
        this.templates = templates;
        this.worklist = worklist;
        this.export = export;
        this.clock = clock;
    }

    /** The form, for the worklist's query of the address (or the user's kept one); every column in its order. */
    @GetMapping(NEW)
    String form(@RequestParam MultiValueMap<String, String> parameters, Caller caller, Model model,
            HttpServletResponse response) {
        WorklistQuery query = worklist.kept(caller);
        Map<String, String> errors = new LinkedHashMap<>();
        if (WorklistQueryForm.given(parameters)) {
            WorklistQueryForm.Parsed parsed = WorklistQueryForm.parse(parameters, templates.choices());
            if (parsed.valid()) {
                query = parsed.query();
            } else {
                errors.put(ExportTemplateForm.FILTERS, "les filtres de l'adresse ne sont pas valables : ceux de votre "
                        + "liste sont repris");
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ExportTemplateForm.FORMAT, ExportTemplate.XLSX);
        for (int c = 0; c < WorklistExport.KEYS.size(); c++) {
            values.put(ExportTemplateForm.POSITION + WorklistExport.KEYS.get(c), String.valueOf(c + 1));
        }
        return page(query, values, errors, model);
    }

    @PostMapping(PATH)
    String save(@RequestParam MultiValueMap<String, String> form, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        ExportTemplateForm.Parsed parsed = ExportTemplateForm.parse(form, templates.choices());
        try {
            ExportTemplate saved = templates.save(parsed, caller);
            redirect.addFlashAttribute("message", "Modèle d'export « " + saved.name() + " » enregistré : il figure "
                    + "sous la liste, prêt à être téléchargé de nouveau.");
            return "redirect:/gestion";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError error : e.errors()) {
                errors.merge(error.field(), error.message(), (a, b) -> a + " ; " + b);
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(parsed.query(), parsed.values(), errors, model);
        } catch (DataIntegrityViolationException e) {
            // the same name saved at the same moment, in another tab
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(parsed.query(), parsed.values(), Map.of(ExportTemplateForm.NAME, "vous avez déjà un modèle "
                    + "d'export de ce nom : choisissez-en un autre"), model);
        }
    }

    /** The template run again: the worklist as it is now, under the template's filters, in its columns and format. */
    @GetMapping(PATH + "/{id}/telechargement")
    ModelAndView run(@PathVariable Long id, Caller caller, RedirectAttributes redirect, HttpServletResponse response)
            throws IOException {
        ExportTemplates.Run run;
        try {
            run = templates.run(id, caller);
        } catch (StageConflictException e) {
            redirect.addFlashAttribute("probleme", e.getMessage());
            return new ModelAndView("redirect:/gestion");
        }
        boolean xlsx = run.format().equals(ExportTemplate.XLSX);
        response.setContentType(xlsx ? WorklistExport.XLSX : "text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(
                DossierBundle.safeName(run.name() + "-" + LocalDate.now(clock) + "." + run.format()),
                StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (xlsx) {
            export.xlsx(run.query(), run.columns(), caller, response.getOutputStream());
        } else {
            export.csv(run.query(), run.columns(), caller, response.getOutputStream());
        }
        // written: no view
        return null;
    }

    @PostMapping(PATH + "/{id}/suppression")
    String delete(@PathVariable Long id, Caller caller, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", "Modèle d'export « " + templates.delete(id, caller) + " » supprimé.");
        return "redirect:/gestion";
    }

    /** A column of the form: its key, header and the position given (empty: left out). */
    record ColumnChoice(String field, String header, String position) {
    }

    private String page(WorklistQuery query, Map<String, String> values, Map<String, String> errors, Model model) {
        List<ColumnChoice> columns = new ArrayList<>();
        for (int c = 0; c < WorklistExport.KEYS.size(); c++) {
            String field = ExportTemplateForm.POSITION + WorklistExport.KEYS.get(c);
            columns.add(new ColumnChoice(field, WorklistExport.HEADERS.get(c), values.getOrDefault(field, "")));
        }
        model.addAttribute("query", query.withPage(1).parameters());
        model.addAttribute("description", ExportTemplates.describe(query));
        model.addAttribute("columns", columns);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        Map<String, String> labels = new LinkedHashMap<>(LABELS);
        columns.forEach(column -> labels.put(column.field(), "Position de la colonne « " + column.header() + " »"));
        model.addAttribute("labels", labels);
        model.addAttribute("path", PATH);
        return "gestion/modele-export";
    }
}
