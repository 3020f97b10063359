package fr.subventions.budget;

import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finance commits the granted amount once the convention is signed: "les crédits seront prélevés sur le budget de l'exercice". */
@Service
@Transactional
class ImputationService {

    private final SubsidyRequestService requests;
    private final BudgetService budget;
    private final Clock clock;

    ImputationService(SubsidyRequestService requests, BudgetService budget, Clock clock) {
        this.requests = requests;
        this.budget = budget;
        this.clock = clock;
    }

    public List<String> impute(Long requestId, List<LineAmount> lines, String actor) {
        SubsidyRequest request = requests.byId(requestId);
        List<String> numbers = budget.commit(requestId, request.fiscalYear(), request.grantedAmount(), lines, actor,
                Instant.now(clock), "lines");
        request.recordImputation(String.join(", ", numbers), actor, Instant.now(clock));
        return numbers;
    }
}
