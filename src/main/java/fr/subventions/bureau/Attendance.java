package fr.subventions.bureau;

import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.StageConflictException;
import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.TaskCompleter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sits at a séance: the sheet that opens it, the arrivals and departures before each item, the proxies, and the
 * roll (quorum included) read from them.
 */
@Service
@Transactional
public class Attendance {

    private final SessionService sessions;
    private final MemberRepository members;
    private final ProxyRegistry proxies;
    private final AttendanceMovementRepository movements;
    private final TaskCompleter tasks;
    private final Clock clock;

    Attendance(SessionService sessions, MemberRepository members, ProxyRegistry proxies,
            AttendanceMovementRepository movements, TaskCompleter tasks, Clock clock) {
        this.sessions = sessions;
        this.members = members;
        this.proxies = proxies;
        this.movements = movements;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * Records who sits: the first sheet opens the séance, and completes its process's attendance task (whose listener
     * then finds the séance open); later ones record arrivals and departures.
     */
    public Roll recordAttendance(Long sessionId, AttendanceSheet sheet, String actor) {
        AssemblySession session = sessions.held(sessionId);
        if (session.status() == SessionStatus.PREPARATION) {
            throw new StageConflictException("L'ordre du jour de la séance " + sessionId + " n'est pas arrêté : "
                    + "envoyez d'abord la convocation.");
        }
        if (session.status() == SessionStatus.CONVENED) {
            applyAttendance(sessionId, sheet, actor);
            tasks.complete(AssemblySessionProcess.KEY, SessionService.businessKey(sessionId),
                    AssemblySessionProcess.TASK_RECORD_ATTENDANCE, Map.of(), actor,
                    "enregistrement des présences (la convocation est en cours de production, réessayez)");
            return rollOf(sessions.get(sessionId));
        }
        session.requireStatus(SessionStatus.SITTING, "enregistrer les présences");
        return applyAttendance(sessionId, sheet, actor);
    }

    /** Tasklist's sheet opens the séance; a séance opened by {@link #recordAttendance} keeps the sheet it has. */
    public void openWith(Long sessionId, AttendanceSheet sheet, String actor) {
        if (sessions.get(sessionId).status() != SessionStatus.SITTING) {
            applyAttendance(sessionId, sheet, actor);
        }
    }

    /**
     * An arrival or a departure during the séance, before the next item is called: a member leaving may give a proxy
     * to a present member; a proxy the leaving member held lapses. Answers the roll from now on, quorum included.
     */
    public Roll recordMovement(Long sessionId, Long memberId, String kind, Long proxyToId, String actor) {
        AssemblySession session = sessions.held(sessionId);
        if (session.status() != SessionStatus.SITTING) {
            throw new StageConflictException("La séance " + sessionId + " n'est pas en cours (" + session.status().label()
                    + ") : les arrivées et départs s'enregistrent entre l'ouverture et la clôture.");
        }
        Roll current = rollOf(session);
        Roll next;
        if ("ARRIVAL".equals(kind)) {
            if (proxyToId != null) {
                throw new InvalidInputException("proxyToId", "un membre qui arrive ne donne pas pouvoir");
            }
            next = current.withArrival(memberId);
        } else if ("DEPARTURE".equals(kind)) {
            next = current.withDeparture(memberId, proxyToId);
        } else {
            throw new InvalidInputException("kind", "ARRIVAL (arrivée) ou DEPARTURE (départ) attendu : " + kind);
        }
        return seat(session, next, Map.of(), actor);
    }

    @Transactional(readOnly = true)
    public List<AttendanceMovement> movements(Long sessionId) {
        sessions.get(sessionId);
        return movements.findBySessionIdOrderByIdAsc(sessionId);
    }

    /** The first sheet opens the séance; a later one records the arrivals and departures it shows. */
    Roll applyAttendance(Long sessionId, AttendanceSheet sheet, String actor) {
        AssemblySession session = sessions.held(sessionId);
        if (session.status() == SessionStatus.PREPARATION) {
            throw new StageConflictException("La séance " + sessionId + " n'est pas convoquée : l'ordre du jour doit être arrêté d'abord.");
        }
        session.open();
        List<Long> inOffice = members.inOfficeOn(session.body(), session.sessionDate()).stream().map(Member::id).toList();
        // A sheet that lists only the absent (as the Tasklist form does) means everybody else is present
        List<Long> present = sheet.present() != null ? sheet.present()
                : inOffice.stream().filter(id -> !sheet.absent().contains(id)).toList();
        Map<Integer, Roll.Proxy> lines = proxies.resolve(session, sheet.proxies());
        Roll roll = Roll.of(inOffice, present, sheet.absent(), lines);
        Map<Long, Long> named = new HashMap<>();
        lines.values().stream().filter(p -> p.proxyId() != null).forEach(p -> named.put(p.fromId(), p.proxyId()));
        return seat(session, roll, named, actor);
    }

