package fr.subventions.backoffice;

import fr.subventions.documents.DocumentText;
import fr.subventions.shared.Caller;
import fr.subventions.shared.Texts;
import fr.subventions.shared.Violations;
import fr.subventions.submission.DocumentContents;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentView;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The documents of a selection of requests in one ZIP, for staff: a folder per request, named after its reference,
 * holding every document of the request a member of staff sees (internal ones included: the instruction report, the
 * engagement sheet), and {@value #INDEX} first, one line per request — reference, applicant, title, stage, amounts,
 * number of documents, folder.
 *
 * <p>Streamed: the ZIP is written to the response as it is made, each file copied from the database to it one after
 * the other ({@link DocumentContents#copy}), so that only one file's bytes are ever held, whatever the size of
 * the selection. File names lose their path, control and invisible characters and what Windows refuses; two files of
 * the same name in a folder are numbered (« statuts (2).pdf »).
 */
@Component
class DossierBundle {

    static final String INDEX = "index.xlsx";
    static final List<String> HEADERS = List.of("Référence", "Demandeur", "Objet", "Étape", "Montant demandé",
            "Montant proposé", "Montant accordé", "Nombre de documents", "Dossier");
    /** What Windows, macOS or a ZIP tool would take for something else than a letter of a name. */
    private static final Pattern UNSAFE = Pattern.compile("[<>:\"/\\\\|?*]");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final int MAX_NAME = 120;

    private final SubsidyRequestService requests;
    private final DocumentService documents;
    private final DocumentContents contents;

    DossierBundle(SubsidyRequestService requests, DocumentService documents, DocumentContents contents) {
        this.requests = requests;
        this.documents = documents;
        this.contents = contents;
    }

    /**
     * The selection's references, each a request the caller sees, in their order: refused whole, naming each reference
     * refused, before a byte of the ZIP is written.
     */
    List<String> check(List<String> given, Caller caller) {
        Violations v = new Violations();
        List<String> references = Selection.references(given, v);
        v.throwIfAny();
        for (int i = 0; i < references.size(); i++) {
            Optional<SubsidyRequest> request = requests.find(references.get(i))
                    .filter(r -> caller.maySee(r.submittedBy()));
            if (request.isEmpty()) {
                v.add(Selection.FIELD + "[" + i + "]", "demande inconnue : " + references.get(i));
            }
        }
        v.throwIfAny();
        return references;
    }

    /** One request of the ZIP: its line of the index and its documents, without their content. */
    private record Folder(String name, String reference, String applicant, String title, String stage,
            BigDecimal requested, BigDecimal proposed, BigDecimal granted, List<DocumentView> documents) {
    }

    /** The ZIP's entry as the workbook writes it: the workbook closes what it writes to, and the ZIP goes on. */
    private static final class KeptOpen extends FilterOutputStream {

        KeptOpen(OutputStream zip) {
            super(zip);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Writes the ZIP of the requests ({@link #check}ed) to {@code out}, and finishes it; {@code out} stays open. */
    void write(List<String> references, Caller caller, OutputStream out) throws IOException {
        List<Folder> folders = new ArrayList<>(references.size());
        Set<String> names = new HashSet<>();
        for (String reference : references) {
            SubsidyRequest request = requests.get(reference, caller);
            folders.add(new Folder(unique(safeName(request.reference()), names), request.reference(),
                    request.applicant().name(), request.title(), request.status().label(), request.requestedAmount(),
                    request.proposedAmount(), request.grantedAmount(), documents.views(request, caller)));
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(INDEX));
        index(folders, new KeptOpen(zip));
        zip.closeEntry();
        for (Folder folder : folders) {
            zip.putNextEntry(new ZipEntry(folder.name() + "/"));
            zip.closeEntry();
            Set<String> files = new HashSet<>();
            for (DocumentView document : folder.documents()) {
                zip.putNextEntry(new ZipEntry(folder.name() + "/" + unique(safeName(document.filename()), files)));
                try {
                    contents.copy(document.id(), zip);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                zip.closeEntry();
            }
            // what is written goes out now: the client sees the ZIP come, request after request
            zip.flush();
        }
        zip.finish();
    }

    private static void index(List<Folder> folders, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle euros = workbook.createCellStyle();
            euros.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00\\ \"€\""));
            SXSSFSheet sheet = workbook.createSheet("Demandes");
            Row first = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                Cell cell = first.createCell(c);
                cell.setCellValue(HEADERS.get(c));
                cell.setCellStyle(header);
            }
            int r = 1;
            for (Folder folder : folders) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(folder.reference());
                row.createCell(1).setCellValue(DocumentText.clean(folder.applicant()));
                row.createCell(2).setCellValue(DocumentText.clean(folder.title()));
                row.createCell(3).setCellValue(folder.stage());
                amount(row, 4, folder.requested(), euros);
                amount(row, 5, folder.proposed(), euros);
                amount(row, 6, folder.granted(), euros);
                row.createCell(7).setCellValue(folder.documents().size());
                row.createCell(8).setCellValue(folder.name() + "/");
            }
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, HEADERS.size() - 1));
            sheet.createFreezePane(1, 1);
            int[] widths = {16, 36, 48, 30, 15, 15, 15, 12, 18};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private static void amount(Row row, int column, BigDecimal value, CellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
    }

    /**
     * A file name any system unpacks as it is: its path left out, control and invisible characters and {@code <>:"/\|?*}
     * replaced by « _ », no dot nor space at either end, no device name of Windows, at most {@value #MAX_NAME}
     * characters with its extension kept; « document » when nothing is left.
     */
    static String safeName(String filename) {
        String name = filename == null ? "" : filename;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (!Texts.isClean(Character.toString(c)) || c == '\t' || c == '\n' || c == '\r') {
                safe.append('_');
            } else {
                safe.appendCodePoint(c);
            }
        });
        name = UNSAFE.matcher(safe).replaceAll("_").replaceAll("^[.\\s]+|[.\\s]+$", "");
        if (name.isEmpty()) {
            name = "document";
        }
        if (RESERVED.matcher(name).matches()) {
            name = "_" + name;
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            String base = name.substring(0, name.length() - extension.length());
            base = base.substring(0, base.offsetByCodePoints(0, MAX_NAME - extension.length()));
            name = base + extension;
        }
        return name;
    }

    /** The name, or the name numbered « (2) », « (3) »… before its extension, the first one not yet used (case aside). */
    static String unique(String name, Set<String> used) {
        if (used.add(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2;; n++) {
            String numbered = base + " (" + n + ")" + extension;
            if (used.add(numbered.toLowerCase(Locale.ROOT))) {
                return numbered;
            }
        }
    }
}
