package fr.subventions.documents;

import fr.subventions.submission.DocumentType;
import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.DocumentProductionProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The one service task of the document-production process: its variable {@code documentKind} names the document
 * ("NOTIFICATION" is the granted or the rejected letter, as the request ended), ordered by a send task of the request's
 * or the séance's process. It runs as an asynchronous continuation: a failure leaves the token at the task, retried,
 * then an incident in Cockpit, while the case itself has moved on.
 */
@Component
public class GenerateDocumentDelegate implements JavaDelegate {

    private final DocumentGenerator generator;

    GenerateDocumentDelegate(DocumentGenerator generator) {
        this.generator = generator;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String kind = (String) execution.getVariable(DocumentProductionProcess.VAR_DOCUMENT_KIND);
        switch (kind) {
            case "CONVOCATION" -> generator.convocation(id(execution, AssemblySessionProcess.VAR_SESSION_ID));
            case "MINUTES" -> generator.minutes(id(execution, AssemblySessionProcess.VAR_SESSION_ID));
            case "DELIBERATION_EXTRACT" -> generator.extract(id(execution, AssemblySessionProcess.VAR_AGENDA_ITEM_ID));
            case "NOTIFICATION" -> generator.forRequest(DocumentType.NOTIFICATION_GRANTED,
                    id(execution, SubsidyRequestProcess.VAR_REQUEST_ID));
            default -> generator.forRequest(DocumentType.valueOf(kind), id(execution, SubsidyRequestProcess.VAR_REQUEST_ID));
        }
    }

    private static Long id(DelegateExecution execution, String variable) {
        return Long.valueOf(execution.getVariable(variable).toString());
    }
}
