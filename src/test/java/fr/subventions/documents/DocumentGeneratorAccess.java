package fr.subventions.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;

/** Lets tests of other packages read an item's extract as its lines. */
@Component
public class DocumentGeneratorAccess {

    private final DocumentGenerator generator;

    DocumentGeneratorAccess(DocumentGenerator generator) {
        this.generator = generator;
    }

    public List<String> lines(Long agendaItemId) {
        try {
            return DeliberationExtractTest.lines(generator.extract(agendaItemId).content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
