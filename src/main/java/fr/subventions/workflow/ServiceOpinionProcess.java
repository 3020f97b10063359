package fr.subventions.workflow;

/**
 * Keys and element IDs of bpmn/service-opinion.bpmn: one instance per opinion asked of a service or a colleague on a
 * request (package {@code consultation}), under the request's reference as business key, beside the request's own
 * process — an opinion never holds the request's path.
 */
public final class ServiceOpinionProcess {

    public static final String KEY = "service-opinion";

    public static final String START_OPINION_ASKED = "StartEvent_OpinionAsked";
    public static final String TASK_GIVE_OPINION = "Task_GiveOpinion";
    /** Before the deadline, non-interrupting: the one asked is reminded. */
    public static final String TIMER_OPINION_REMINDER = "Timer_OpinionReminder";
    public static final String TASK_REMIND_OPINION = "Task_RemindOpinion";
    public static final String END_REMINDED = "EndEvent_OpinionReminded";
    /** The deadline passed, non-interrupting: the asking officer is told; the opinion may still be given. */
    public static final String TIMER_OPINION_OVERDUE = "Timer_OpinionOverdue";
    public static final String TASK_NOTIFY_OVERDUE = "Task_NotifyOpinionOverdue";
    public static final String END_OVERDUE_NOTIFIED = "EndEvent_OverdueNotified";
    /** Interrupting: the opinion request is withdrawn (by its asker, or with the request). */
    public static final String EVENT_OPINION_WITHDRAWN = "Event_OpinionWithdrawn";
    public static final String END_OPINION_GIVEN = "EndEvent_OpinionGiven";
    public static final String END_OPINION_WITHDRAWN = "EndEvent_OpinionWithdrawn";

    public static final String MESSAGE_OPINION_WITHDRAWN = "OpinionWithdrawn";

    /** The opinion request's id in our tables (opinion_request). */
    public static final String VAR_OPINION_ID = "opinionId";
    /** The request's id, for the form's link to the dossier and the task's name. */
    public static final String VAR_REQUEST_ID = SubsidyRequestProcess.VAR_REQUEST_ID;

    public static final ProcessVariable<Long> OPINION_ID = ProcessVariable.id(VAR_OPINION_ID);
    public static final ProcessVariable<Long> REQUEST_ID = SubsidyRequestProcess.REQUEST_ID;

    private ServiceOpinionProcess() {
    }
}
