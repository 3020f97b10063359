package fr.subventions.budget;

import static fr.subventions.budget.BudgetFile.trim;
import static fr.subventions.budget.ImportErrors.cell;
import static fr.subventions.budget.ImportErrors.columnName;
import static fr.subventions.budget.ImportErrors.quote;
import static fr.subventions.budget.ImportErrors.row;

import fr.subventions.budget.BudgetFile.Cell;
import fr.subventions.budget.BudgetFile.Format;
import fr.subventions.budget.BudgetFile.Row;
import fr.subventions.budget.BudgetHeader.Column;
import fr.subventions.shared.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks of one row of a budget file, each cell against the M57 nomenclature or the shape of an amount, each
 * error in French on its cell; what the row holds, once it passes them all.
 */
final class BudgetRowChecks {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern CHAPTER = Pattern.compile("\\d{2,3}");
    private static final Pattern NATURE = Pattern.compile("\\d{3,7}");
    private static final Pattern FUNCTION = Pattern.compile("\\d{1,4}");
    private static final Pattern SERVICE_CODE = Pattern.compile("[A-Z0-9_]{2,20}");
    /** 20000, 20 000, 20 000,50, 20000.5, with an optional € sign: thousands grouped by spaces only. */
    private static final Pattern AMOUNT = Pattern.compile("-?(\\d+|\\d{1,3}([ \u00a0\u202f]\\d{3})+)([.,]\\d+)?");

    /** A row that passed every check, with its number in the file. */
    record CheckedRow(int row, int fiscalYear, String chapter, String nature, String function, String service,
            String serviceCode, String label, BigDecimal voted) {

        String code() {
            return BudgetLine.codeOf(fiscalYear, chapter, nature, function, serviceCode);
        }
    }

    private BudgetRowChecks() {
    }

    /** What the row holds, or null when it is wrong (its errors are then added). */
    static CheckedRow check(Row row, Map<Column, Integer> positions, int headerWidth, Format format,
            ImportErrors errors) {
        int width = row.width();
        if (width > headerWidth) {
            errors.add(row(row.number()), format == Format.CSV
                    ? "la ligne compte " + width + " champs pour " + headerWidth + " colonnes dans l'en-tête : un "
                            + "point-virgule en trop, ou un texte contenant un point-virgule à mettre entre guillemets"
                    : "valeur hors des colonnes de l'en-tête, en colonne " + columnName(width - 1, format)
                            + " : effacez-la ou déplacez-la dans la bonne colonne");
            return null;
        }
        int before = errors.count();
        int n = row.number();
        Integer year = fiscalYear(text(row, positions, Column.EXERCICE), n, errors);
        String chapter = code(text(row, positions, Column.CHAPITRE), CHAPTER, n, Column.CHAPITRE, "le chapitre",
                "2 ou 3 chiffres de la nomenclature M57, par exemple 65 ou 204", errors);
        String nature = code(text(row, positions, Column.NATURE), NATURE, n, Column.NATURE, "la nature",
                "3 à 7 chiffres du plan de comptes M57, par exemple 6574 ou 65748", errors);
        if (chapter != null && nature != null && !chapterIsFreeOfNature(chapter) && !nature.startsWith(chapter)) {
            errors.add(cell(n, Column.NATURE), "la nature " + nature + " ne relève pas du chapitre " + chapter
                    + " : un compte de ce chapitre commence par " + chapter);
            nature = null;
        }
        String function = code(text(row, positions, Column.FONCTION), FUNCTION, n, Column.FONCTION, "la fonction",
                "1 à 4 chiffres de la nomenclature fonctionnelle M57, par exemple 90 ou 311", errors);
        String service = words(text(row, positions, Column.SERVICE), 100, n, Column.SERVICE, "le service",
                "par exemple Développement économique", errors);
        String serviceCode = code(text(row, positions, Column.CODE_SERVICE), SERVICE_CODE, n, Column.CODE_SERVICE,
                "le code service", "2 à 20 lettres majuscules, chiffres ou _, par exemple DEVECO", errors);
        String label = words(text(row, positions, Column.LIBELLE), 300, n, Column.LIBELLE, "le libellé",
                "par exemple Subventions de fonctionnement aux associations", errors);
        BigDecimal voted = voted(row.cell(positions.get(Column.CREDITS_VOTES)), n, errors);
        if (errors.count() > before) {
            return null;
        }
        return new CheckedRow(n, year, chapter, nature, function, service, serviceCode, label, voted);
    }

