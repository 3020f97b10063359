package fr.subventions.workflow;

/** Keys and element IDs of bpmn/bureau-session.bpmn. */
public final class AssemblySessionProcess {

    public static final String KEY = "bureau-session";

    public static final String TASK_PREPARE_AGENDA = "Task_PrepareAgenda";
    public static final String TASK_ORDER_CONVOCATION = "Task_OrderConvocation";
    public static final String TASK_RECORD_ATTENDANCE = "Task_RecordAttendance";
    public static final String SUBPROCESS_AGENDA_ITEM = "SubProcess_AgendaItem";
    public static final String TASK_VOTE_ITEM = "Task_VoteItem";
    public static final String TASK_PUBLISH_OUTCOME = "Task_PublishOutcome";
    public static final String GATEWAY_ITEM_DECIDED = "Gateway_ItemDecided";
    public static final String TASK_ORDER_EXTRACT = "Task_OrderExtract";
    public static final String TASK_CLOSE_SESSION = "Task_CloseSession";
    public static final String TASK_ORDER_MINUTES = "Task_OrderMinutes";
    public static final String TASK_ORDER_DELIBERATION_LIST = "Task_OrderDeliberationList";
    public static final String END_SESSION_CLOSED = "EndEvent_SessionClosed";

    public static final String VAR_SESSION_ID = "sessionId";
    /** The element variable of the multi-instance: one vote per agenda item. */
    public static final String VAR_AGENDA_ITEM_ID = "agendaItemId";
    /** Gateway flag, local to an item: adopted or rejected (an extract is due), not adjourned or withdrawn. */
    public static final String VAR_ITEM_DECIDED = "itemDecided";

    public static final ProcessVariable<Long> SESSION_ID = ProcessVariable.id(VAR_SESSION_ID);
    public static final ProcessVariable<Long> AGENDA_ITEM_ID = ProcessVariable.id(VAR_AGENDA_ITEM_ID);
    public static final ProcessVariable<Boolean> ITEM_DECIDED = ProcessVariable.flag(VAR_ITEM_DECIDED);

    private AssemblySessionProcess() {
    }
}
