package fr.subventions.benchmark;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.SubProcessBuilder;

/**
 * The bare baseline: three processes built with Camunda's model API that traverse, for one request, the same wait states
 * as a granted request's lifecycle does in bpmn/subsidy-request.bpmn, bpmn/bureau-session.bpmn and
 * bpmn/subsidy-payment.bpmn, and do no domain work.
 *
 * <p>Per request: 7 user tasks (completeness, instruction, two signatures, imputation, closing, and the payment in a
 * called process), 6 documents (the acknowledgement, the instruction report, the convention, the certificate of executory
 * character, the engagement sheet, the notification), each a send task starting a document instance whose one
 * asynchronous continuation produces it, as bpmn/document-production.bpmn does, 3 message catch events (placed on the
 * agenda, vote recorded, act executory: correlated once the cohort's documents are done, as the domain's run waits for
 * its acts to be signed and sent), 3 timer boundary
 * events on the beneficiary's signature (reminder cycle, escalation, lapse), a message event subprocess (withdrawal), 1
 * call activity. Per séance: 3 user tasks (agenda, attendance, closing) and 3 documents (convocation, minutes, list of
 * deliberations), and per
 * item a user task (the vote), a service task that correlates the vote to the request, and a document (the extract),
 * in a parallel multi-instance subprocess. Service tasks evaluate {@code
 * ${true}}; the candidate groups are the real ones, so that the engine writes the same identity links.
 */
final class BareProcesses {

    static final String REQUEST = "bare-request";
    static final String SESSION = "bare-session";
    static final String PAYMENT = "bare-payment";
    static final String DOCUMENT = "bare-document";
    static final String MSG_DOCUMENT_ORDERED = "bare-document-ordered";
    static final String MSG_PLACED = "bare-placed";
    static final String MSG_VOTED = "bare-voted";
    static final String MSG_EXECUTORY = "bare-executory";
    static final String MSG_WITHDRAWN = "bare-withdrawn";
    static final String VAR_ITEMS = "items";
    static final String VAR_ITEM = "item";

    private BareProcesses() {
    }

    static void deploy(RepositoryService repository) {
        repository.createDeployment().name("benchmark-bare").enableDuplicateFiltering(true)
                .addModelInstance(REQUEST + ".bpmn", request())
                .addModelInstance(PAYMENT + ".bpmn", payment())
                .addModelInstance(SESSION + ".bpmn", session())
                .addModelInstance(DOCUMENT + ".bpmn", document())
                .deploy();
    }

