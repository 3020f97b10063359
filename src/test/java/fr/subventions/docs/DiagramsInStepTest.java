package fr.subventions.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The pictures of the processes in docs/diagrams/ are those of the diagrams in bpmn/ as they stand: one SVG per BPMN
 * file, drawn from its current content (the SHA-256 each SVG records). No browser: it reads the stamps only.
 */
class DiagramsInStepTest {

    @Test
    void everyDiagramHasAPictureDrawnFromItsCurrentContent() {
        assertThat(Diagrams.diagrams()).isNotEmpty();
        List<String> stale = new ArrayList<>();
        for (Path diagram : Diagrams.diagrams()) {
            Path picture = Diagrams.pictureOf(diagram);
            if (!Files.exists(picture)) {
                stale.add(diagram + " has no picture " + picture);
                continue;
            }
            Optional<String> drawnFrom = Diagrams.drawnFrom(picture);
            if (drawnFrom.isEmpty()) {
                stale.add(picture + " does not say which version of " + diagram + " it was drawn from");
            } else if (!drawnFrom.get().equals(Diagrams.sha256(diagram))) {
                stale.add(diagram + " changed since " + picture + " was drawn");
            }
        }
        assertThat(stale).as("pictures to draw again with: " + Diagrams.REDRAW).isEmpty();
    }

    @Test
    void everyPictureHasItsDiagram() {
        assertThat(Diagrams.pictures()).as("pictures whose diagram is gone from bpmn/ (delete them)")
                .allSatisfy(picture -> assertThat(Diagrams.diagramOf(picture)).exists());
    }
}
