package fr.subventions.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** A generated .docx read back as its non-empty lines, whitespace normalised: for tests of any package. */
public final class DocumentLines {

    private DocumentLines() {
    }

    public static List<String> of(byte[] docx) {
        try {
            return DeliberationExtractTest.lines(docx);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
