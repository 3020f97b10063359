package fr.subventions.mail;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox as staff and administrators follow it: what was sent, what waits, what failed and why. */
@RestController
class MailController {

    private final MailOutbox outbox;

    MailController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/mails")
    @PreAuthorize("hasAnyAuthority('instructeurs', 'secretariat', 'finances', 'camunda-admin')")
    List<MailOutbox.MailView> list(@RequestParam(required = false) MailStatus status,
            @RequestParam(required = false) String reference) {
        return outbox.search(status, reference, 200);
    }

    @PostMapping("/api/mails/{id}/retry")
    @PreAuthorize("hasAuthority('camunda-admin')")
    MailOutbox.MailView retry(@PathVariable Long id) {
        return outbox.retry(id);
    }
}
