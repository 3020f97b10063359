package fr.subventions.consultation;

import fr.subventions.shared.FrenchText;
import fr.subventions.shared.NotFoundException;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.ServiceOpinionProcess;
import fr.subventions.workflow.TaskSubject;
import fr.subventions.workflow.TaskSubjects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * An opinion's task is about its request and its question: « Donner un avis SUB-2025-0001 — Association OF du
 * Numérique », described with the question, who asks, of whom, and by when — the summary its form opens with.
 */
@Component
class OpinionTaskSubjects implements TaskSubjects {

    private final OpinionRequestRepository opinions;
    private final SubsidyRequestService requests;
    private final OpinionService service;
    private final Colleagues colleagues;

    OpinionTaskSubjects(OpinionRequestRepository opinions, SubsidyRequestService requests, OpinionService service,
            Colleagues colleagues) {
        this.opinions = opinions;
        this.requests = requests;
        this.service = service;
        this.colleagues = colleagues;
    }

    @Override
    public Optional<TaskSubject> describe(DelegateTask task) {
        if (!ServiceOpinionProcess.KEY.equals(TaskSubjects.processKey(task))) {
            return Optional.empty();
        }
        Long id = TaskSubjects.id(task, ServiceOpinionProcess.VAR_OPINION_ID);
        Optional<OpinionRequest> opinion = id == null ? Optional.empty() : opinions.findById(id);
        if (opinion.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(subject(opinion.get(), requests.byId(opinion.get().requestId())));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private TaskSubject subject(OpinionRequest opinion, SubsidyRequest request) {
        String label = request.reference() + " — " + request.applicant().name();
        return TaskSubject.of(label, "Avis demandé sur la demande " + label)
                .fact("Projet", request.title())
                .fact("Question", opinion.question())
                .fact("Demandé à", service.label(opinion.recipient()))
                .fact("Demandé par", colleagues.name(opinion.askedBy()))
                .fact("Échéance", FrenchText.date(opinion.dueOn()))
                .fact("Confidentialité", opinion.confidential()
                        ? "avis confidentiel : les autres services consultés ne le voient pas" : null);
    }
}
