package fr.subventions.budget;

import static fr.subventions.budget.BudgetHeader.HEADER;
import static fr.subventions.budget.ImportErrors.cell;
import static fr.subventions.budget.ImportErrors.row;

import fr.subventions.budget.BudgetFile.Format;
import fr.subventions.budget.BudgetFile.Row;
import fr.subventions.budget.BudgetHeader.Column;
import fr.subventions.budget.BudgetRowChecks.CheckedRow;
import fr.subventions.shared.Digests;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budget lines and their voted credits from a budget file (CSV or .xlsx, see docs/budget-import.md): a line not known
 * yet is created, a known line's voted credits are set to the file's (a décision modificative). Every row is checked
 * before anything is written, and the whole file is refused — each bad cell named by its row number in the file — if
 * any row is wrong; the writes then happen in one transaction. Lowering a line's voted credits below what is reserved
 * and committed on it is refused, by a conditional update that holds even if a reservation lands meanwhile. The file is
 * read by {@link BudgetFile}, its header by {@link BudgetHeader}, each row checked by {@link BudgetRowChecks}; what is
 * checked here spans rows and the lines already known.
 */
@Service
public class BudgetImport {

    /** What an accepted file did. */
    public record Summary(String format, int rows, int created, int updated, int unchanged, BigDecimal totalVoted,
            List<Integer> fiscalYears) {
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
        ImportErrors errors = new ImportErrors();
        file.unreadable().forEach(row -> errors.add(row(row.number()), row.message()));
        if (file.rows().isEmpty()) {
            errors.throwIfAny();
            throw new InvalidInputException("file", "le fichier ne contient rien : la première ligne doit être l'en-tête "
                    + HEADER);
        }
        Row header = file.rows().get(0);
        Map<Column, Integer> positions = BudgetHeader.positions(header, file.format(), errors);
        if (positions == null) {
            // Without a usable header the rows cannot be read: only the header's errors are given
            errors.throwIfAny();
        }
        int width = header.width();
        List<Row> data = file.rows().subList(1, file.rows().size());
        if (data.isEmpty()) {
            errors.add("file", "le fichier ne contient aucune ligne budgétaire après l'en-tête");
        }
        List<CheckedRow> parsed = new ArrayList<>();
        for (Row row : data) {
            CheckedRow line = BudgetRowChecks.check(row, positions, width, file.format(), errors);
            if (line != null) {
                parsed.add(line);
            }
        }
        Map<String, Integer> firstRowOf = new HashMap<>();
        for (CheckedRow line : parsed) {
            Integer first = firstRowOf.putIfAbsent(line.code(), line.row());
            if (first != null) {
                errors.add(row(line.row()), "la ligne budgétaire " + line.code() + " figure déjà ligne " + first
                        + " du fichier (lignes " + first + " et " + line.row() + ") : chaque ligne budgétaire n'y figure qu'une fois");
            }
        }
        TreeSet<Integer> years = parsed.stream().map(CheckedRow::fiscalYear).collect(Collectors.toCollection(TreeSet::new));
        Map<String, BudgetLine> existing = years.isEmpty() ? Map.of() : lines.findByFiscalYearIn(years).stream()
                .collect(Collectors.toMap(BudgetLine::code, Function.identity()));
        for (CheckedRow line : parsed) {
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
    private Summary apply(List<CheckedRow> parsed, Map<String, BudgetLine> existing, Format format, String filename,
            byte[] content, String actor) {
        ImportErrors errors = new ImportErrors();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        List<CheckedRow> fresh = new ArrayList<>();
        List<CheckedRow> changes = new ArrayList<>();
        for (CheckedRow line : parsed) {
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
        for (CheckedRow line : changes) {
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
        for (CheckedRow line : fresh) {
            lines.save(new BudgetLine(line.fiscalYear(), line.chapter(), line.nature(), line.function(), line.service(),
                    line.serviceCode(), line.label(), line.voted()));
            created++;
        }
        // each fiscal year of the file has its engagement counter before anything is committed on its lines
        parsed.stream().map(CheckedRow::fiscalYear).distinct().sorted().forEach(engagementNumbers::ensureCounter);
        records.save(new BudgetImportRecord(sanitize(filename), Digests.sha256(content), format.name(), parsed.size(), created,
                updated, unchanged, total, actor, Instant.now(clock)));
        return new Summary(format.name(), parsed.size(), created, updated, unchanged, total,
                parsed.stream().map(CheckedRow::fiscalYear).distinct().sorted().toList());
    }

    private static String belowHeld(CheckedRow line, BigDecimal reserved, BigDecimal committed) {
        return "les crédits votés (" + Money.format(line.voted()) + ") ne peuvent descendre sous ce qui est déjà réservé ("
                + Money.format(reserved) + ") et engagé (" + Money.format(committed) + ") sur la ligne " + line.code()
                + ", soit " + Money.format(reserved.add(committed)) + " : votez au moins ce montant";
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
}
