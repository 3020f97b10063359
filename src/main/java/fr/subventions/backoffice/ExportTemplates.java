package fr.subventions.backoffice;

import fr.subventions.shared.Caller;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.Money;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Each member of staff's export templates ({@link ExportTemplate}): saved from the worklist as it is shown, listed on
 * it, run again — the filters read back and checked as the worklist checks its address —, deleted. A template is its
 * user's only: another's answers 404, as one that does not exist.
 */
@Service
@Transactional
class ExportTemplates {

    /** Enough for a service's recurring exports; more is a list nobody reads. */
    static final int MAX_PER_USER = 50;
    static final int MAX_FILTERS = 4000;

    /** A template as the worklist lists it. */
    record TemplateView(Long id, String name, String format, List<String> columns, String filters) {
    }

    /** A template ready to run: its name, format, columns' indexes ({@link WorklistExport#HEADERS}) and query. */
    record Run(String name, String format, List<Integer> columns, WorklistQuery query) {
    }

    private final ExportTemplateRepository templates;
    private final WorklistService worklist;
    private final Clock clock;

    ExportTemplates(ExportTemplateRepository templates, WorklistService worklist, Clock clock) {
        this.templates = templates;
        this.worklist = worklist;
        this.clock = clock;
    }

    /** The choices the worklist's filters are checked against: the services of the budget lines, the staff. */
    WorklistQueryForm.Choices choices() {
        return new WorklistQueryForm.Choices() {
            @Override
            public Collection<String> services() {
                return worklist.services();
            }

            @Override
            public boolean isStaff(String userId) {
                return worklist.isStaff(userId);
            }
        };
    }

    @Transactional(readOnly = true)
    List<TemplateView> of(Caller caller) {
        List<TemplateView> views = new ArrayList<>();
        for (ExportTemplate template : templates.findByUsernameOrderByNameKey(caller.username())) {
            // described as saved: a service since removed still reads as it was chosen
            WorklistQueryForm.Parsed parsed = WorklistQueryForm.parse(decode(template.filters()), ANY);
            views.add(new TemplateView(template.id(), template.name(), template.format().equals(ExportTemplate.XLSX)
                    ? "Excel (.xlsx)" : "CSV", template.columnHeaders(), parsed.valid() ? describe(parsed.query())
                    : "filtres à revoir"));
        }
        return views;
    }

    /** Saves the form as the caller's template, or refuses it with a message under each field (nothing saved). */
    ExportTemplate save(ExportTemplateForm.Parsed form, Caller caller) {
        if (!form.valid()) {
            throw invalid(form.errors());
        }
        String key = key(form.name());
        if (templates.existsByUsernameAndNameKey(caller.username(), key)) {
            throw new InvalidInputException(ExportTemplateForm.NAME, "vous avez déjà un modèle d'export de ce nom : "
                    + "choisissez-en un autre, ou supprimez l'ancien");
        }
        if (templates.countByUsername(caller.username()) >= MAX_PER_USER) {
            throw new InvalidInputException(ExportTemplateForm.NAME, "au plus " + MAX_PER_USER
                    + " modèles d'export par agent : supprimez-en un d'abord");
        }
        String filters = encode(form.query().withPage(1).parameters());
        if (filters.length() > MAX_FILTERS) {
            throw new InvalidInputException(ExportTemplateForm.FILTERS, "filtres trop longs pour un modèle d'export");
        }
        List<String> keys = form.columns().stream().map(WorklistExport.KEYS::get).toList();
        return templates.saveAndFlush(new ExportTemplate(caller.username(), form.name(), key, form.format(), keys, filters,
                clock.instant()));
    }

    /** The caller's template, or 404. */
    @Transactional(readOnly = true)
    ExportTemplate get(Long id, Caller caller) {
        return templates.findByIdAndUsername(id, caller.username())
                .orElseThrow(() -> new NotFoundException("Modèle d'export inconnu : " + id));
    }

