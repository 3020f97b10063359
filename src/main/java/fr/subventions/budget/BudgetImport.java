package fr.subventions.budget;

import fr.subventions.budget.BudgetFile.Cell;
import fr.subventions.budget.BudgetFile.Format;
import fr.subventions.budget.BudgetFile.Row;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.Money;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.util.CellReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budget lines and their voted credits from a budget file (CSV or .xlsx, see docs/budget-import.md): a line not known
 * yet is created, a known line's voted credits are set to the file's (a décision modificative). Every row is checked
 * before anything is written, and the whole file is refused — each bad cell named by its row number in the file — if
 * any row is wrong; the writes then happen in one transaction. Lowering a line's voted credits below what is reserved
 * and committed on it is refused, by a conditional update that holds even if a reservation lands meanwhile.
 */
@Service
public class BudgetImport {

    /** The header's columns, in the documented order; the field names of the errors. */
    enum Column {
        EXERCICE, CHAPITRE, NATURE, FONCTION, SERVICE, CODE_SERVICE, LIBELLE, CREDITS_VOTES;

        String field() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String HEADER = Arrays.stream(Column.values()).map(Column::field)
            .collect(Collectors.joining(String.valueOf(BudgetFile.SEPARATOR)));
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    /** Beyond this many errors only a count is given: a wholly wrong file needs no 10 000 messages. */
    static final int MAX_ERRORS = 200;

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern CHAPTER = Pattern.compile("\\d{2,3}");
    private static final Pattern NATURE = Pattern.compile("\\d{3,7}");
    private static final Pattern FUNCTION = Pattern.compile("\\d{1,4}");
    private static final Pattern SERVICE_CODE = Pattern.compile("[A-Z0-9_]{2,20}");
    private static final Pattern EDGE_SPACES = Pattern.compile("^[\\s\u00a0\u202f]+|[\\s\u00a0\u202f]+$");
    /** 20000, 20 000, 20 000,50, 20000.5, with an optional € sign: thousands grouped by spaces only. */
    private static final Pattern AMOUNT = Pattern.compile("-?(\\d+|\\d{1,3}([ \u00a0\u202f]\\d{3})+)([.,]\\d+)?");

    /** What an accepted file did. */
    public record Summary(String format, int rows, int created, int updated, int unchanged, BigDecimal totalVoted,
            List<Integer> fiscalYears) {
    }

    /** A row that passed every check, with its number in the file. */
    private record Parsed(int row, int fiscalYear, String chapter, String nature, String function, String service,
            String serviceCode, String label, BigDecimal voted) {

        String code() {
            return BudgetLine.codeOf(fiscalYear, chapter, nature, function, serviceCode);
        }
    }

    private final BudgetLineRepository lines;
    private final BudgetImportRecordRepository records;
    private final EngagementNumbers engagementNumbers;
    private final Clock clock;
    private final long maxSize;
    private final int maxRows;

    BudgetImport(BudgetLineRepository lines, BudgetImportRecordRepository records, EngagementNumbers engagementNumbers,
            Clock clock, @Value("${subventions.budget.import.max-size:5242880}") long maxSize,
            @Value("${subventions.budget.import.max-rows:10000}") int maxRows) {
        this.lines = lines;
        this.records = records;
        this.engagementNumbers = engagementNumbers;
        this.clock = clock;
        this.maxSize = maxSize;
        this.maxRows = maxRows;
    }

