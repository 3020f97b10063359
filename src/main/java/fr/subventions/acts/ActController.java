package fr.subventions.acts;

import fr.subventions.shared.Caller;
import fr.subventions.shared.NotFoundException;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The acts in the API: a request's deliberation, the @CTES packages, the prefecture's replies, publication. */
@RestController
class ActController {

    private final ActRegister register;
    private final Transmissions transmissions;
    private final PrefectureReplies replies;
    private final SubsidyRequestService requests;
    private final Clock clock;

    ActController(ActRegister register, Transmissions transmissions, PrefectureReplies replies,
            SubsidyRequestService requests, Clock clock) {
        this.register = register;
        this.transmissions = transmissions;
        this.replies = replies;
        this.requests = requests;
        this.clock = clock;
    }

    /** The deliberation deciding the request: the applicant who owns it and staff. */
    @GetMapping("/api/requests/{reference}/act")
    ActView act(@PathVariable String reference, Caller caller) {
        SubsidyRequest request = requests.get(reference, caller);
        Act act = register.deliberationOf(request.id()).orElseThrow(() -> new NotFoundException(
                "Aucune délibération signée pour la demande " + reference + " : elle n'a pas encore été votée,"
                        + " ou son extrait est en cours de production."));
        return ActView.of(act, LocalDate.now(clock));
    }

    /** The @CTES package of the act, as last written to the outbox. */
    @GetMapping("/api/acts/{number}/package")
    @PreAuthorize("hasAuthority('secretariat')")
    ResponseEntity<byte[]> actPackage(@PathVariable String number) {
        SentPackage sent = transmissions.last(register.byNumber(number)).orElseThrow(() -> new NotFoundException(
                "L'acte n° " + number + " n'a pas encore été transmis à la préfecture."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/gzip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(sent.archiveName()).build().toString())
                .body(sent.content());
    }

    /** The act sent again, after the prefecture's anomaly. */
    @PostMapping("/api/acts/{number}/transmission")
    @PreAuthorize("hasAuthority('secretariat')")
    ActView sendAgain(@PathVariable String number, Caller caller) {
        return ActView.of(register.sendAgain(number, caller.username()), LocalDate.now(clock));
    }

    /**
     * The prefecture's reply — an acknowledgement (ARActe) or an anomaly —, as its XML. At most
     * {@link PrefectureMessages#MAX_BYTES} + 1 bytes of the body are read: a larger one is refused by its size without
     * ever being held whole in memory.
     */
    @PostMapping(path = "/api/acts/acknowledgements", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @PreAuthorize("hasAuthority('secretariat')")
    ActView acknowledgement(InputStream body) throws IOException {
        return ActView.of(replies.apply(body.readNBytes(PrefectureMessages.MAX_BYTES + 1)), LocalDate.now(clock));
    }

    /** The séance's signed acts put online; those already published keep their date. */
    @PostMapping("/api/sessions/{id}/publication")
    @PreAuthorize("hasAuthority('secretariat')")
    List<ActView> publish(@PathVariable Long id) {
        register.publishSession(id);
        LocalDate today = LocalDate.now(clock);
        return register.ofSession(id).stream().map(act -> ActView.of(act, today)).toList();
    }
}
