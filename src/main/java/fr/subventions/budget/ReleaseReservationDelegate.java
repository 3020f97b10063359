package fr.subventions.budget;

import fr.subventions.workflow.SubsidyRequestProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gives the credits held by a rejected or withdrawn request back to its budget lines. */
@Component
class ReleaseReservationDelegate implements JavaDelegate {

    private final BudgetService budget;

    ReleaseReservationDelegate(BudgetService budget) {
        this.budget = budget;
    }

    @Override
    public void execute(DelegateExecution execution) {
        budget.release(SubsidyRequestProcess.REQUEST_ID.get(execution));
    }
}