    /**
     * Writes the roll on the sheet: each proxy with its written proxy in the register, and, once the séance sits, the
     * arrivals and departures since the last sheet, logged before the next item.
     */
    private Roll seat(AssemblySession session, Roll roll, Map<Long, Long> namedProxies, String actor) {
        Map<Long, AttendanceEntry> before = new HashMap<>();
        session.attendance().forEach(e -> before.put(e.memberId(), e));
        List<AttendanceEntry> entries = new ArrayList<>();
        for (Long id : roll.inOffice().stream().sorted().toList()) {
            Long holder = roll.holderOf(id);
            Long proxyId = null;
            if (holder != null) {
                AttendanceEntry previous = before.get(id);
                Long onSheet = previous != null && holder.equals(previous.proxyHolderId()) ? previous.proxyId() : null;
                proxyId = proxies.proxyFor(session, id, holder, namedProxies.get(id), onSheet, actor).id();
            }
            entries.add(new AttendanceEntry(session, id, roll.isPresent(id), holder, proxyId));
        }
        if (!before.isEmpty()) {
            logMovements(session, before, roll, actor);
        }
        session.replaceAttendance(entries);
        return roll;
    }

    private void logMovements(AssemblySession session, Map<Long, AttendanceEntry> before, Roll roll, String actor) {
        Integer next = session.nextItemPosition();
        Instant now = Instant.now(clock);
        for (Long id : roll.inOffice().stream().sorted().toList()) {
            AttendanceEntry was = before.get(id);
            boolean wasPresent = was == null || was.present();
            Long wasHolder = was == null ? null : was.proxyHolderId();
            AttendanceMovement.Kind kind = null;
            Long holder = roll.holderOf(id);
            if (!wasPresent && roll.isPresent(id)) {
                kind = AttendanceMovement.Kind.ARRIVAL;
            } else if (wasPresent && !roll.isPresent(id)) {
                kind = AttendanceMovement.Kind.DEPARTURE;
            } else if (!roll.isPresent(id) && !Objects.equals(wasHolder, holder)) {
                kind = holder == null ? AttendanceMovement.Kind.PROXY_ENDED : AttendanceMovement.Kind.PROXY_GIVEN;
                holder = holder == null ? wasHolder : holder;
            }
            if (kind != null) {
                movements.save(new AttendanceMovement(session.id(), id, kind, holder, next, now, actor));
            }
        }
    }

    @Transactional(readOnly = true)
    public Roll rollOf(AssemblySession session) {
        List<AttendanceEntry> entries = session.attendance();
        if (entries.isEmpty()) {
            throw new StageConflictException("La présence des membres n'a pas été enregistrée.");
        }
        Map<Integer, Roll.Proxy> lines = new LinkedHashMap<>();
        for (AttendanceEntry entry : entries) {
            if (entry.proxyHolderId() != null) {
                lines.put(lines.size(), new Roll.Proxy(entry.memberId(), entry.proxyHolderId()));
            }
        }
        return Roll.of(entries.stream().map(AttendanceEntry::memberId).toList(),
                entries.stream().filter(AttendanceEntry::present).map(AttendanceEntry::memberId).toList(), List.of(),
                lines);
    }

    /** The roll an item was voted (or adjourned) on; before that, the séance's current roll. */
    @Transactional(readOnly = true)
    public Roll rollOf(AgendaItem item) {
        return item.seats().isEmpty() ? rollOf(item.session()) : Seat.roll(item.seats());
    }

    /** Who sits now: the latest sheet with the arrivals and departures since. */
    @Transactional(readOnly = true)
    public Roll currentRoll(Long sessionId) {
        return rollOf(sessions.get(sessionId));
    }

    /** The roll at the opening of the séance, before any arrival or departure. */
    @Transactional(readOnly = true)
    public Roll openingRoll(AssemblySession session) {
        return session.openingSeats().isEmpty() ? rollOf(session) : Seat.roll(session.openingSeats());
    }
}
