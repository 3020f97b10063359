package fr.subventions.workflow;

/** The ids of bpmn/subsidy-payment.bpmn, called by the request's process once its credits are committed. */
public final class SubsidyPaymentProcess {

    public static final String KEY = "subsidy-payment";

    public static final String TASK_PLAN_PAYMENTS = "Task_PlanPayments";
    public static final String TASK_PAY_FIRST = "Task_PayFirst";
    public static final String TASK_SUBMIT_FINANCIAL_REPORT = "Task_SubmitFinancialReport";
    public static final String TASK_REMIND_FINANCIAL_REPORT = "Task_RemindFinancialReport";
    public static final String TASK_PAY_BALANCE = "Task_PayBalance";
    public static final String TIMER_REPORT_REMINDER = "Timer_ReportReminder";
    public static final String GATEWAY_BALANCE_DUE = "Gateway_BalanceDue";
    public static final String END_PAID = "EndEvent_Paid";

    public static final String VAR_REQUEST_ID = SubsidyRequestProcess.VAR_REQUEST_ID;
    /** Gateway flag: a balance remains, to be paid after the financial report. */
    public static final String VAR_BALANCE_DUE = "balanceDue";

    public static final ProcessVariable<Long> REQUEST_ID = SubsidyRequestProcess.REQUEST_ID;
    public static final ProcessVariable<Boolean> BALANCE_DUE = ProcessVariable.flag(VAR_BALANCE_DUE);

    private SubsidyPaymentProcess() {
    }
}
