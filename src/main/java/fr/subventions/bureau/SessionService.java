package fr.subventions.bureau;

import fr.subventions.shared.FrenchText;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.Texts;
import fr.subventions.shared.Violations;
import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.TaskCompleter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A séance's life: created with its process, convened, held, closed. Its agenda ({@link Agenda}), who sits
 * ({@link Attendance}), the votes ({@link Voting}) and a new convocation without quorum ({@link Reconvening}) have their
 * own services.
 */
@Service
@Transactional
public class SessionService {

    private final AssemblySessionRepository sessions;
    private final MemberRepository members;
    private final RuntimeService runtime;
    private final TaskCompleter tasks;
    private final Clock clock;

    SessionService(AssemblySessionRepository sessions, MemberRepository members, RuntimeService runtime,
            TaskCompleter tasks, Clock clock) {
        this.sessions = sessions;
        this.members = members;
        this.runtime = runtime;
        this.tasks = tasks;
        this.clock = clock;
    }

    public static String businessKey(Long sessionId) {
        return "seance-" + sessionId;
    }

    public AssemblySession create(CreateSession command) {
        Violations v = new Violations();
        v.check(command.body() != null, "body", "l'assemblée est obligatoire : BUREAU ou CONSEIL");
        v.check(command.date() != null, "date", "la date de la séance est obligatoire (AAAA-MM-JJ)");
        if (command.place() == null || command.place().isBlank()) {
            v.add("place", "le lieu de la séance est obligatoire");
        } else {
            v.check(command.place().length() <= 200, "place", "au plus 200 caractères");
            Texts.check(v, "place", command.place());
        }
        v.check(command.convocationSentOn() != null, "convocationSentOn", "la date d'envoi de la convocation est obligatoire");
        v.check(command.urgencyReason() == null || command.urgencyReason().length() <= 1000, "urgencyReason",
                "au plus 1000 caractères");
        Texts.check(v, "urgencyReason", command.urgencyReason());
        if (command.date() != null && command.convocationSentOn() != null) {
            v.check(command.convocationSentOn().isBefore(command.date()), "convocationSentOn",
                    "la convocation est envoyée avant la séance");
        }
        Member president = memberOf(v, "presidentId", command.presidentId(), command.body(), command.date());
        Member secretary = memberOf(v, "secretaryId", command.secretaryId(), command.body(), command.date());
        v.throwIfAny();
        AssemblySession session = sessions.saveAndFlush(new AssemblySession(command.body(), command.date(),
                command.place().trim(), president, secretary, command.convocationSentOn(),
                command.urgencyReason() == null || command.urgencyReason().isBlank() ? null : command.urgencyReason().strip()));
        session.attachProcess(runtime.startProcessInstanceByKey(AssemblySessionProcess.KEY, businessKey(session.id()),
                Map.of(AssemblySessionProcess.VAR_SESSION_ID, session.id())).getId());
        return session;
    }

    @Transactional(readOnly = true)
    public AssemblySession get(Long id) {
        return sessions.findById(id).orElseThrow(() -> new NotFoundException("Séance inconnue : " + id));
    }

    /**
     * The séance, to record what happened at its sitting: refused before its day, in the authority's time zone
     * ({@link AssemblySession#requireHeldBy}). The API's calls and Tasklist's completions both come through here.
     */
    AssemblySession held(Long id) {
        return held(get(id));
    }

    AssemblySession held(AssemblySession session) {
        session.requireHeldBy(LocalDate.now(clock));
        return session;
    }

    /** Fixes the agenda and sends the convocation: the séance process produces the convocation and its agenda. */
    public void convene(Long sessionId, String actor) {
        get(sessionId).requireStatus(SessionStatus.PREPARATION, "arrêter l'ordre du jour");
        tasks.complete(AssemblySessionProcess.KEY, businessKey(sessionId), AssemblySessionProcess.TASK_PREPARE_AGENDA,
                Map.of(), actor, "préparation de l'ordre du jour");
    }

    public void close(Long sessionId) {
        held(sessionId).close();
    }

    public void requestClosing(Long sessionId, String actor) {
        AssemblySession session = held(sessionId);
        session.requireClosable();
        tasks.complete(AssemblySessionProcess.KEY, businessKey(sessionId), AssemblySessionProcess.TASK_CLOSE_SESSION,
                Map.of(), actor, "clôture de la séance (des points restent à voter)");
    }

    private Member memberOf(Violations v, String field, Long id, AssemblyBody body, LocalDate on) {
        if (id == null) {
            v.add(field, "obligatoire");
            return null;
        }
        Optional<Member> member = members.findById(id);
        if (member.isEmpty()) {
            v.add(field, "membre inconnu : " + id);
            return null;
        }
        if (body != null && member.get().body() != body) {
            v.add(field, member.get().fullName() + " n'est pas membre du " + body.label());
        } else if (on != null && !member.get().inOfficeOn(on)) {
            v.add(field, member.get().fullName() + " n'est pas en exercice le " + FrenchText.date(on));
        }
        return member.get();
    }
}
