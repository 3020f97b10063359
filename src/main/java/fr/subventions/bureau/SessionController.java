package fr.subventions.bureau;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.subventions.shared.Caller;
import fr.subventions.shared.InvalidInputException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The secretariat's séance: creation, agenda, attendance, one vote per item, closing. */
@RestController
@PreAuthorize("hasAuthority('secretariat')")
class SessionController {

    private final SessionService sessions;
    private final SessionReadModels views;
    private final Agenda agenda;
    private final Attendance attendance;
    private final Voting voting;
    private final RegisterOfInterests register;
    private final Reconvening reconvening;

    SessionController(SessionService sessions, SessionReadModels views, Agenda agenda, Attendance attendance,
            Voting voting, RegisterOfInterests register, Reconvening reconvening) {
        this.sessions = sessions;
        this.views = views;
        this.agenda = agenda;
        this.attendance = attendance;
        this.voting = voting;
        this.register = register;
        this.reconvening = reconvening;
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
            Boolean adjourned, SecretCounts secret, BigDecimal amount) {
    }

    /** A secret ballot: counts only. */
    record SecretCounts(@JsonProperty("for") Integer forCount, Integer against,
            Integer abstention, Integer notVoting) {
    }

    record VoteView(String reference, @JsonProperty("for") Integer forCount, Integer against, Integer abstention, Integer notVoting,
            Integer notParticipating, Integer proxies, String outcome) {
    }

    @PostMapping("/api/sessions")
    ResponseEntity<Map<String, Object>> create(@RequestBody CreateSession command) {
        AssemblySession session = sessions.create(command);
        return ResponseEntity.created(URI.create("/api/sessions/" + session.id())).body(Map.of("id", session.id()));
    }

    @GetMapping("/api/sessions/{id}")
    SessionView get(@PathVariable Long id) {
        return views.view(id);
    }

    @PostMapping("/api/sessions/{id}/agenda")
    SessionView agenda(@PathVariable Long id, @RequestBody AgendaData data, Caller caller) {
        agenda.addToAgenda(id, data.references(), caller.username());
        return get(id);
    }

    /** Fixes the agenda and sends the convocation (at least 5 jours francs before the séance). */
    @PostMapping("/api/sessions/{id}/convocation")
    SessionView convene(@PathVariable Long id, Caller caller) {
        sessions.convene(id, caller.username());
        return get(id);
    }

    @PutMapping("/api/sessions/{id}/attendance")
    AttendanceView attendance(@PathVariable Long id, @RequestBody AttendanceData data, Caller caller) {
        if (data.present() == null) {
            throw new InvalidInputException("present", "la liste des membres présents est obligatoire");
        }
        AttendanceSheet sheet = AttendanceSheet.of(data.present(), orEmpty(data.absent()), data.proxies() == null
                ? List.of() : data.proxies().stream().map(p -> p == null ? null : new Roll.Proxy(p.fromId(), p.toId(),
                        p.proxyId())).toList());
        return AttendanceView.of(attendance.recordAttendance(id, sheet, caller.username()));
    }

    @PostMapping("/api/sessions/{id}/items/{reference}/vote")
    VoteView vote(@PathVariable Long id, @PathVariable String reference, @RequestBody VoteData data, Caller caller) {
        Tally tally = voting.vote(id, reference, castVote(data), caller.username());
        if (Boolean.TRUE.equals(data.adjourned())) {
            return new VoteView(reference, null, null, null, null, null, null, "ADJOURNED");
        }
        return new VoteView(reference, tally.forCount(), tally.against(), tally.abstention(), tally.notVoting(),
                tally.notParticipating(), tally.proxies(), tally.decision().name());
    }

    private static CastVote castVote(VoteData data) {
        Map<Choice, List<Long>> marked = new EnumMap<>(Choice.class);
        marked.put(Choice.AGAINST, orEmpty(data.against()));
        marked.put(Choice.ABSTENTION, orEmpty(data.abstention()));
        marked.put(Choice.NOT_VOTING, orEmpty(data.notVoting()));
        marked.put(Choice.NOT_PARTICIPATING, orEmpty(data.notParticipating()));
        SecretCounts secret = data.secret();
        return new CastVote(marked, Boolean.TRUE.equals(data.adjourned()), secret == null ? null
                : new SecretBallot(secret.forCount(), secret.against(), secret.abstention(), secret.notVoting()),
                data.amount());
    }

    record FlagData(Long memberId, Boolean standingAside, String reason) {
    }

    record FlagView(Long memberId, boolean standingAside, String reason, String recordedBy, Instant recordedAt) {

        static FlagView of(ConflictFlag f) {
            return new FlagView(f.memberId(), f.standingAside(), f.reason(), f.recordedBy(), f.recordedAt());
        }
    }

    /** Sets a member aside on an item (standingAside true) or lifts the flag (false), with a reason; audited. */
    @PostMapping("/api/sessions/{id}/items/{reference}/conflicts")
    List<FlagView> flag(@PathVariable Long id, @PathVariable String reference, @RequestBody FlagData data, Caller caller) {
        register.flagConflict(id, reference, data.memberId(), !Boolean.FALSE.equals(data.standingAside()), data.reason(),
                caller.username());
        return register.conflictFlags(id, reference).stream().map(FlagView::of).toList();
    }

    @GetMapping("/api/sessions/{id}/items/{reference}/conflicts")
    List<FlagView> flags(@PathVariable Long id, @PathVariable String reference) {
        return register.conflictFlags(id, reference).stream().map(FlagView::of).toList();
    }

    @PostMapping("/api/sessions/{id}/closure")
    SessionView close(@PathVariable Long id, Caller caller) {
        sessions.requestClosing(id, caller.username());
        return get(id);
    }

    @GetMapping("/api/sessions/{id}/attendance")
    AttendanceView attendance(@PathVariable Long id) {
        return AttendanceView.of(attendance.currentRoll(id));
    }

    record MovementData(Long memberId, String kind, Long proxyToId) {
    }

    record MovementView(Long memberId, String kind, Long proxyHolderId, Integer beforeItem, Instant recordedAt,
            String recordedBy) {

        static MovementView of(AttendanceMovement m) {
            return new MovementView(m.memberId(), m.kind().name(), m.proxyHolderId(), m.beforeItem(), m.recordedAt(),
                    m.recordedBy());
        }
    }

    /** An arrival (ARRIVAL) or a departure (DEPARTURE, with proxyToId when the member gives a proxy) during the séance. */
    @PostMapping("/api/sessions/{id}/movements")
    AttendanceView movement(@PathVariable Long id, @RequestBody MovementData data, Caller caller) {
        return AttendanceView.of(attendance.recordMovement(id, data.memberId(), data.kind(), data.proxyToId(), caller.username()));
    }

    @GetMapping("/api/sessions/{id}/movements")
    List<MovementView> movements(@PathVariable Long id) {
        return attendance.movements(id).stream().map(MovementView::of).toList();
    }

    /** Without quorum: the items left are adjourned and the assembly convened again, at least three days later. */
    @PostMapping("/api/sessions/{id}/reconvocation")
    ResponseEntity<SessionView> reconvene(@PathVariable Long id, @RequestBody ConveneAgain data, Caller caller) {
        AssemblySession next = reconvening.reconvene(id, data, caller.username());
        return ResponseEntity.created(URI.create("/api/sessions/" + next.id())).body(views.view(next.id()));
    }

    private static List<Long> orEmpty(List<Long> ids) {
        return ids == null ? List.of() : ids;
    }
}
