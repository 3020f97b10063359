package fr.subventions.budget;

import fr.subventions.shared.Money;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When an officer's or finance's task is created, its form shows the budget lines of the request's fiscal year with
 * their available credits. The text lives on the task only (a local variable, gone with it), never in the process.
 */
@Component
class ShowAvailableCreditsListener implements TaskListener {

    static final String VAR_AVAILABLE_LINES = "availableBudgetLines";

    private final BudgetService budget;
    private final SubsidyRequestService requests;

    ShowAvailableCreditsListener(BudgetService budget, SubsidyRequestService requests) {
        this.budget = budget;
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        int year = requests.byId(SubsidyRequestProcess.REQUEST_ID.get(task)).fiscalYear();
        String lines = budget.lines(year).stream()
                .map(l -> "- " + l.code() + " = " + l.label() + " (" + l.service() + ") : disponible " + Money.format(l.available()))
                .collect(Collectors.joining("\n"));
        task.setVariableLocal(VAR_AVAILABLE_LINES, lines.isEmpty() ? "Aucune ligne budgétaire pour l'exercice " + year : lines);
    }
}
