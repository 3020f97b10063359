package fr.subventions.bureau;

import fr.subventions.shared.FrenchText;
import fr.subventions.shared.StageConflictException;
import fr.subventions.shared.Violations;
import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.TaskCompleter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A séance without quorum (at its opening, or after departures) is convened again: its items still to vote are
 * adjourned for want of quorum, and the new séance, at least three days later, has them on its agenda and
 * deliberates without quorum (L2121-17).
 */
@Service
@Transactional
class Reconvening {

    private final SessionService sessions;
    private final Agenda agenda;
    private final Attendance attendance;
    private final TaskCompleter tasks;
    private final Clock clock;

    Reconvening(SessionService sessions, Agenda agenda, Attendance attendance, TaskCompleter tasks, Clock clock) {
        this.sessions = sessions;
        this.agenda = agenda;
        this.attendance = attendance;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Convenes the assembly again; the first séance is closed when nothing else keeps it open. */
    public AssemblySession reconvene(Long sessionId, ConveneAgain command, String actor) {
        AssemblySession first = sessions.held(sessionId);
        if (first.status() != SessionStatus.SITTING) {
            throw new StageConflictException("La séance " + sessionId + " n'est pas en cours (" + first.status().label()
                    + ") : seule une séance ouverte sans quorum est convoquée à nouveau.");
        }
        if (first.reconvenedAsId() != null) {
            throw new StageConflictException("La séance " + sessionId + " a déjà été convoquée à nouveau : séance n° "
                    + first.reconvenedAsId() + ".");
        }
        if (first.deliberatesWithoutQuorum()) {
            throw new StageConflictException("La séance " + sessionId + " a été convoquée à nouveau faute de quorum : elle "
                    + "délibère sans condition de quorum (article L2121-17 du CGCT), il n'y a pas lieu de la convoquer encore.");
        }
        Roll roll = attendance.rollOf(first);
        if (roll.quorumReached()) {
            throw new StageConflictException("Le quorum est atteint (" + roll.presentCount() + " membres présents, il en faut "
                    + roll.quorum() + ") : l'assemblée peut délibérer, il n'y a pas lieu de la convoquer à nouveau.");
        }
        List<AgendaItem> pending = first.items().stream().filter(i -> !i.isSettled()).toList();
        if (pending.isEmpty()) {
            throw new StageConflictException("Tous les points de la séance " + sessionId + " sont traités : rien à reporter.");
        }
        Violations v = new Violations();
        v.check(command.date() != null, "date", "la date de la nouvelle séance est obligatoire (AAAA-MM-JJ)");
        v.check(command.date() == null || Convocation.isReconveningTimely(first.sessionDate(), command.date()), "date",
                "la nouvelle séance se tient à trois jours au moins d'intervalle de la séance du "
                        + FrenchText.date(first.sessionDate()) + ", soit le "
                        + FrenchText.date(Convocation.earliestReconvening(first.sessionDate()))
                        + " au plus tôt (article L2121-17 du CGCT)");
        v.check(command.convocationSentOn() != null, "convocationSentOn", "la date d'envoi de la nouvelle convocation est obligatoire");
        v.check(command.convocationSentOn() == null || !command.convocationSentOn().isBefore(first.sessionDate()),
                "convocationSentOn", "la nouvelle convocation part après la séance restée sans quorum, le "
                        + FrenchText.date(first.sessionDate()) + " au plus tôt");
        v.throwIfAny();
        AssemblySession next = sessions.create(new CreateSession(first.body(), command.date(),
                command.place() == null || command.place().isBlank() ? first.place() : command.place(),
                first.president().id(), first.secretary().id(), command.convocationSentOn(), command.urgencyReason()));
        next.reconvenedFrom(first);
        first.reconvenedAs(next);
        Instant now = Instant.now(clock);
        for (AgendaItem item : pending) {
            item.takeRoll(Seat.of(roll, roll.inOffice()), true);
            item.adjournForLackOfQuorum(now);
            tasks.completeInstance(AssemblySessionProcess.KEY, SessionService.businessKey(sessionId),
                    AssemblySessionProcess.TASK_VOTE_ITEM, AssemblySessionProcess.VAR_AGENDA_ITEM_ID, item.id(),
                    Map.of(), actor, "Le point " + item.reference() + " n'attend pas de vote.");
        }
        // each request, back to awaiting an agenda, goes on the agenda of the séance convened again
        agenda.addToAgenda(next.id(), pending.stream().filter(i -> !i.withdrawn()).map(AgendaItem::reference).toList(), actor);
        if (tasks.isWaitingAt(AssemblySessionProcess.KEY, SessionService.businessKey(sessionId),
                AssemblySessionProcess.TASK_CLOSE_SESSION)) {
            sessions.requestClosing(sessionId, actor);
        }
        return next;
    }
}
