package fr.subventions.bureau;

import fr.subventions.submission.SubsidyRequestRepository;
import fr.subventions.submission.VoteDecision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the pages and the API show of the séances: the list, one séance, the séance page, the year's deliberations. */
@Service
@Transactional(readOnly = true)
public class SessionReadModels {

    private final SessionService sessions;
    private final AssemblySessionRepository repository;
    private final MemberRepository members;
    private final AttendanceMovementRepository movements;
    private final Attendance attendance;
    private final SubsidyRequestRepository requests;

    SessionReadModels(SessionService sessions, AssemblySessionRepository repository, MemberRepository members,
            AttendanceMovementRepository movements, Attendance attendance, SubsidyRequestRepository requests) {
        this.sessions = sessions;
        this.repository = repository;
        this.members = members;
        this.movements = movements;
        this.attendance = attendance;
        this.requests = requests;
    }

    /** A deliberation of the year, for publication. */
    public record DecidedItem(String number, LocalDate date, String title, BigDecimal amount, VoteDecision decision,
            Tally tally, int inOffice, int fiscalYear) {
    }

    public List<DecidedItem> decidedItems(int year) {
        return repository.findAllByOrderBySessionDateDesc().stream()
                .filter(s -> s.sessionDate().getYear() == year)
                .sorted(Comparator.comparing(AssemblySession::sessionDate))
                .flatMap(s -> s.items().stream()
                        .filter(AgendaItem::isDecided)
                        .map(i -> new DecidedItem(i.deliberationNumber(), s.sessionDate(), i.title(), i.grantedAmount(),
                                i.decision(), i.tally(), i.seats().isEmpty() ? s.attendance().size() : i.seats().size(),
                                requests.findById(i.requestId()).map(r -> r.fiscalYear()).orElse(year))))
                .toList();
    }

    public List<SessionView> all() {
        return repository.findAllByOrderBySessionDateDesc().stream().map(SessionView::of).toList();
    }

    /** A séance whose agenda is still open, as a choice: its id and its label. */
    public record OpenSession(Long id, String label) {
    }

    /** The séances in preparation, the soonest first: those whose agenda still takes requests. */
    public List<OpenSession> inPreparation() {
        return repository.findByStatusOrderBySessionDateAsc(SessionStatus.PREPARATION).stream()
                .map(s -> new OpenSession(s.id(), s.label())).toList();
    }

    public SessionView view(Long id) {
        return SessionView.of(sessions.get(id));
    }

    /** What the séance page shows: the séance, who sits, and each item's ballots. */
    public SessionPage page(Long id) {
        AssemblySession session = sessions.get(id);
        List<Member> bureau = members.inOfficeOn(session.body(), session.sessionDate());
        Map<Long, AttendanceEntry> sheet = new HashMap<>();
        session.attendance().forEach(a -> sheet.put(a.memberId(), a));
        Roll roll = session.attendance().isEmpty() ? null : attendance.rollOf(session);
        List<SessionPage.Seat> seats = bureau.stream().map(m -> {
            AttendanceEntry entry = sheet.get(m.id());
            return new SessionPage.Seat(m.id(), m.fullName(), entry == null || entry.present(),
                    entry == null ? null : entry.proxyHolderId());
        }).toList();
        List<SessionPage.Item> agenda = session.items().stream().map(i -> new SessionPage.Item(i.id(), i.position(),
                i.reference(), i.title(), i.theme(), i.amount(), i.withdrawn() ? "WITHDRAWN" : i.decision() == null ? null
                : i.decision().name(), i.tally(), i.isSettled(), i.adjournedForLackOfQuorum(), i.withoutQuorum())).toList();
        Map<Long, String> names = new HashMap<>();
        bureau.forEach(m -> names.put(m.id(), m.fullName()));
        List<String> moves = movements.findBySessionIdOrderByIdAsc(id).stream().map(m -> m.describe(names::get)).toList();
        return new SessionPage(SessionView.of(session), seats, agenda, roll == null ? bureau.size() / 2 + 1 : roll.quorum(),
                roll == null ? null : roll.presentCount(), roll == null ? null : roll.proxyCount(),
                roll != null && roll.quorumReached(), session.deliberatesWithoutQuorum(), moves);
    }
}
