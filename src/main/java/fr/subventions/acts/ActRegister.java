package fr.subventions.acts;

import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AgendaItem;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.SessionService;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of the authority's acts: each act signed is recorded here, sent to the prefect, acknowledged, made
 * public; once it is executory (CGCT L2131-1), the request it grants is told, and its process goes on.
 */
@Service
@Transactional
public class ActRegister {

    private final ActRepository acts;
    private final Agenda agenda;
    private final SessionService sessions;
    private final SubsidyRequestService requests;
    private final Transmissions transmissions;
    private final Clock clock;

    ActRegister(ActRepository acts, Agenda agenda, SessionService sessions, SubsidyRequestService requests,
            Transmissions transmissions, Clock clock) {
        this.acts = acts;
        this.agenda = agenda;
        this.sessions = sessions;
        this.requests = requests;
        this.transmissions = transmissions;
        this.clock = clock;
    }

    /**
     * A voted item's extract, signed by the President and the secretary of the séance: the deliberation is recorded
     * (again, if produced anew before it was sent), and an adopted one is sent to the prefect.
     *
     * @param object the act's object, as the documents word it (≤ 500 characters)
     */
    public Act deliberationSigned(Long agendaItemId, Long signedDocumentId, String object) {
        AgendaItem item = agenda.agendaItem(agendaItemId);
        // the convention's job may be filing it at this moment: one of the two sends, after the other has committed
        requests.holdUntilCommit(item.requestId());
        AssemblySession session = item.session();
        Act act = acts.findByAgendaItemId(agendaItemId).map(existing -> {
            existing.resigned(signedDocumentId, Instant.now(clock));
            return existing;
        }).orElseGet(() -> acts.save(new Act(ActKind.DELIBERATION, item.deliberationNumber(), item.requestId(),
                session.id(), item.id(), session.sessionDate(), session.body().label(), object,
                item.decision(), signedDocumentId,
                Instant.now(clock), item.decision() == VoteDecision.ADOPTED)));
        transmissions.sendIfReady(act);
        return act;
    }

    /** The séance's list of deliberations, signed: recorded, to be published within a week (L2121-25). */
    public Act listSigned(Long sessionId, Long signedDocumentId, String number, String object) {
        AssemblySession session = sessions.get(sessionId);
        return acts.findByKindAndNumber(ActKind.DELIBERATION_LIST, number).map(existing -> {
            existing.resigned(signedDocumentId, Instant.now(clock));
            return existing;
        }).orElseGet(() -> acts.save(new Act(ActKind.DELIBERATION_LIST, number, null, sessionId, null,
                session.sessionDate(), session.body().label(), object, null, signedDocumentId, Instant.now(clock),
                false)));
    }

    /** A request's convention, filed: if its deliberation waits for it as an annex, the deliberation is sent now. */
    public void conventionFiled(Long requestId) {
        // the extract's job may be recording the deliberation at this moment: see deliberationSigned
        requests.holdUntilCommit(requestId);
        acts.findFirstByRequestIdAndKindOrderByIdDesc(requestId, ActKind.DELIBERATION)
                .ifPresent(transmissions::sendIfReady);
    }

    /** Sends an act again after the prefecture's anomaly (or a package lost by the connector). */
    public Act sendAgain(String number, String actor) {
        Act act = byNumber(number);
        if (!act.transmissionRequired()) {
            throw new StageConflictException("L'acte n° " + number + " n'est pas transmis au représentant de l'État.");
        }
        transmissions.send(act, actor);
        return act;
    }

    /** The prefecture received the act: its acknowledgement recorded, the act perhaps executory now. */
    public Act acknowledge(String number, String idActe, LocalDate receivedOn) {
        Act act = byNumber(number);
        act.acknowledge(idActe, receivedOn, Instant.now(clock));
        settle(act);
        return act;
    }

    /** The prefecture refused the act or its envelope: recorded, shown, the act to be sent again. */
    public Act anomaly(Act act, String detail) {
        act.anomaly(detail, Instant.now(clock));
        return act;
    }

    /**
     * Puts the séance's signed acts online — its deliberations and its list —, those not yet published; the first
     * publication's date stays. Answers the acts published now.
     */
    public List<Act> publishSession(Long sessionId) {
        sessions.get(sessionId);
        List<Act> published = new ArrayList<>();
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        for (Act act : acts.findBySessionIdOrderByNumber(sessionId)) {
            if (act.publish(now, today)) {
                published.add(act);
                settle(act);
            }
        }
        return published;
    }

    private void settle(Act act) {
        if (act.settleExecutory() && act.kind() == ActKind.DELIBERATION && act.requestId() != null
                && act.outcome() == VoteDecision.ADOPTED) {
            requests.recordExecutory(act.requestId(), act.executoryOn(), act.number());
        }
    }

    @Transactional(readOnly = true)
    public Act byNumber(String number) {
        return acts.findByKindAndNumber(ActKind.DELIBERATION, number)
                .or(() -> acts.findByKindAndNumber(ActKind.CONVENTION, number))
                .or(() -> acts.findByKindAndNumber(ActKind.DELIBERATION_LIST, number))
                .orElseThrow(() -> new NotFoundException("Acte inconnu : " + number));
    }

    /** The deliberation deciding a request, if its extract has been signed. */
    @Transactional(readOnly = true)
    public Optional<Act> deliberationOf(Long requestId) {
        return acts.findFirstByRequestIdAndKindOrderByIdDesc(requestId, ActKind.DELIBERATION);
    }

    /** A séance whose signed acts are not all online past the week L2121-25 gives: how many, since when. */
    public record OverduePublication(Long sessionId, String assembly, LocalDate sessionDate, LocalDate dueOn,
            int acts) {
    }

    /** The séances with acts still to publish past their week, oldest first (the secretariat's reminder). */
    @Transactional(readOnly = true)
    public List<OverduePublication> overduePublications(LocalDate today) {
        Map<Long, List<Act>> bySession = new TreeMap<>();
        for (Act act : acts.findByPublishedAtIsNullAndSessionIdIsNotNull()) {
            if (PublicationDeadline.overdue(act, today)) {
                bySession.computeIfAbsent(act.sessionId(), id -> new ArrayList<>()).add(act);
            }
        }
        return bySession.entrySet().stream().map(e -> {
            Act first = e.getValue().get(0);
            return new OverduePublication(e.getKey(), first.assembly(), first.decidedOn(),
                    PublicationDeadline.dueOn(first), e.getValue().size());
        }).sorted(Comparator.comparing(OverduePublication::dueOn)).toList();
    }

    @Transactional(readOnly = true)
    public List<Act> ofSession(Long sessionId) {
        return acts.findBySessionIdOrderByNumber(sessionId);
    }
}
