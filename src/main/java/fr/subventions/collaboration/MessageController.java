package fr.subventions.collaboration;

import fr.subventions.shared.Caller;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The thread of a request through the API, for its applicant and for staff (404 for anybody else): JSON, or multipart
 * with files. Messages are written, never changed: no endpoint edits or deletes them.
 */
@RestController
class MessageController {

    private final Messages messages;

    MessageController(Messages messages) {
        this.messages = messages;
    }

    /** A message as JSON: its text, and for staff whether it asks for an answer. */
    record MessageInput(String text, Boolean question) {
    }

    @GetMapping("/api/requests/{reference}/messages")
    List<MessageView> list(@PathVariable String reference, Caller caller) {
        return messages.list(reference, caller);
    }

    @PostMapping(path = "/api/requests/{reference}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MessageView> send(@PathVariable String reference, @RequestBody MessageInput input, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(messages.send(reference,
                new Messages.Draft(input.text(), input.question(), List.of()), caller));
    }

    @PostMapping(path = "/api/requests/{reference}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MessageView> sendWithFiles(@PathVariable String reference,
            @RequestParam(required = false) String text, @RequestParam(required = false) String question,
            @RequestParam(required = false) List<MultipartFile> files, Caller caller) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(messages.send(reference,
                new Messages.Draft(text, MessageForms.question(question, "question"),
                        MessageForms.uploads(files)), caller));
    }
}