    static BpmnModelInstance request() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(REQUEST).camundaHistoryTimeToLive(180)
                .startEvent("Start")
                .sendTask("Acknowledgement").camundaClass(OrderDocument.class.getName())
                .userTask("CheckCompleteness").camundaCandidateGroups("instructeurs")
                .userTask("Instruct").camundaCandidateGroups("instructeurs")
                .sendTask("InstructionReport").camundaClass(OrderDocument.class.getName())
                .intermediateCatchEvent("PlacedOnAgenda").message(MSG_PLACED)
                .intermediateCatchEvent("VoteRecorded").message(MSG_VOTED)
                .serviceTask("DecideConvention").camundaExpression("${true}")
                .serviceTask("PrepareConvention").camundaExpression("${true}")
                .sendTask("Convention").camundaClass(OrderDocument.class.getName())
                .intermediateCatchEvent("ActExecutory").message(MSG_EXECUTORY)
                .sendTask("ExecutoryCertificate").camundaClass(OrderDocument.class.getName())
                .userTask("SignAsBeneficiary").camundaCandidateGroups("demandeurs")
                .boundaryEvent("Reminder").cancelActivity(false).timerWithCycle("R3/P15D").endEvent("Reminded")
                .moveToActivity("SignAsBeneficiary")
                .boundaryEvent("Late").cancelActivity(false).timerWithDuration("P45D").endEvent("FollowedUp")
                .moveToActivity("SignAsBeneficiary")
                .boundaryEvent("Lapsed").timerWithDuration("P3M").endEvent("LapsedEnd")
                .moveToActivity("SignAsBeneficiary")
                .userTask("SignAsPresident").camundaCandidateGroups("secretariat")
                .userTask("ImputeBudget").camundaCandidateGroups("finances")
                .sendTask("EngagementSheet").camundaClass(OrderDocument.class.getName())
                .callActivity("Payment").calledElement(PAYMENT).camundaInBusinessKey("#{execution.processBusinessKey}")
                .userTask("CloseRequest").camundaCandidateGroups("secretariat")
                .sendTask("Notification").camundaClass(OrderDocument.class.getName())
                .endEvent("Closed")
                .done();
        model.<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById(REQUEST).builder()
                .eventSubProcess("Withdrawal").startEvent("Withdrawn").message(MSG_WITHDRAWN).endEvent("WithdrawnEnd");
        return model;
    }

    static BpmnModelInstance payment() {
        return Bpmn.createExecutableProcess(PAYMENT).camundaHistoryTimeToLive(180)
                .startEvent("Committed")
                .serviceTask("PlanPayments").camundaExpression("${true}")
                .userTask("PayFirst").camundaCandidateGroups("finances")
                .endEvent("Paid")
                .done();
    }

    static BpmnModelInstance session() {
        SubProcessBuilder items = Bpmn.createExecutableProcess(SESSION)
                .camundaHistoryTimeToLive(180)
                .startEvent("Created")
                .userTask("PrepareAgenda").camundaCandidateGroups("secretariat")
                .sendTask("Convocation").camundaClass(OrderDocument.class.getName())
                .userTask("RecordAttendance").camundaCandidateGroups("secretariat")
                .subProcess("Items");
        items.multiInstance().parallel().camundaCollection("${" + VAR_ITEMS + "}").camundaElementVariable(VAR_ITEM)
                .multiInstanceDone();
        return items.embeddedSubProcess().startEvent("ItemOpened")
                .userTask("VoteItem").camundaCandidateGroups("secretariat")
                .serviceTask("PublishOutcome").camundaClass(PublishVote.class.getName())
                .sendTask("Extract").camundaClass(OrderDocument.class.getName())
                .endEvent("ItemSettled")
                .subProcessDone()
                .userTask("CloseSession").camundaCandidateGroups("secretariat")
                .sendTask("Minutes").camundaClass(OrderDocument.class.getName())
                .sendTask("DeliberationList").camundaClass(OrderDocument.class.getName())
                .endEvent("SessionClosed")
                .done();
    }

    /**
     * One instance per document, as bpmn/document-production.bpmn: started by a message from the case's send task, its
     * one asynchronous service task produces nothing.
     */
    static BpmnModelInstance document() {
        return Bpmn.createExecutableProcess(DOCUMENT).camundaHistoryTimeToLive(180)
                .startEvent("DocumentOrdered").message(MSG_DOCUMENT_ORDERED)
                .serviceTask("ProduceDocument").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent("DocumentFiled")
                .done();
    }

    /**
     * The send tasks of the request and the séance, as {@code orderDocumentDelegate}: a document instance under the
     * case's business key, with the document's kind and the case's id.
     */
    public static class OrderDocument implements JavaDelegate {

        @Override
        public void execute(DelegateExecution execution) {
            Map<String, Object> order = new HashMap<>();
            order.put("documentKind", execution.getCurrentActivityId());
            Object requestId = execution.getVariable("requestId");
            if (requestId != null) {
                order.put("requestId", requestId);
            }
            execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(MSG_DOCUMENT_ORDERED)
                    .processInstanceBusinessKey(execution.getProcessBusinessKey()).setVariables(order)
                    .correlateStartMessage();
        }
    }

    /** The vote goes to the request's process, as {@code publishOutcomeDelegate} sends it, without the domain. */
    public static class PublishVote implements JavaDelegate {

        @Override
        public void execute(DelegateExecution execution) {
            execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(MSG_VOTED)
                    .processInstanceBusinessKey((String) execution.getVariable(VAR_ITEM)).correlateWithResult();
        }
    }
}
