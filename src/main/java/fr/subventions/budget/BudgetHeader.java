package fr.subventions.budget;

import static fr.subventions.budget.BudgetFile.trim;
import static fr.subventions.budget.ImportErrors.columnName;
import static fr.subventions.budget.ImportErrors.quote;

import fr.subventions.budget.BudgetFile.Format;
import fr.subventions.budget.BudgetFile.Row;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The first row of a budget file: where each of the documented columns stands, whatever their order, and what is
 * wrong with a header that cannot be used (see docs/budget-import.md).
 */
final class BudgetHeader {

    /** The header's columns, in the documented order; the field names of the errors. */
    enum Column {
        EXERCICE, CHAPITRE, NATURE, FONCTION, SERVICE, CODE_SERVICE, LIBELLE, CREDITS_VOTES;

        String field() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String HEADER = Arrays.stream(Column.values()).map(Column::field)
            .collect(Collectors.joining(String.valueOf(BudgetFile.SEPARATOR)));

    private BudgetHeader() {
    }

    /** The position of each column, or null when the header is unusable (its errors are then added). */
    static Map<Column, Integer> positions(Row header, Format format, ImportErrors errors) {
        String at = ImportErrors.row(header.number());
        int width = header.width();
        if (format == Format.CSV && width == 1) {
            String only = header.cell(0).text();
            if (only.contains(",") || only.contains("\t")) {
                errors.add(at, "séparateur non reconnu : les colonnes doivent être séparées par des points-virgules (;), "
                        + "l'en-tête attendu est " + HEADER);
                return null;
            }
        }
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        boolean usable = true;
        for (int i = 0; i < width; i++) {
            String raw = trim(header.cell(i).text());
            Column column = columnNamed(raw);
            if (raw.isEmpty()) {
                errors.add(at, "la colonne " + columnName(i, format) + " de l'en-tête n'a pas de nom : l'en-tête attendu est "
                        + HEADER);
                usable = false;
            } else if (column == null) {
                errors.add(at, "colonne inconnue " + quote(raw) + " (colonne " + columnName(i, format)
                        + ") : les colonnes attendues sont " + HEADER);
                usable = false;
            } else if (positions.containsKey(column)) {
                errors.add(at, "la colonne " + column.field() + " figure deux fois dans l'en-tête (colonnes "
                        + columnName(positions.get(column), format) + " et " + columnName(i, format) + ")");
                usable = false;
            } else {
                positions.put(column, i);
            }
        }
        List<String> missing = Arrays.stream(Column.values()).filter(c -> !positions.containsKey(c)).map(Column::field)
                .toList();
        if (!missing.isEmpty()) {
            errors.add(at, (missing.size() == 1 ? "colonne manquante : " : "colonnes manquantes : ")
                    + String.join(", ", missing) + " ; l'en-tête attendu, en première ligne, est " + HEADER);
            usable = false;
        }
        return usable ? positions : null;
    }

    /** "Crédits votés", "CREDITS_VOTES" and "credits-votes" all name credits_votes: case, accents and spaces aside. */
    private static Column columnNamed(String raw) {
        String name = Normalizer.normalize(raw.replace("\ufeff", ""), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).trim().replaceAll("[\\s\u00a0\u202f-]+", "_");
        for (Column column : Column.values()) {
            if (column.field().equals(name)) {
                return column;
            }
        }
        return null;
    }
}
