package fr.subventions.consultation;

import fr.subventions.shared.NotFoundException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What bpmn/service-opinion.bpmn asks of an opinion's row, by the id the process carries: who the task is offered to —
 * the service's group or the colleague named —, its due date, and when its two timers fire ({@link OpinionDeadlines}),
 * in the authority's time zone.
 */
@Component("opinionTasks")
@Transactional(readOnly = true)
class OpinionTasks {

    private final OpinionRequestRepository opinions;
    private final OpinionSettings settings;
    private final Clock clock;

    OpinionTasks(OpinionRequestRepository opinions, OpinionSettings settings, Clock clock) {
        this.opinions = opinions;
        this.settings = settings;
        this.clock = clock;
    }

    /** The service asked, or none when a colleague is. */
    public List<String> candidateGroups(Long opinionId) {
        String group = opinion(opinionId).askedGroup();
        return group == null ? List.of() : List.of(group);
    }

    /** The colleague asked, or none when a service is. */
    public List<String> candidateUsers(Long opinionId) {
        String user = opinion(opinionId).askedUser();
        return user == null ? List.of() : List.of(user);
    }

    /** The task's due date, as Tasklist and the officers' digest read it: the end of the deadline's day. */
    public Date dueDate(Long opinionId) {
        return Date.from(deadlines().overdueAt(opinion(opinionId).dueOn()).minusSeconds(1).toInstant());
    }

    public Date reminderAt(Long opinionId) {
        OpinionRequest opinion = opinion(opinionId);
        return Date.from(deadlines().reminderAt(opinion.askedAt(), opinion.dueOn()).toInstant());
    }

    public Date overdueAt(Long opinionId) {
        return Date.from(deadlines().overdueAt(opinion(opinionId).dueOn()).toInstant());
    }

    private OpinionDeadlines deadlines() {
        return OpinionDeadlines.of(settings, clock.getZone());
    }

    private OpinionRequest opinion(Long id) {
        return opinions.findById(id).orElseThrow(() -> new NotFoundException("Demande d'avis inconnue : " + id));
    }
}
