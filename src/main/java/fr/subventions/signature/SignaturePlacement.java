package fr.subventions.signature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Where a signature appears: in the act's signature block, as a hand signature would. The block is the last place the
 * document writes the role's opening words (« Le Président, », « Le secrétaire, »): the signature goes just below
 * them; where the next line (the signatory's name) leaves no room, below the block's lines; failing that, beside
 * them, to the right. A document without the block is signed at the end of its last page. Never over the text nor
 * over another signature. Coordinates from the page's top left corner, in points, as DSS takes them.
 */
final class SignaturePlacement {

    static final float WIDTH = 200;
    static final float HEIGHT = 42;
    static final float GAP = 3;
    static final float MARGIN = 28;

    /** A signature field: 1-based page, top left corner, size. */
    record Field(int page, float x, float y, float width, float height) {

        boolean overlaps(Box box) {
            return x < box.right && box.left < x + width && y < box.bottom && box.top < y + height;
        }
    }

    /** Something already on a page: a line of text or an annotation (another signature). */
    record Box(int page, float left, float top, float right, float bottom, String text) {
    }

    private SignaturePlacement() {
    }

    static Field find(PDDocument document, String block) throws IOException {
        Lines lines = new Lines(document);
        Box marker = lastOccurrence(lines, block);
        if (marker == null) {
            return endOfLastPage(document, lines);
        }
        int markerPage = marker.page();
        PDRectangle size = document.getPage(markerPage - 1).getCropBox();
        List<Box> taken = lines.occupied(markerPage);
        float x = Math.max(MARGIN, Math.min(marker.left(), size.getWidth() - MARGIN - WIDTH));
        List<Field> candidates = new ArrayList<>();
        candidates.add(new Field(markerPage, x, marker.bottom() + GAP, WIDTH, HEIGHT));
        Box lastOfBlock = marker;
        float right = marker.right();
        for (Box line : lines.of(markerPage)) {
            if (line.top() >= lastOfBlock.bottom() - 1 && line.top() - lastOfBlock.bottom() < (marker.bottom() - marker.top())
                    && Math.abs(line.left() - marker.left()) < 40) {
                lastOfBlock = line;
                right = Math.max(right, line.right());
            }
        }
        candidates.add(new Field(markerPage, x, lastOfBlock.bottom() + GAP, WIDTH, HEIGHT));
        candidates.add(new Field(markerPage, right + 3 * GAP, marker.top(), WIDTH, HEIGHT));
        for (Field candidate : candidates) {
            if (fits(candidate, size, taken)) {
                return candidate;
            }
        }
        return endOfLastPage(document, lines);
    }

    /** The last line of the document that contains the text, or null. */
    static Box lastOccurrence(PDDocument document, String text) throws IOException {
        return lastOccurrence(new Lines(document), text);
    }

    private static Box lastOccurrence(Lines lines, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (int page = lines.pages.size(); page >= 1; page--) {
            List<Box> onPage = lines.of(page);
            for (int i = onPage.size() - 1; i >= 0; i--) {
                if (onPage.get(i).text().contains(text.strip())) {
                    return onPage.get(i);
                }
            }
        }
        return null;
    }

    /** Below the last line of the last page if there is room, else in its bottom margin. */
    private static Field endOfLastPage(PDDocument document, Lines lines) throws IOException {
        int page = document.getNumberOfPages();
        PDRectangle size = document.getPage(page - 1).getCropBox();
        float below = MARGIN;
        for (Box box : lines.occupied(page)) {
            below = Math.max(below, box.bottom() + 2 * GAP);
        }
        float x = size.getWidth() - MARGIN - WIDTH;
        List<Box> taken = lines.occupied(page);
        Field field = new Field(page, x, below, WIDTH, HEIGHT);
        if (fits(field, size, taken)) {
            return field;
        }
        // the page is full below its text: the first free spot from the bottom margin up, right then left, so that a
        // signature never lies over another one (a convention the beneficiary signed with another tool, say)
        for (float y = size.getHeight() - MARGIN / 2 - HEIGHT; y >= MARGIN; y -= HEIGHT + GAP) {
            for (float left : new float[] {x, MARGIN}) {
                Field free = new Field(page, left, y, WIDTH, HEIGHT);
                if (fits(free, size, taken)) {
                    return free;
                }
            }
        }
        return new Field(page, x, size.getHeight() - MARGIN / 2 - HEIGHT, WIDTH, HEIGHT);
    }

    private static boolean fits(Field field, PDRectangle page, List<Box> taken) {
        if (field.x() < 0 || field.y() < 0 || field.x() + field.width() > page.getWidth()
                || field.y() + field.height() > page.getHeight() - MARGIN / 2) {
            return false;
        }
        return taken.stream().noneMatch(field::overlaps);
    }

    /** The lines of text of each page, read once, and the annotations' rectangles. */
    private static final class Lines extends PDFTextStripper {

        private final PDDocument document;
        private final List<List<Box>> pages = new ArrayList<>();

        Lines(PDDocument document) throws IOException {
            this.document = document;
            setSortByPosition(true);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                pages.add(new ArrayList<>());
            }
            getText(document);
        }

        List<Box> of(int page) {
            return pages.get(page - 1);
        }

        List<Box> occupied(int page) throws IOException {
            List<Box> boxes = new ArrayList<>(of(page));
            PDPage pdPage = document.getPage(page - 1);
            float height = pdPage.getCropBox().getHeight();
            for (PDAnnotation annotation : pdPage.getAnnotations()) {
                PDRectangle r = annotation.getRectangle();
                if (r != null) {
                    boxes.add(new Box(page, r.getLowerLeftX(), height - r.getUpperRightY(), r.getUpperRightX(),
                            height - r.getLowerLeftY(), ""));
                }
            }
            return boxes;
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            if (positions.isEmpty() || text.isBlank()) {
                return;
            }
            float left = Float.MAX_VALUE;
            float right = 0;
            float top = Float.MAX_VALUE;
            float bottom = 0;
            for (TextPosition p : positions) {
                float size = p.getFontSizeInPt() > 0 ? p.getFontSizeInPt() : p.getHeightDir();
                left = Math.min(left, p.getXDirAdj());
                right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
                top = Math.min(top, p.getYDirAdj() - size * 0.8f);
                bottom = Math.max(bottom, p.getYDirAdj() + size * 0.25f);
            }
            pages.get(getCurrentPageNo() - 1).add(new Box(getCurrentPageNo(), left, top, right, bottom, text));
        }
    }
}
