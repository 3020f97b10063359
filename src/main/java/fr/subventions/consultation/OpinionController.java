package fr.subventions.consultation;

import fr.subventions.consultation.OpinionQuestion.Asked;
import fr.subventions.shared.Caller;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Opinions asked of other services or colleagues, through the API: asked by an instructing officer, listed for staff
 * (an applicant gets 404, as for a request not theirs), given by the one asked, withdrawn by its asker.
 */
@RestController
class OpinionController {

    private final OpinionService opinions;

    OpinionController(OpinionService opinions) {
        this.opinions = opinions;
    }

    /**
     * Of whom — {@code group} (a staff group) or {@code user} (a colleague's login), or several in {@code groups} and
     * {@code users} —, the question, the deadline, whether confidential, and the request's documents sent with it.
     */
    record AskBody(String group, String user, List<String> groups, List<String> users, String question, LocalDate dueOn,
            Boolean confidential, List<Long> documentIds) {

        OpinionQuestion toQuestion() {
            List<Asked> asked = new ArrayList<>();
            if (group != null) {
                asked.add(new Asked(Recipient.group(group.strip()), "group"));
            }
            if (user != null) {
                asked.add(new Asked(Recipient.user(user.strip()), "user"));
            }
            if (groups != null) {
                for (int i = 0; i < groups.size(); i++) {
                    asked.add(new Asked(groups.get(i) == null ? null : Recipient.group(groups.get(i).strip()),
                            "groups[" + i + "]"));
                }
            }
            if (users != null) {
                for (int i = 0; i < users.size(); i++) {
                    asked.add(new Asked(users.get(i) == null ? null : Recipient.user(users.get(i).strip()),
                            "users[" + i + "]"));
                }
            }
            return new OpinionQuestion(asked, "group", question, dueOn, Boolean.TRUE.equals(confidential), documentIds,
                    List.of());
        }
    }

    record GiveBody(Verdict verdict, String text) {
    }

    @PostMapping("/api/requests/{reference}/opinions")
    @PreAuthorize("hasAuthority('instructeurs')")
    ResponseEntity<List<OpinionView>> ask(@PathVariable String reference, @RequestBody AskBody body, Caller caller) {
        List<OpinionView> asked = opinions.ask(reference, body.toQuestion(), caller);
        return ResponseEntity.created(URI.create("/api/requests/" + UriUtils.encodePathSegment(reference,
                StandardCharsets.UTF_8) + "/opinions")).body(asked);
    }

    @GetMapping("/api/requests/{reference}/opinions")
    List<OpinionView> list(@PathVariable String reference, Caller caller) {
        return opinions.of(reference, caller);
    }

    @PostMapping("/api/opinions/{id}")
    @PreAuthorize("hasAnyAuthority('instructeurs', 'secretariat', 'finances')")
    OpinionView give(@PathVariable Long id, @RequestBody GiveBody body, Caller caller) {
        return opinions.give(id, body.verdict(), body.text(), caller);
    }

    @PostMapping("/api/opinions/{id}/withdrawal")
    @PreAuthorize("hasAnyAuthority('instructeurs', 'camunda-admin')")
    OpinionView withdraw(@PathVariable Long id, Caller caller) {
        return opinions.withdraw(id, caller);
    }
}
