package fr.subventions.bureau;

import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import fr.subventions.shared.Violations;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.RequestWithdrawn;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestRepository;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.TaskCompleter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A séance's agenda (ordre du jour): the requests put on it, fixed at the convocation, left by a withdrawal. */
@Service
@Transactional
public class Agenda {

    private final SessionService sessions;
    private final AgendaItemRepository items;
    private final MemberRepository members;
    private final SubsidyRequestService requestService;
    private final SubsidyRequestRepository requests;
    private final TaskCompleter tasks;
    private final Clock clock;

    Agenda(SessionService sessions, AgendaItemRepository items, MemberRepository members,
            SubsidyRequestService requestService, SubsidyRequestRepository requests, TaskCompleter tasks, Clock clock) {
        this.sessions = sessions;
        this.items = items;
        this.members = members;
        this.requestService = requestService;
        this.requests = requests;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Puts instructed requests on the agenda; each request's process then waits for the vote. */
    public List<AgendaItem> addToAgenda(Long sessionId, List<String> references, String actor) {
        AssemblySession session = sessions.get(sessionId);
        session.requireStatus(SessionStatus.PREPARATION, "modifier l'ordre du jour");
        Violations v = new Violations();
        v.check(references != null && !references.isEmpty(), "references", "indiquez au moins une demande");
        List<SubsidyRequest> found = new ArrayList<>();
        for (int i = 0; references != null && i < references.size(); i++) {
            String reference = references.get(i);
            Optional<SubsidyRequest> request = reference == null ? Optional.empty() : requests.findByReference(reference.trim());
            if (request.isEmpty()) {
                v.add("references[" + i + "]", "demande inconnue : " + reference);
            } else if (found.contains(request.get())) {
                v.add("references[" + i + "]", "la demande " + reference + " figure deux fois");
            } else {
                found.add(request.get());
            }
        }
        v.throwIfAny();
        List<AgendaItem> added = new ArrayList<>();
        for (SubsidyRequest request : found) {
            if (request.status() != RequestStatus.AWAITING_AGENDA) {
                throw new StageConflictException("La demande " + request.reference() + " ne peut être inscrite : elle est au statut « "
                        + request.status().label() + " » (il faut une instruction favorable).");
            }
            added.add(session.addItem(request.id(), request.reference(), request.title(), request.theme(),
                    request.proposedAmount()));
            requestService.placeOnAgenda(request.id(), session.label(), actor);
        }
        items.flush();
        return added;
    }

    /**
     * Refuses, as {@link #addToAgenda} would, a séance whose agenda can no longer take a request: unknown (404), or no
     * longer in preparation (409). A batch puts its requests on the agenda one at a time, after asking this once.
     */
    @Transactional(readOnly = true)
    public void requireOpen(Long sessionId) {
        sessions.get(sessionId).requireStatus(SessionStatus.PREPARATION, "modifier l'ordre du jour");
    }

    /** Closing the agenda convenes the séance: the convocation goes to the members in office. */
    public void closeAgenda(Long sessionId) {
        AssemblySession session = sessions.get(sessionId);
        session.convene(members.inOfficeOn(session.body(), session.sessionDate()).stream().map(Member::id).toList());
    }

    /** The requests on the séance's agenda, withdrawn ones left out. */
    @Transactional(readOnly = true)
    public List<Long> requestsOnAgenda(Long sessionId) {
        return sessions.get(sessionId).items().stream().filter(i -> !i.withdrawn()).map(AgendaItem::requestId).toList();
    }

    /** The items of a closed agenda, read by the process's multi-instance: one vote per item still on it. */
    @Transactional(readOnly = true)
    public List<Long> agendaItemIds(Long sessionId) {
        return sessions.get(sessionId).items().stream().filter(i -> !i.withdrawn()).map(AgendaItem::id).toList();
    }

    @Transactional(readOnly = true)
    public AgendaItem agendaItem(Long itemId) {
        return items.findById(itemId).orElseThrow(() -> new NotFoundException("Point inconnu : " + itemId));
    }

    /** The item on which an assembly decided the request (adopted or rejected), if it has. */
    @Transactional(readOnly = true)
    public Optional<AgendaItem> decisionOn(Long requestId) {
        return items.findByRequestId(requestId).stream()
                .filter(AgendaItem::isDecided)
                .reduce((first, second) -> second);
    }

    /** The séance that decided the request (adopted or rejected), if one has. */
    @Transactional(readOnly = true)
    public Optional<Long> decidingSession(Long requestId) {
        return decisionOn(requestId).map(item -> item.session().id());
    }

    /** Every agenda item the request was put on, in the order it was placed: an adjourned request has several. */
    @Transactional(readOnly = true)
    public List<AgendaItem> agendaOf(Long requestId) {
        return items.findByRequestId(requestId).stream().sorted(Comparator.comparing(AgendaItem::id)).toList();
    }

    /** A request withdrawn while on an agenda leaves it: removed in preparation, marked withdrawn during the séance. */
    @EventListener
    public void onRequestWithdrawn(RequestWithdrawn event) {
        for (AgendaItem item : items.findByRequestId(event.requestId())) {
            if (item.isSettled()) {
                continue;
            }
            AssemblySession session = item.session();
            if (session.status() == SessionStatus.PREPARATION) {
                session.removeItem(item);
            } else if (session.status() == SessionStatus.CONVENED) {
                // the séance's vote tasks do not exist yet: the item will get none
                item.markWithdrawn(Instant.now(clock));
            } else if (session.status() == SessionStatus.SITTING) {
                item.markWithdrawn(Instant.now(clock));
                tasks.completeInstance(AssemblySessionProcess.KEY, SessionService.businessKey(session.id()),
                        AssemblySessionProcess.TASK_VOTE_ITEM, AssemblySessionProcess.VAR_AGENDA_ITEM_ID, item.id(),
                        Map.of(), "système", "Le point " + item.reference() + " n'attend pas de vote.");
            }
        }
    }
}
