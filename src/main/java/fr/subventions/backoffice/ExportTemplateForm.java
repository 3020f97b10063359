package fr.subventions.backoffice;

import fr.subventions.shared.Texts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * An export template as the worklist's form sends it ({@link ExportTemplateController}): its name, its format, a
 * position for each column kept (left empty, the column is left out), and the worklist's parameters as hidden fields
 * — each checked, with a French message under its field when refused.
 */
final class ExportTemplateForm {

    static final String NAME = "nom";
    static final String FORMAT = "format";
    static final String COLUMNS = "colonnes";
    static final String FILTERS = "filtres";
    static final String POSITION = "position-";
    static final int MAX_NAME = 100;
    private static final Pattern DIGITS = Pattern.compile("\\d{1,2}");

    private ExportTemplateForm() {
    }

    /**
     * What was sent, checked: the name stripped, the format, the columns' indexes ({@link WorklistExport#HEADERS}) in
     * the order of their positions; a message per refused field; the values as sent, for the form to show them again.
     */
    record Parsed(String name, String format, List<Integer> columns, WorklistQuery query, Map<String, String> errors,
            Map<String, String> values) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    static Parsed parse(MultiValueMap<String, String> form, WorklistQueryForm.Choices choices) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, sent) -> {
            if (!sent.isEmpty() && sent.get(0) != null && !name.equals("_csrf")) {
                values.put(name, sent.get(0));
            }
        });
        Map<String, String> errors = new LinkedHashMap<>();

        String name = values.getOrDefault(NAME, "").strip();
        if (name.isEmpty()) {
            errors.put(NAME, "donnez un nom au modèle d'export");
        } else if (name.length() > MAX_NAME) {
            errors.put(NAME, "au plus " + MAX_NAME + " caractères");
        } else if (name.contains("\n") || name.contains("\r") || name.contains("\t")) {
            errors.put(NAME, "le nom tient sur une ligne");
        } else if (!Texts.isClean(name)) {
            errors.put(NAME, Texts.message(Texts.forbidden(name)));
        }

        String format = values.getOrDefault(FORMAT, "");
        if (!format.equals(ExportTemplate.XLSX) && !format.equals(ExportTemplate.CSV)) {
            errors.put(FORMAT, "format inconnu : Excel (.xlsx) ou CSV");
        }

        // each column kept, by its position; the order of the positions, not their values, makes the order
        TreeMap<Integer, Integer> byPosition = new TreeMap<>();
        int count = WorklistExport.KEYS.size();
        for (int c = 0; c < count; c++) {
            String field = POSITION + WorklistExport.KEYS.get(c);
            String text = values.get(field);
            if (text == null || text.isBlank()) {
                continue;
            }
            text = text.strip();
            if (!DIGITS.matcher(text).matches() || Integer.parseInt(text) < 1 || Integer.parseInt(text) > count) {
                errors.put(field, "position invalide : un nombre de 1 à " + count + ", ou rien pour laisser la colonne de côté");
                continue;
            }
            Integer taken = byPosition.putIfAbsent(Integer.parseInt(text), c);
            if (taken != null) {
                errors.put(field, "la position " + text + " est déjà celle de la colonne « "
                        + WorklistExport.HEADERS.get(taken) + " »");
            }
        }
        if (byPosition.isEmpty() && errors.keySet().stream().noneMatch(f -> f.startsWith(POSITION))) {
            errors.put(COLUMNS, "gardez au moins une colonne : donnez-lui une position");
        }
        List<Integer> columns = new ArrayList<>(byPosition.values());

        WorklistQueryForm.Parsed filters = WorklistQueryForm.parse(form, choices);
        if (!filters.valid()) {
            errors.put(FILTERS, "les filtres de la liste ne sont plus valables (" + String.join(" ; ", filters.errors()
                    .entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                    .map(e -> WorklistController.LABELS.getOrDefault(e.getKey(), e.getKey()) + " : " + e.getValue())
                    .toList()) + ") : rechargez la liste et recommencez");
        }
        return new Parsed(name, format, List.copyOf(columns), filters.query(), errors, values);
    }
}