    /**
     * Chapters of the M57 whose accounts do not start with their number: the 0xx chapters (011 charges à caractère
     * général holds 60, 61, 62…; 012, 014, 016, 017, 040 to 043) and the 9xx functional chapters.
     */
    private static boolean chapterIsFreeOfNature(String chapter) {
        return chapter.startsWith("0") || chapter.startsWith("9");
    }

    private static String text(Row row, Map<Column, Integer> positions, Column column) {
        return trim(row.cell(positions.get(column)).text());
    }

    private static Integer fiscalYear(String text, int n, ImportErrors errors) {
        String expected = "une année sur 4 chiffres, entre " + MIN_YEAR + " et " + MAX_YEAR + ", par exemple 2026";
        if (text.isEmpty()) {
            errors.add(cell(n, Column.EXERCICE), "l'exercice est obligatoire : " + expected);
            return null;
        }
        if (!YEAR.matcher(text).matches()) {
            errors.add(cell(n, Column.EXERCICE), "exercice invalide " + quote(text) + " : " + expected);
            return null;
        }
        int year = Integer.parseInt(text);
        if (year < MIN_YEAR || year > MAX_YEAR) {
            errors.add(cell(n, Column.EXERCICE), "exercice hors limites " + quote(text) + " : " + expected);
            return null;
        }
        return year;
    }

    private static String code(String text, Pattern shape, int n, Column column, String what, String expected,
            ImportErrors errors) {
        if (text.isEmpty()) {
            errors.add(cell(n, column), what + " est obligatoire : " + expected);
            return null;
        }
        if (!shape.matcher(text).matches()) {
            errors.add(cell(n, column), what + " " + quote(text) + " est invalide : " + expected);
            return null;
        }
        return text;
    }

    /** A free text on one line, spaces tidied. */
    private static String words(String text, int max, int n, Column column, String what, String example,
            ImportErrors errors) {
        String tidy = text.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").trim();
        if (tidy.isEmpty()) {
            errors.add(cell(n, column), what + " est obligatoire, " + example);
            return null;
        }
        if (tidy.length() > max) {
            errors.add(cell(n, column), what + " dépasse " + max + " caractères (" + tidy.length() + ")");
            return null;
        }
        return tidy;
    }

    /** The voted credits: a number cell of a workbook as it is, or a text as French spreadsheets write amounts. */
    private static BigDecimal voted(Cell cell, int n, ImportErrors errors) {
        String field = cell(n, Column.CREDITS_VOTES);
        String expected = "un montant en euros positif ou nul, avec au plus deux décimales, par exemple 12 345,67";
        BigDecimal amount = cell.number();
        String text = trim(cell.text());
        if (amount == null) {
            if (text.isEmpty()) {
                errors.add(field, "les crédits votés sont obligatoires : " + expected);
                return null;
            }
            String digits = text.endsWith("€") ? trim(text.substring(0, text.length() - 1)) : text;
            if (!AMOUNT.matcher(digits).matches()) {
                errors.add(field, "montant illisible " + quote(text) + " : " + expected
                        + " (espaces seulement entre les milliers, virgule ou point avant les centimes)");
                return null;
            }
            amount = Money.parse(digits);
        }
        if (amount.signum() < 0) {
            errors.add(field, "les crédits votés " + quote(text) + " sont négatifs : " + expected);
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(field, "les crédits votés " + quote(text) + " ont plus de deux décimales : " + expected);
            return null;
        }
        if (amount.compareTo(Money.MAX) > 0) {
            errors.add(field, "les crédits votés " + quote(text) + " dépassent le plus grand montant accepté, "
                    + Money.format(Money.MAX));
            return null;
        }
        return amount.setScale(2);
    }
}
