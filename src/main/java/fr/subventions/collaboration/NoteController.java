package fr.subventions.collaboration;

import fr.subventions.shared.Caller;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's internal notes through the API. No role check here but staff's, inside {@link InternalNotes}: an applicant
 * is answered 404, as for an unknown request, never 403, which would tell that the notes exist.
 */
@RestController
class NoteController {

    private final InternalNotes notes;

    NoteController(InternalNotes notes) {
        this.notes = notes;
    }

    /** A note's text. */
    record NoteInput(String text) {
    }

    @GetMapping("/api/requests/{reference}/notes")
    List<NoteView> list(@PathVariable String reference, Caller caller) {
        return notes.list(reference, caller);
    }

    @PostMapping("/api/requests/{reference}/notes")
    ResponseEntity<NoteView> write(@PathVariable String reference, @RequestBody NoteInput input, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(notes.write(reference, input.text(), caller));
    }

    @PutMapping("/api/requests/{reference}/notes/{id}")
    NoteView correct(@PathVariable String reference, @PathVariable Long id, @RequestBody NoteInput input, Caller caller) {
        return notes.correct(reference, id, input.text(), caller);
    }
}