    /**
     * The caller's template as it runs today: its filters checked again as the worklist checks its address (409 when
     * one no longer holds, naming it), its columns in their order.
     */
    @Transactional(readOnly = true)
    Run run(Long id, Caller caller) {
        ExportTemplate template = get(id, caller);
        WorklistQueryForm.Parsed parsed = WorklistQueryForm.parse(decode(template.filters()), choices());
        if (!parsed.valid()) {
            throw new StageConflictException("Le modèle d'export « " + template.name() + " » ne peut plus être exécuté : "
                    + parsed.errors().entrySet().stream().map(e -> WorklistController.LABELS.getOrDefault(e.getKey(),
                            e.getKey()) + " : " + e.getValue()).collect(Collectors.joining(" ; "))
                    + ". Enregistrez-en un nouveau depuis la liste et supprimez celui-ci.");
        }
        List<Integer> columns = template.columnKeys().stream().filter(WorklistExport.KEYS::contains)
                .map(WorklistExport.KEYS::indexOf).toList();
        return new Run(template.name(), template.format(), columns.isEmpty() ? WorklistExport.ALL : columns,
                parsed.query());
    }

    /** Deletes the caller's template (404 for another's); its name, for the message. */
    String delete(Long id, Caller caller) {
        ExportTemplate template = get(id, caller);
        templates.delete(template);
        return template.name();
    }

    /** The worklist's query in words, for the list of templates and the form. */
    static String describe(WorklistQuery query) {
        List<String> parts = new ArrayList<>();
        parts.add("onglet « " + query.tab().label() + " »");
        if (query.search() != null) {
            parts.add("recherche « " + query.search() + " »");
        }
        if (query.fiscalYear() != null) {
            parts.add("exercice " + query.fiscalYear());
        }
        if (query.theme() != null) {
            parts.add("thématique « " + query.theme() + " »");
        }
        if (query.service() != null) {
            parts.add("service « " + query.service() + " »");
        }
        if (query.stage() != null) {
            parts.add("étape « " + query.stage().label() + " »");
        }
        if (query.takenBy() != null) {
            parts.add("prise par " + switch (query.takenBy()) {
                case WorklistQuery.NOBODY -> "personne";
                case WorklistQuery.ME -> "moi";
                default -> query.takenBy();
            });
        }
        if (query.amountMin() != null) {
            parts.add("montant demandé d'au moins " + Money.format(query.amountMin()));
        }
        if (query.amountMax() != null) {
            parts.add("montant demandé d'au plus " + Money.format(query.amountMax()));
        }
        if (query.overdue()) {
            parts.add("échéance dépassée");
        }
        parts.add("tri par « " + query.sort().label() + " », ordre " + (query.descending() ? "décroissant" : "croissant"));
        return String.join(", ", parts);
    }

    /** A name as it is compared: case, accents and runs of spaces aside. */
    static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return folded.length() > ExportTemplateForm.MAX_NAME ? folded.substring(0, ExportTemplateForm.MAX_NAME) : folded;
    }

    static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static MultiValueMap<String, String> decode(String filters) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        for (String pair : filters.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            parameters.add(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    private static InvalidInputException invalid(Map<String, String> errors) {
        return new InvalidInputException(errors.entrySet().stream()
                .map(e -> new FieldError(e.getKey(), e.getValue())).toList());
    }

    /** Takes every service and user as valid: to describe what a template holds, not to run it. */
    private static final WorklistQueryForm.Choices ANY = new WorklistQueryForm.Choices() {
        @Override
        public Collection<String> services() {
            return new AnyValue();
        }

        @Override
        public boolean isStaff(String userId) {
            return true;
        }
    };

    /** A collection that holds whatever it is asked about. */
    private static final class AnyValue extends AbstractList<String> {

        @Override
        public boolean contains(Object o) {
            return true;
        }

        @Override
        public String get(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
