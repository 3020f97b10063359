package fr.subventions.budget;

import fr.subventions.workflow.FormFields;
import fr.subventions.workflow.SubsidyRequestProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

@Component
class ImputeBudgetListener implements TaskListener {

    private final ImputationService imputation;

    ImputeBudgetListener(ImputationService imputation) {
        this.imputation = imputation;
    }

    @Override
    public void notify(DelegateTask task) {
        FormFields form = FormFields.of(task);
        imputation.impute(SubsidyRequestProcess.REQUEST_ID.get(task),
                LineAmounts.parse(form.raw("lines"), "lines"), FormFields.actor());
        form.discard();
    }
}