    /**
     * Imports the file, or refuses it whole.
     *
     * @throws InvalidInputException with field {@code file} for the file as a whole, {@code lignes[n]} for a row and
     *         {@code lignes[n].<column>} for a cell, n being the row's number in the file (the header is row 1)
     */
    @Transactional
    public Summary importFile(String filename, byte[] content, String actor) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "le fichier est vide : joignez le budget en CSV ou en .xlsx, "
                    + "en-tête " + HEADER);
        }
        if (content.length > maxSize) {
            throw new InvalidInputException("file", "le fichier dépasse la taille maximale de " + megabytes(maxSize)
                    + " : découpez le budget en plusieurs fichiers");
        }
        BudgetFile.Content file = BudgetFile.read(content, maxRows);
        Errors errors = new Errors();
        file.unreadable().forEach(row -> errors.add(row(row.number()), row.message()));
        if (file.rows().isEmpty()) {
            errors.throwIfAny();
            throw new InvalidInputException("file", "le fichier ne contient rien : la première ligne doit être l'en-tête "
                    + HEADER);
        }
        Row header = file.rows().get(0);
        Map<Column, Integer> positions = header(header, file.format(), errors);
        if (positions == null) {
            // Without a usable header the rows cannot be read: only the header's errors are given
            errors.throwIfAny();
        }
        int width = width(header);
        List<Row> data = file.rows().subList(1, file.rows().size());
        if (data.isEmpty()) {
            errors.add("file", "le fichier ne contient aucune ligne budgétaire après l'en-tête");
        }
        List<Parsed> parsed = new ArrayList<>();
        for (Row row : data) {
            Parsed line = parse(row, positions, width, file.format(), errors);
            if (line != null) {
                parsed.add(line);
            }
        }
        Map<String, Integer> firstRowOf = new HashMap<>();
        for (Parsed line : parsed) {
            Integer first = firstRowOf.putIfAbsent(line.code(), line.row());
            if (first != null) {
                errors.add(row(line.row()), "la ligne budgétaire " + line.code() + " figure déjà ligne " + first
                        + " du fichier (lignes " + first + " et " + line.row() + ") : chaque ligne budgétaire n'y figure qu'une fois");
            }
        }
        TreeSet<Integer> years = parsed.stream().map(Parsed::fiscalYear).collect(Collectors.toCollection(TreeSet::new));
        Map<String, BudgetLine> existing = years.isEmpty() ? Map.of() : lines.findByFiscalYearIn(years).stream()
                .collect(Collectors.toMap(BudgetLine::code, Function.identity()));
        for (Parsed line : parsed) {
            BudgetLine known = existing.get(line.code());
            if (known != null && line.voted().compareTo(known.reserved().add(known.committed())) < 0) {
                errors.add(cell(line.row(), Column.CREDITS_VOTES),
                        belowHeld(line, known.reserved(), known.committed()));
            }
        }
        errors.throwIfAny();
        return apply(parsed, existing, file.format(), filename, content, actor);
    }

    /** Writes what was checked: voted credits of known lines first, each by a conditional update, then new lines. */
    private Summary apply(List<Parsed> parsed, Map<String, BudgetLine> existing, Format format, String filename,
            byte[] content, String actor) {
        Errors errors = new Errors();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        List<Parsed> fresh = new ArrayList<>();
        List<Parsed> changes = new ArrayList<>();
        for (Parsed line : parsed) {
            total = total.add(line.voted());
            BudgetLine known = existing.get(line.code());
            if (known == null) {
                fresh.add(line);
            } else if (known.voted().compareTo(line.voted()) == 0) {
                unchanged++;
            } else {
                changes.add(line);
            }
        }
        // Lines locked in the order of their ids, the same for every import, so that two imports do not deadlock on them
        changes.sort(Comparator.comparing(line -> existing.get(line.code()).id()));
        for (Parsed line : changes) {
            BudgetLine known = existing.get(line.code());
            if (lines.changeVoted(known.id(), line.voted()) == 1) {
                updated++;
            } else {
                // Reserved or committed since the line was read: the figures as they are now
                Object[] held = lines.heldNow(known.id()).get(0);
                errors.add(cell(line.row(), Column.CREDITS_VOTES),
                        belowHeld(line, (BigDecimal) held[0], (BigDecimal) held[1]));
            }
        }
        // Throwing rolls back the updates already made: nothing of the file is kept
        errors.throwIfAny();
        for (Parsed line : fresh) {
            lines.save(new BudgetLine(line.fiscalYear(), line.chapter(), line.nature(), line.function(), line.service(),
                    line.serviceCode(), line.label(), line.voted()));
            created++;
        }
        // each fiscal year of the file has its engagement counter before anything is committed on its lines
        parsed.stream().map(Parsed::fiscalYear).distinct().sorted().forEach(engagementNumbers::ensureCounter);
        records.save(new BudgetImportRecord(sanitize(filename), sha256(content), format.name(), parsed.size(), created,
                updated, unchanged, total, actor, Instant.now(clock)));
        return new Summary(format.name(), parsed.size(), created, updated, unchanged, total,
                parsed.stream().map(Parsed::fiscalYear).distinct().sorted().toList());
    }

    // ------------------------------------------------------------------------------------------------------- header

    /** The position of each column, or null when the header is unusable (its errors are then added). */
    private static Map<Column, Integer> header(Row header, Format format, Errors errors) {
        String at = row(header.number());
        int width = width(header);
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

    /** The number of cells up to the last one that is not blank. */
    private static int width(Row row) {
        int width = row.cells().size();
        while (width > 0 && row.cell(width - 1).isBlank()) {
            width--;
        }
        return width;
    }

    // ---------------------------------------------------------------------------------------------------------- rows

    private Parsed parse(Row row, Map<Column, Integer> positions, int headerWidth, Format format, Errors errors) {
        int width = width(row);
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
        return new Parsed(n, year, chapter, nature, function, service, serviceCode, label, voted);
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

    /** Without the spaces around, no-break spaces included (French spreadsheets put one before €). */
    private static String trim(String text) {
        return EDGE_SPACES.matcher(text).replaceAll("");
    }

    private static Integer fiscalYear(String text, int n, Errors errors) {
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
            Errors errors) {
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
    private static String words(String text, int max, int n, Column column, String what, String example, Errors errors) {
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
    private static BigDecimal voted(Cell cell, int n, Errors errors) {
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

    private static String belowHeld(Parsed line, BigDecimal reserved, BigDecimal committed) {
        return "les crédits votés (" + Money.format(line.voted()) + ") ne peuvent descendre sous ce qui est déjà réservé ("
                + Money.format(reserved) + ") et engagé (" + Money.format(committed) + ") sur la ligne " + line.code()
                + ", soit " + Money.format(reserved.add(committed)) + " : votez au moins ce montant";
    }

    // -------------------------------------------------------------------------------------------------------- errors

    static String row(int n) {
        return "lignes[" + n + "]";
    }

    static String cell(int n, Column column) {
        return row(n) + "." + column.field();
    }

    /** Column C of a workbook, column n° 3 of a CSV file. */
    private static String columnName(int index, Format format) {
        return format == Format.XLSX ? CellReference.convertNumToColString(index) : "n° " + (index + 1);
    }

    private static String quote(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return "« " + shown + " »";
    }

    private static String megabytes(long bytes) {
        long mb = bytes / (1024 * 1024);
        return mb > 0 ? mb + " Mo" : bytes / 1024 + " Ko";
    }

    private static String sanitize(String filename) {
        String name = filename == null ? "" : filename;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "_").trim();
        if (name.isEmpty()) {
            name = "budget";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The field errors of one file, in the file's order; beyond {@link #MAX_ERRORS} only counted. */
    private static final class Errors {

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
    }
}
