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
class GenerateDocumentDelegate implements JavaDelegate {

    private final DocumentGenerator generator;

    GenerateDocumentDelegate(DocumentGenerator generator) {
        this.generator = generator;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String kind = DocumentProductionProcess.DOCUMENT_KIND.get(execution);
        switch (kind) {
            case "CONVOCATION" -> generator.convocation(AssemblySessionProcess.SESSION_ID.get(execution));
            case "MINUTES" -> generator.minutes(AssemblySessionProcess.SESSION_ID.get(execution));
            case "DELIBERATION_LIST" -> generator.deliberationList(AssemblySessionProcess.SESSION_ID.get(execution));
            case "DELIBERATION_EXTRACT" -> generator.extract(AssemblySessionProcess.AGENDA_ITEM_ID.get(execution));
            case "NOTIFICATION" -> generator.forRequest(DocumentType.NOTIFICATION_GRANTED,
                    SubsidyRequestProcess.REQUEST_ID.get(execution));
            default -> generator.forRequest(DocumentType.valueOf(kind), SubsidyRequestProcess.REQUEST_ID.get(execution));
        }
    }
}
