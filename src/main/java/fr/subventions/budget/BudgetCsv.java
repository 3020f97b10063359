package fr.subventions.budget;

import static fr.subventions.budget.BudgetFile.FILE;
import static fr.subventions.budget.BudgetFile.SEPARATOR;
import static fr.subventions.budget.BudgetFile.UNRECOGNISED;
import static fr.subventions.budget.BudgetFile.tooManyRows;

import fr.subventions.budget.BudgetFile.Cell;
import fr.subventions.budget.BudgetFile.Content;
import fr.subventions.budget.BudgetFile.Format;
import fr.subventions.budget.BudgetFile.Row;
import fr.subventions.budget.BudgetFile.Unreadable;
import fr.subventions.shared.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a budget file in CSV: RFC 4180 with a semicolon, quoted fields may hold ; and line breaks, "" is a quote
 * inside a quoted field. A row keeps the number of the line it starts on.
 */
final class BudgetCsv {

    private BudgetCsv() {
    }

    static Content read(byte[] content, int maxRows) {
        for (byte b : content) {
            // Control characters other than tab and line ends: binary data, not text
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                throw new InvalidInputException(FILE, UNRECOGNISED);
            }
        }
        String text = utf8(content);
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        int line = 1;
        int i = 0;
        int length = text.length();
        while (i < length) {
            int start = line;
            List<Cell> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean endOfRow = false;
            while (i < length && !endOfRow) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < length && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n' || (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
                            line++;
                        }
                        cell.append(c);
                    }
                    i++;
                } else if (c == '"' && cell.toString().isBlank()) {
                    cell.setLength(0);
                    quoted = true;
                    i++;
                } else if (c == SEPARATOR) {
                    cells.add(new Cell(cell.toString(), null));
                    cell.setLength(0);
                    i++;
                } else if (c == '\r' || c == '\n') {
                    i += c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n' ? 2 : 1;
                    line++;
                    endOfRow = true;
                } else {
                    cell.append(c);
                    i++;
                }
            }
            if (quoted) {
                unreadable.add(new Unreadable(start, "guillemet ouvrant sans guillemet fermant : un champ entre "
                        + "guillemets doit se terminer par un guillemet (\"), et un guillemet à l'intérieur s'écrit \"\""));
                break;
            }
            cells.add(new Cell(cell.toString(), null));
            if (cells.stream().allMatch(Cell::isBlank)) {
                continue;
            }
            if (rows.size() == maxRows) {
                throw tooManyRows(maxRows);
            }
            rows.add(new Row(start, cells));
        }
        return new Content(Format.CSV, rows, unreadable);
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(FILE, "le fichier CSV n'est pas encodé en UTF-8 : dans Excel, enregistrez-le "
                    + "au format « CSV UTF-8 » ; dans LibreOffice, choisissez le jeu de caractères « Unicode (UTF-8) »");
        }
    }
}
