package fr.subventions.workflow;

/** Keys and element IDs of bpmn/subsidy-request.bpmn, named once for code and tests. */
public final class SubsidyRequestProcess {

    public static final String KEY = "subsidy-request";

    public static final String TASK_ORDER_ACKNOWLEDGEMENT = "Task_OrderAcknowledgement";
    public static final String TASK_ORDER_MISSING_ITEMS_REQUEST = "Task_OrderMissingItemsRequest";
    public static final String TASK_ORDER_INSTRUCTION_REPORT = "Task_OrderInstructionReport";
    public static final String TASK_ORDER_CONVENTION = "Task_OrderConvention";
    public static final String TASK_ORDER_ENGAGEMENT_SHEET = "Task_OrderEngagementSheet";
    public static final String TASK_ORDER_NOTIFICATION = "Task_OrderNotification";
    public static final String TASK_ORDER_EXECUTORY_CERTIFICATE = "Task_OrderExecutoryCertificate";
    public static final String TASK_CHECK_COMPLETENESS = "Task_CheckCompleteness";
    public static final String TASK_SUPPLY_MISSING_DOCUMENTS = "Task_SupplyMissingDocuments";
    public static final String TIMER_MISSING_DOCUMENTS_DUE = "Timer_MissingDocumentsDue";
    public static final String TASK_DECLARE_INADMISSIBLE = "Task_DeclareInadmissible";
    public static final String TASK_INSTRUCT_REQUEST = "Task_InstructRequest";
    public static final String EVENT_PLACED_ON_AGENDA = "Event_PlacedOnAgenda";
    public static final String EVENT_VOTE_RECORDED = "Event_VoteRecorded";
    /** Between the vote and the convention's signatures: the deliberation is executory (CGCT L2131-1). */
    public static final String EVENT_ACT_EXECUTORY = "Event_ActExecutory";
    public static final String TASK_RELEASE_RESERVATION = "Task_ReleaseReservation";
    public static final String TASK_DECIDE_CONVENTION = "Task_DecideConvention";
    public static final String GATEWAY_WITH_CONVENTION = "Gateway_WithConvention";
    public static final String TASK_PREPARE_CONVENTION = "Task_PrepareConvention";
    public static final String TASK_SIGN_AS_BENEFICIARY = "Task_SignAsBeneficiary";
    public static final String TASK_SIGN_AS_PRESIDENT = "Task_SignAsPresident";
    public static final String TASK_IMPUTE_BUDGET = "Task_ImputeBudget";
    public static final String TASK_CLOSE_REQUEST = "Task_CloseRequest";
    public static final String CALL_PAYMENT = "CallActivity_Payment";
    public static final String TIMER_SIGNATURE_REMINDER = "Timer_SignatureReminder";
    public static final String TIMER_SIGNATURE_LATE = "Timer_SignatureLate";
    public static final String TIMER_CONVENTION_LAPSED = "Timer_ConventionLapsed";
    public static final String TASK_REMIND_SIGNATURE = "Task_RemindSignature";
    public static final String TASK_FOLLOW_UP_SIGNATURE = "Task_FollowUpSignature";
    public static final String TASK_LAPSE_CONVENTION = "Task_LapseConvention";
    public static final String TASK_RELEASE_ON_LAPSE = "Task_ReleaseOnLapse";
    public static final String END_CLOSED = "EndEvent_RequestClosed";
    public static final String END_INADMISSIBLE = "EndEvent_RequestInadmissible";
    public static final String SUBPROCESS_WITHDRAWAL = "SubProcess_Withdrawal";
    public static final String TASK_RELEASE_ON_WITHDRAWAL = "Task_ReleaseOnWithdrawal";
    public static final String END_WITHDRAWN = "EndEvent_RequestWithdrawn";

    public static final String MESSAGE_PLACED_ON_AGENDA = "RequestPlacedOnAgenda";
    public static final String MESSAGE_VOTE_RECORDED = "RequestVoteRecorded";
    public static final String MESSAGE_ACT_EXECUTORY = "RequestActExecutory";
    public static final String MESSAGE_WITHDRAWN = "RequestWithdrawn";

    /** The request's id in our tables: the only business reference the process carries. */
    public static final String VAR_REQUEST_ID = "requestId";
    /** Gateway flags. */
    public static final String VAR_COMPLETE = "complete";
    public static final String VAR_FAVORABLE = "favorable";
    public static final String VAR_VOTE_DECISION = "voteDecision";
    /** Set by Task_DecideConvention after an adoption: whether the grant goes with a convention. */
    public static final String VAR_WITH_CONVENTION = "withConvention";

    public static final ProcessVariable<Long> REQUEST_ID = ProcessVariable.id(VAR_REQUEST_ID);
    public static final ProcessVariable<Boolean> COMPLETE = ProcessVariable.flag(VAR_COMPLETE);
    public static final ProcessVariable<Boolean> FAVORABLE = ProcessVariable.flag(VAR_FAVORABLE);
    public static final ProcessVariable<Boolean> WITH_CONVENTION = ProcessVariable.flag(VAR_WITH_CONVENTION);

    private SubsidyRequestProcess() {
    }
}
