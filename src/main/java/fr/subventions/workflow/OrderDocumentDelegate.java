package fr.subventions.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The send tasks « Faire produire … » of the request's and the séance's processes: starts a document-production instance
 * for the task's {@code documentKind}, under the same business key, in the same transaction. The case moves on at once;
 * the document is produced by that instance's own job, retried, and left there as an incident if its template breaks.
 */
@Component
class OrderDocumentDelegate implements JavaDelegate {

    private final RuntimeService runtime;

    OrderDocumentDelegate(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        VariableMap order = Variables.createVariables().putValue(DocumentProductionProcess.VAR_DOCUMENT_KIND,
                DocumentProductionProcess.DOCUMENT_KIND.get(execution));
        for (String subject : DocumentProductionProcess.SUBJECT_VARIABLES) {
            Object id = execution.getVariable(subject);
            if (id != null) {
                order.putValue(subject, id);
            }
        }
        runtime.createMessageCorrelation(DocumentProductionProcess.MESSAGE_DOCUMENT_ORDERED)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .setVariables(order)
                .correlateStartMessage();
    }
}
