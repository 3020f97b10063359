package fr.subventions.backoffice;

import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.SessionService;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests.Beneficiary;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The stages a selection's batch actions work on, beside {@link WorklistFixtures}': a payment due, a request to close
 * after an unfavourable instruction, a séance in preparation — each reached through the real processes.
 */
@Component
class SelectionFixtures {

    /** The year of the demo's budget lines that the requests of these tests reserve and commit on. */
    static final int YEAR = 2025;

    private final WorklistFixtures worklist;
    private final Scenarios scenarios;
    private final SessionService sessions;

    SelectionFixtures(WorklistFixtures worklist, Scenarios scenarios, SessionService sessions) {
        this.worklist = worklist;
        this.scenarios = scenarios;
        this.sessions = sessions;
    }

    SubsidyRequest submitted() {
        return worklist.submitted(Beneficiary.newAssociation(), YEAR, 1000);
    }

    SubsidyRequest instructed() {
        return worklist.instructed(Beneficiary.newAssociation(), YEAR, 100, false);
    }

    /** Committed after both signatures: its single payment is due, finance's task open. */
    SubsidyRequest awaitingPayment() {
        SubsidyRequest request = worklist.awaitingImputation(Beneficiary.newAssociation(), YEAR, 100);
        worklist.complete(request, SubsidyRequestProcess.TASK_IMPUTE_BUDGET,
                Map.of("lines", WorklistFixtures.line(YEAR, "DEVECO") + " = 100"), "finances");
        scenarios.fileDocumentsOf(request.reference());
        return worklist.expect(request, RequestStatus.AWAITING_PAYMENT);
    }

    /** Instructed unfavourably: the secretariat closes it. */
    SubsidyRequest awaitingClosure() {
        SubsidyRequest request = worklist.inInstruction(Beneficiary.newAssociation(), YEAR, 1000);
        worklist.complete(request, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST, Map.of("opinion", "UNFAVORABLE", "report",
                "L'action ne relève pas des compétences de la Métropole."), "instructeur");
        scenarios.fileDocumentsOf(request.reference());
        return worklist.expect(request, RequestStatus.AWAITING_CLOSURE);
    }

    /** A séance of the Bureau whose agenda is open. */
    Long sessionInPreparation() {
        return sessions.create(new CreateSession(AssemblyBody.BUREAU, LocalDate.of(2025, 10, 16), "Salle des séances",
                scenarios.bureauMember("REBSAMEN").id(), scenarios.bureauMember("FALCONNET").id(),
                LocalDate.of(2025, 10, 6))).id();
    }
}
