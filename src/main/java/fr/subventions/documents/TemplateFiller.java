package fr.subventions.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;

/**
 * Fills the placeholders of one body of a .docx (the document, a header, a footer) from a model, in the syntax
 * {@link DocxTemplate} describes: texts in one pass over each paragraph, whose runs merge into the first one's style;
 * list paragraphs expanded; table rows repeated. A placeholder the model does not match fails with a French message
 * naming the template.
 */
final class TemplateFiller {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([#*]?)([A-Za-z][A-Za-z0-9_.]*)\\s*}}");
    private static final Pattern LIST_PARAGRAPH = Pattern.compile("^\\s*\\{\\{\\s*\\*([A-Za-z][A-Za-z0-9_]*)\\s*}}\\s*$");

    private final String name;
    private final Map<String, Object> model;

    TemplateFiller(String name, Map<String, Object> model) {
        this.name = name;
        this.model = model;
    }

    void fill(IBody body) {
        for (XWPFParagraph paragraph : new ArrayList<>(body.getParagraphs())) {
            Matcher list = LIST_PARAGRAPH.matcher(paragraph.getText());
            if (list.matches()) {
                expand(body, paragraph, list(list.group(1)));
            } else {
                replace(paragraph, null);
            }
        }
        for (XWPFTable table : new ArrayList<>(body.getTables())) {
            fill(table);
        }
    }

    private void fill(XWPFTable table) {
        for (XWPFTableRow row : new ArrayList<>(table.getRows())) {
            String key = repeatedKey(row);
            if (key == null) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    fill(cell);
                }
                continue;
            }
            int position = table.getRows().indexOf(row);
            List<Map<String, String>> records = records(key);
            for (int i = 0; i < records.size(); i++) {
                XWPFTableRow copy = new XWPFTableRow((CTRow) row.getCtRow().copy(), table);
                for (XWPFTableCell cell : copy.getTableCells()) {
                    for (XWPFParagraph paragraph : cell.getParagraphs()) {
                        replace(paragraph, records.get(i));
                    }
                }
                table.addRow(copy, position + i);
            }
            table.removeRow(position + records.size());
        }
    }

    private String repeatedKey(XWPFTableRow row) {
        for (XWPFTableCell cell : row.getTableCells()) {
            Matcher matcher = PLACEHOLDER.matcher(cell.getText());
            while (matcher.find()) {
                if (matcher.group(1).equals("#")) {
                    String path = matcher.group(2);
                    int dot = path.indexOf('.');
                    if (dot < 0) {
                        throw new TemplateException("Dans le modèle « " + name + " », {{#" + path + "}} doit nommer un champ : {{#liste.champ}}");
                    }
                    return path.substring(0, dot);
                }
            }
        }
        return null;
    }

    /** One paragraph per entry, in the style of the placeholder's paragraph, which then goes. */
    private void expand(IBody body, XWPFParagraph template, List<String> entries) {
        CTRPr style = template.getRuns().isEmpty() ? null : template.getRuns().get(0).getCTR().getRPr();
        for (String entry : entries) {
            XmlCursor cursor = template.getCTP().newCursor();
            XWPFParagraph paragraph = body.insertNewParagraph(cursor);
            cursor.dispose();
            if (template.getCTP().getPPr() != null) {
                paragraph.getCTP().setPPr(template.getCTP().getPPr());
            }
            boolean heading = entry.startsWith("# ");
            XWPFRun run = paragraph.createRun();
            if (style != null) {
                run.getCTR().setRPr((CTRPr) style.copy());
            }
            if (heading) {
                run.setBold(true);
            }
            write(run, heading ? entry.substring(2) : entry);
        }
        if (body instanceof XWPFDocument document) {
            document.removeBodyElement(document.getPosOfParagraph(template));
        } else if (body instanceof XWPFTableCell cell) {
            cell.removeParagraph(cell.getParagraphs().indexOf(template));
        } else if (body instanceof XWPFHeader header) {
            header.removeParagraph(template);
        } else if (body instanceof XWPFFooter footer) {
            footer.removeParagraph(template);
        }
    }

    /** Replaces the paragraph's placeholders in one pass; its runs merge into the first one's style. */
    private void replace(XWPFParagraph paragraph, Map<String, String> record) {
        String text = paragraph.getText();
        if (!text.contains("{{")) {
            return;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value;
            if (matcher.group(1).equals("#")) {
                if (record == null) {
                    throw new TemplateException("Dans le modèle « " + name + " », {{#" + matcher.group(2)
                            + "}} n'est permis que dans une ligne de tableau");
                }
                String field = matcher.group(2).substring(matcher.group(2).indexOf('.') + 1);
                if (!record.containsKey(field)) {
                    throw new TemplateException("Champ inconnu {{#" + matcher.group(2) + "}} dans le modèle « " + name + " »");
                }
                value = record.get(field);
            } else if (matcher.group(1).equals("*")) {
                throw new TemplateException("Dans le modèle « " + name + " », {{*" + matcher.group(2)
                        + "}} doit être seul dans son paragraphe");
            } else {
                value = text(matcher.group(2));
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(DocumentText.clean(value)));
        }
        matcher.appendTail(filled);
        List<XWPFRun> runs = paragraph.getRuns();
        CTRPr style = runs.isEmpty() || runs.get(0).getCTR().getRPr() == null ? null
                : (CTRPr) runs.get(0).getCTR().getRPr().copy();
        for (int i = runs.size() - 1; i >= 0; i--) {
            paragraph.removeRun(i);
        }
        XWPFRun run = paragraph.createRun();
        if (style != null) {
            run.getCTR().setRPr(style);
        }
        write(run, filled.toString());
    }

    private static void write(XWPFRun run, String text) {
        String[] lines = DocumentText.clean(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }

    private String text(String key) {
        Object value = model.get(key);
        if (!model.containsKey(key)) {
            throw new TemplateException("Champ inconnu {{" + key + "}} dans le modèle « " + name + " »");
        }
        if (value != null && !(value instanceof String)) {
            throw new TemplateException("{{" + key + "}} est une liste : écrivez {{*" + key + "}} seul dans un paragraphe");
        }
        return value == null ? "" : (String) value;
    }

    @SuppressWarnings("unchecked")
    private List<String> list(String key) {
        Object value = model.get(key);
        if (!(value instanceof List<?>)) {
            throw new TemplateException("Liste inconnue {{*" + key + "}} dans le modèle « " + name + " »");
        }
        return (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> records(String key) {
        Object value = model.get(key);
        if (!(value instanceof List<?>)) {
            throw new TemplateException("Tableau inconnu {{#" + key + ".…}} dans le modèle « " + name + " »");
        }
        return (List<Map<String, String>>) value;
    }
}
