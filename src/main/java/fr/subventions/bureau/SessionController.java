package fr.subventions.bureau;

import fr.subventions.shared.Caller;
import fr.subventions.shared.InvalidInputException;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The secretariat's séance: creation, agenda, attendance, one vote per item, closing. */
@RestController
@PreAuthorize("hasAuthority('secretariat')")
class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    /** A proxy on the sheet: giver and holder, or {@code proxyId} naming one of the register. */
    record ProxyData(Long fromId, Long toId, Long proxyId) {
    }

    record AttendanceData(List<Long> present, List<Long> absent, List<ProxyData> proxies) {
    }

    record AttendanceView(int membersInOffice, int present, int proxies, int absent, int quorum, boolean quorumReached) {

        static AttendanceView of(Roll roll) {
            return new AttendanceView(roll.membersInOffice(), roll.presentCount(), roll.proxyCount(), roll.absentCount(),
                    roll.quorum(), roll.quorumReached());
        }
    }

    record AgendaData(List<String> references) {
    }

    /** {@code amount}: the amount voted when the assembly amends the proposal down. */
    record VoteData(List<Long> against, List<Long> abstention, List<Long> notVoting, List<Long> notParticipating,
            Boolean adjourned, SecretCounts secret, java.math.BigDecimal amount) {
    }

    /** A secret ballot: counts only. */
    record SecretCounts(@com.fasterxml.jackson.annotation.JsonProperty("for") Integer forCount, Integer against,
            Integer abstention, Integer notVoting) {
    }

    record VoteView(String reference, @com.fasterxml.jackson.annotation.JsonProperty("for") Integer forCount, Integer against, Integer abstention, Integer notVoting,
            Integer notParticipating, Integer proxies, String outcome) {
    }

    record InterestData(InterestKind kind, String organisation, String siret, String rna, LocalDate since, LocalDate until) {
    }

    record InterestView(Long id, InterestKind kind, String organisation, String siret, String rna, LocalDate since,
            LocalDate until) {

        static InterestView of(MemberInterest i) {
            return new InterestView(i.id(), i.kind(), i.organisation(), i.siret(), i.rna(), i.since(), i.until());
        }
    }

    /** The register of members' interests: boards and designations, by SIRET or RNA, over time. */
    @PostMapping("/api/members/{id}/interests")
    ResponseEntity<InterestView> declareInterest(@PathVariable Long id, @RequestBody InterestData data) {
        MemberInterest interest = sessions.declareInterest(id, data.kind(), data.organisation(), data.siret(), data.rna(),
                data.since(), data.until());
        return ResponseEntity.created(URI.create("/api/members/" + id + "/interests")).body(InterestView.of(interest));
    }

    @GetMapping("/api/members/{id}/interests")
    @PreAuthorize("hasAnyAuthority('instructeurs', 'secretariat')")
    List<InterestView> interests(@PathVariable Long id) {
        return sessions.interestsOf(id).stream().map(InterestView::of).toList();
    }

    @PostMapping("/api/sessions")
    ResponseEntity<Map<String, Object>> create(@RequestBody CreateSession command) {
        AssemblySession session = sessions.create(command);
        return ResponseEntity.created(URI.create("/api/sessions/" + session.id())).body(Map.of("id", session.id()));
    }

    @GetMapping("/api/sessions/{id}")
    SessionView get(@PathVariable Long id) {
        return sessions.view(id);
    }

    @PostMapping("/api/sessions/{id}/agenda")
    SessionView agenda(@PathVariable Long id, @RequestBody AgendaData agenda, Caller caller) {
        sessions.addToAgenda(id, agenda.references(), caller.username());
        return get(id);
    }

    /** Fixes the agenda and sends the convocation (at least 5 jours francs before the séance). */
    @PostMapping("/api/sessions/{id}/convocation")
    SessionView convene(@PathVariable Long id, Caller caller) {
        sessions.convene(id, caller.username());
        return get(id);
    }

    @PutMapping("/api/sessions/{id}/attendance")
    AttendanceView attendance(@PathVariable Long id, @RequestBody AttendanceData attendance, Caller caller) {
        Map<String, Object> sheet = new HashMap<>();
        if (attendance.present() == null) {
            throw new InvalidInputException("present", "la liste des membres présents est obligatoire");
        }
        sheet.put("present", attendance.present());
        sheet.put("absent", attendance.absent() == null ? List.of() : attendance.absent());
        sheet.put("proxies", attendance.proxies() == null ? List.of() : attendance.proxies().stream()
                .map(SessionController::line).toList());
        return AttendanceView.of(sessions.recordAttendance(id, sheet, caller.username()));
    }

    @PostMapping("/api/sessions/{id}/items/{reference}/vote")
    VoteView vote(@PathVariable Long id, @PathVariable String reference, @RequestBody VoteData vote, Caller caller) {
        Map<String, Object> ballot = new HashMap<>();
        ballot.put("against", orEmpty(vote.against()));
        ballot.put("abstention", orEmpty(vote.abstention()));
        ballot.put("notVoting", orEmpty(vote.notVoting()));
        ballot.put("notParticipating", orEmpty(vote.notParticipating()));
        ballot.put("adjourned", Boolean.TRUE.equals(vote.adjourned()));
        if (vote.amount() != null) {
            ballot.put("amount", vote.amount().toPlainString());
        }
        if (vote.secret() != null) {
            ballot.put("secret", true);
            ballot.put("secretFor", vote.secret().forCount() == null ? "" : vote.secret().forCount().toString());
            ballot.put("secretAgainst", vote.secret().against() == null ? "" : vote.secret().against().toString());
            ballot.put("secretAbstention", vote.secret().abstention() == null ? "" : vote.secret().abstention().toString());
            ballot.put("secretNotVoting", vote.secret().notVoting() == null ? "" : vote.secret().notVoting().toString());
        }
        Tally tally = sessions.vote(id, reference, ballot, caller.username());
        if (Boolean.TRUE.equals(vote.adjourned())) {
            return new VoteView(reference, null, null, null, null, null, null, "ADJOURNED");
        }
        return new VoteView(reference, tally.forCount(), tally.against(), tally.abstention(), tally.notVoting(),
                tally.notParticipating(), tally.proxies(), tally.decision().name());
    }

    record FlagData(Long memberId, Boolean standingAside, String reason) {
    }

    record FlagView(Long memberId, boolean standingAside, String reason, String recordedBy, java.time.Instant recordedAt) {

        static FlagView of(ConflictFlag f) {
            return new FlagView(f.memberId(), f.standingAside(), f.reason(), f.recordedBy(), f.recordedAt());
        }
    }

    /** Sets a member aside on an item (standingAside true) or lifts the flag (false), with a reason; audited. */
    @PostMapping("/api/sessions/{id}/items/{reference}/conflicts")
    List<FlagView> flag(@PathVariable Long id, @PathVariable String reference, @RequestBody FlagData data, Caller caller) {
        sessions.flagConflict(id, reference, data.memberId(), !Boolean.FALSE.equals(data.standingAside()), data.reason(),
                caller.username());
        return sessions.conflictFlags(id, reference).stream().map(FlagView::of).toList();
    }

    @GetMapping("/api/sessions/{id}/items/{reference}/conflicts")
    List<FlagView> flags(@PathVariable Long id, @PathVariable String reference) {
        return sessions.conflictFlags(id, reference).stream().map(FlagView::of).toList();
    }

    @PostMapping("/api/sessions/{id}/closure")
    SessionView close(@PathVariable Long id, Caller caller) {
        sessions.requestClosing(id, caller.username());
        return get(id);
    }

    /** A proxy as a line of the Tasklist form: "absent > mandataire", "#n" for a proxy of the register. */
    private static String line(ProxyData p) {
        if (p == null) {
            return ">";
        }
        String registered = p.proxyId() == null ? "" : "#" + p.proxyId();
        return p.fromId() == null && p.toId() == null ? registered
                : Objects.toString(p.fromId(), "") + ">" + Objects.toString(p.toId(), "") + registered;
    }

    @GetMapping("/api/sessions/{id}/attendance")
    AttendanceView attendance(@PathVariable Long id) {
        return AttendanceView.of(sessions.currentRoll(id));
    }

    record MovementData(Long memberId, String kind, Long proxyToId) {
    }

    record MovementView(Long memberId, String kind, Long proxyHolderId, Integer beforeItem, java.time.Instant recordedAt,
            String recordedBy) {

        static MovementView of(AttendanceMovement m) {
            return new MovementView(m.memberId(), m.kind().name(), m.proxyHolderId(), m.beforeItem(), m.recordedAt(),
                    m.recordedBy());
        }
    }

    /** An arrival (ARRIVAL) or a departure (DEPARTURE, with proxyToId when the member gives a proxy) during the séance. */
    @PostMapping("/api/sessions/{id}/movements")
    AttendanceView movement(@PathVariable Long id, @RequestBody MovementData data, Caller caller) {
        return AttendanceView.of(sessions.recordMovement(id, data.memberId(), data.kind(), data.proxyToId(), caller.username()));
    }

    @GetMapping("/api/sessions/{id}/movements")
    List<MovementView> movements(@PathVariable Long id) {
        return sessions.movements(id).stream().map(MovementView::of).toList();
    }

    /** Without quorum: the items left are adjourned and the assembly convened again, at least three days later. */
    @PostMapping("/api/sessions/{id}/reconvocation")
    ResponseEntity<SessionView> reconvene(@PathVariable Long id, @RequestBody Reconvening data, Caller caller) {
        AssemblySession next = sessions.reconvene(id, data, caller.username());
        return ResponseEntity.created(URI.create("/api/sessions/" + next.id())).body(sessions.view(next.id()));
    }

    private static List<Long> orEmpty(List<Long> ids) {
        return ids == null ? List.of() : ids;
    }
}
