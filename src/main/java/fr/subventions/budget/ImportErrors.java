package fr.subventions.budget;

import fr.subventions.budget.BudgetFile.Format;
import fr.subventions.budget.BudgetHeader.Column;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellReference;

/**
 * The field errors of one budget file, in the file's order; beyond {@link #MAX_ERRORS} only counted. A row is named
 * {@code lignes[n]} and a cell {@code lignes[n].<column>}, n being the row's number in the file (the header is row 1).
 */
final class ImportErrors {

    /** Beyond this many errors only a count is given: a wholly wrong file needs no 10 000 messages. */
    static final int MAX_ERRORS = 200;

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    int count() {
        return errors.size();
    }

    void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        if (errors.size() <= MAX_ERRORS) {
            throw new InvalidInputException(errors);
        }
        List<FieldError> shown = new ArrayList<>(errors.subList(0, MAX_ERRORS));
        shown.add(new FieldError("file", errors.size() + " erreurs en tout : seules les " + MAX_ERRORS
                + " premières sont listées ; corrigez-les puis importez de nouveau le fichier"));
        throw new InvalidInputException(shown);
    }

    static String row(int n) {
        return "lignes[" + n + "]";
    }

    static String cell(int n, Column column) {
        return row(n) + "." + column.field();
    }

    /** Column C of a workbook, column n° 3 of a CSV file. */
    static String columnName(int index, Format format) {
        return format == Format.XLSX ? CellReference.convertNumToColString(index) : "n° " + (index + 1);
    }

    static String quote(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return "« " + shown + " »";
    }
}
