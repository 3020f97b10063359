package fr.subventions.bureau;

import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.TaskSubject;
import fr.subventions.workflow.TaskSubjects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The tasks of a séance's process are about the séance — « Arrêter l'ordre du jour — Bureau métropolitain du jeudi 14
 * septembre 2023 » —, and a vote about its item: « Voter le point n° 2 : SUB-2023-0001 — Association OF du Numérique
 * (Bureau métropolitain du jeudi 14 septembre 2023) ».
 */
@Component
class SessionTaskSubjects implements TaskSubjects {

    private final AssemblySessionRepository sessions;
    private final AgendaItemRepository items;
    private final SubsidyRequestService requests;

    SessionTaskSubjects(AssemblySessionRepository sessions, AgendaItemRepository items, SubsidyRequestService requests) {
        this.sessions = sessions;
        this.items = items;
        this.requests = requests;
    }

    @Override
    public Optional<TaskSubject> describe(DelegateTask task) {
        if (!AssemblySessionProcess.KEY.equals(TaskSubjects.processKey(task))) {
            return Optional.empty();
        }
        Long item = TaskSubjects.id(task, AssemblySessionProcess.VAR_AGENDA_ITEM_ID);
        if (item != null) {
            return items.findById(item).map(this::item);
        }
        Long session = TaskSubjects.id(task, AssemblySessionProcess.VAR_SESSION_ID);
        return session == null ? Optional.empty() : sessions.findById(session).map(SessionTaskSubjects::session);
    }

    static TaskSubject session(AssemblySession session) {
        return TaskSubject.of("— " + session.label(), session.label())
                .fact("Lieu", session.place())
                .fact("Président", session.president() == null ? null : session.president().fullName())
                .fact("Secrétaire", session.secretary() == null ? null : session.secretary().fullName())
                .fact("Convocation", session.convocationSentOn() == null ? null
                        : "envoyée le " + FrenchText.date(session.convocationSentOn()))
                // while it is prepared, the agenda grows after the task is created: its count would mislead
                .fact("Ordre du jour", session.status() == SessionStatus.PREPARATION ? null
                        : session.items().size() + " point(s)")
                .fact("État", session.status().label());
    }

    TaskSubject item(AgendaItem item) {
        String applicant = requests.find(item.reference()).map(SubsidyRequest::applicant).map(a -> " — " + a.name())
                .orElse("");
        String about = item.reference() + applicant;
        return TaskSubject.of("n° " + item.position() + " : " + about + " (" + item.session().label() + ")",
                        "Point n° " + item.position() + " : " + about)
                .fact("Séance", item.session().label())
                .fact("Objet", item.title())
                .fact("Thème", item.theme())
                .fact("Montant proposé", Money.format(item.amount()))
                .link("Dossier de la demande " + item.reference(), "/gestion/demandes/" + item.reference());
    }
}
