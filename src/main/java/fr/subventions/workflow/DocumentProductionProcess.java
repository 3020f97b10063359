package fr.subventions.workflow;

import java.util.List;

/**
 * Keys and element IDs of bpmn/document-production.bpmn: one instance per document a stage asks for, so that producing
 * it never holds the request's or the séance's own path.
 */
public final class DocumentProductionProcess {

    public static final String KEY = "document-production";

    public static final String MESSAGE_DOCUMENT_ORDERED = "DocumentOrdered";
    public static final String START_DOCUMENT_ORDERED = "StartEvent_DocumentOrdered";
    public static final String TASK_PRODUCE_DOCUMENT = "Task_ProduceDocument";
    public static final String END_DOCUMENT_FILED = "EndEvent_DocumentFiled";

    /** Which document: a {@code DocumentType}'s name, or "NOTIFICATION" for the letter that ends a request. */
    public static final String VAR_DOCUMENT_KIND = "documentKind";
    public static final ProcessVariable<String> DOCUMENT_KIND = ProcessVariable.text(VAR_DOCUMENT_KIND);

    /** The ids a document may be about, passed on from the process that orders it when it has them. */
    static final List<String> SUBJECT_VARIABLES = List.of(SubsidyRequestProcess.VAR_REQUEST_ID,
            AssemblySessionProcess.VAR_SESSION_ID, AssemblySessionProcess.VAR_AGENDA_ITEM_ID);

    private DocumentProductionProcess() {
    }
}
