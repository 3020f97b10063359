package fr.subventions.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.convention.ConventionRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The diagrams and forms as the engine parses them (schema validation on), on a bare engine: every process has a
 * history time to live, every user task candidate groups and a deployed Camunda Form, and every element ID the code
 * names exists in its diagram.
 */
class ModelConventionsTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                    .setJdbcUrl("jdbc:h2:mem:model-conventions;DB_CLOSE_DELAY=-1")
                    .setJobExecutorActivate(false)
                    .buildProcessEngine())
            .build();

    ProcessEngine engine;

    static final String[] RESOURCES = {"bpmn/subsidy-request.bpmn", "bpmn/bureau-session.bpmn",
            "bpmn/subsidy-payment.bpmn", "bpmn/document-production.bpmn", "bpmn/service-opinion.bpmn",
            "forms/check-completeness.form", "forms/instruct-request.form", "forms/supply-missing-documents.form",
            "forms/sign-as-beneficiary.form", "forms/sign-as-president.form", "forms/impute-budget.form",
            "forms/close-request.form", "forms/prepare-agenda.form", "forms/record-attendance.form",
            "forms/vote-item.form", "forms/close-session.form", "forms/pay-subsidy.form",
            "forms/submit-financial-report.form", "forms/follow-up-signature.form", "forms/give-opinion.form"};

    @Test
    @Deployment(resources = {"bpmn/subsidy-request.bpmn", "bpmn/bureau-session.bpmn",
            "bpmn/subsidy-payment.bpmn", "bpmn/document-production.bpmn", "bpmn/service-opinion.bpmn",
            "forms/check-completeness.form", "forms/instruct-request.form", "forms/supply-missing-documents.form",
            "forms/sign-as-beneficiary.form", "forms/sign-as-president.form", "forms/impute-budget.form",
            "forms/close-request.form", "forms/prepare-agenda.form", "forms/record-attendance.form",
            "forms/vote-item.form", "forms/close-session.form", "forms/pay-subsidy.form",
            "forms/submit-financial-report.form", "forms/follow-up-signature.form", "forms/give-opinion.form"})
    void everyUserTaskHasCandidateGroupsAndADeployedForm() {
        Set<String> forms = deployedFormIds();
        assertThat(forms).hasSize(RESOURCES.length - 5);
        List<ProcessDefinition> processes = engine.getRepositoryService().createProcessDefinitionQuery().list();
        assertThat(processes).extracting(ProcessDefinition::getKey)
                .containsExactlyInAnyOrder(SubsidyRequestProcess.KEY, AssemblySessionProcess.KEY, SubsidyPaymentProcess.KEY,
                        DocumentProductionProcess.KEY, ServiceOpinionProcess.KEY);
        for (ProcessDefinition process : processes) {
            assertThat(process.getHistoryTimeToLive()).as(process.getKey()).isPositive();
            assertThat(process.getResourceName()).isEqualTo("bpmn/" + process.getKey() + ".bpmn");
            BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(process.getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
                assertThat(task.getCamundaFormRef()).as(task.getId()).isIn(forms);
                assertThat(task.getName()).as(task.getId()).isNotBlank();
            }
        }
    }

    @Test
    @Deployment(resources = {"bpmn/subsidy-request.bpmn", "bpmn/bureau-session.bpmn", "bpmn/subsidy-payment.bpmn",
            "bpmn/document-production.bpmn", "bpmn/service-opinion.bpmn"})
    void everyElementIdAndMessageTheCodeNamesExistsInItsDiagram() throws IllegalAccessException {
        assertConstantsExist(SubsidyRequestProcess.class, SubsidyRequestProcess.KEY);
        assertConstantsExist(SubsidyPaymentProcess.class, SubsidyPaymentProcess.KEY);
        assertConstantsExist(AssemblySessionProcess.class, AssemblySessionProcess.KEY);
        assertConstantsExist(DocumentProductionProcess.class, DocumentProductionProcess.KEY);
        assertConstantsExist(ServiceOpinionProcess.class, ServiceOpinionProcess.KEY);
    }

    @Test
    @Deployment(resources = {"bpmn/subsidy-request.bpmn", "bpmn/bureau-session.bpmn", "bpmn/subsidy-payment.bpmn",
            "bpmn/document-production.bpmn", "bpmn/service-opinion.bpmn"})
    void everyElementHasItsShapeAndEveryFlowItsEdgeInTheDiagram() {
        for (ProcessDefinition process : engine.getRepositoryService().createProcessDefinitionQuery().list()) {
            BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(process.getId());
            Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                    .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
            Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                    .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                if (element instanceof SequenceFlow) {
                    assertThat(edges).as(process.getKey() + ": edge of " + element.getId()).contains(element.getId());
                } else {
                    assertThat(shapes).as(process.getKey() + ": shape of " + element.getId()).contains(element.getId());
                }
            }
        }
    }

    @Test
    @Deployment(resources = {"dmn/convention-requirement.dmn"})
    void decisionTablesDeployWithAHistoryTimeToLive() {
        List<DecisionDefinition> decisions = engine.getRepositoryService().createDecisionDefinitionQuery().list();
        assertThat(decisions).extracting(DecisionDefinition::getKey)
                .containsExactly(ConventionRules.DECISION_KEY);
        for (DecisionDefinition decision : decisions) {
            assertThat(decision.getHistoryTimeToLive()).as(decision.getKey()).isPositive();
            assertThat(decision.getResourceName()).isEqualTo("dmn/" + decision.getKey() + ".dmn");
            assertThat(decision.getName()).isNotBlank();
        }
    }

    /** The top-level id of every deployed .form: what camunda:formRef points at. */
    private Set<String> deployedFormIds() {
        Set<String> ids = new HashSet<>();
        for (org.camunda.bpm.engine.repository.Deployment deployment
                : engine.getRepositoryService().createDeploymentQuery().list()) {
            for (String name : engine.getRepositoryService().getDeploymentResourceNames(deployment.getId())) {
                if (name.endsWith(".form")) {
                    try (InputStream form = engine.getRepositoryService().getResourceAsStream(deployment.getId(), name)) {
                        JsonNode json = new ObjectMapper().readTree(form);
                        assertThat(json.get("type").asText()).isEqualTo("default");
                        assertThat(name).isEqualTo("forms/" + json.get("id").asText() + ".form");
                        ids.add(json.get("id").asText());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return ids;
    }

    private void assertConstantsExist(Class<?> constants, String processKey) throws IllegalAccessException {
        ProcessDefinition process = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(process.getId());
        Set<String> messages = model.getModelElementsByType(Message.class).stream().map(Message::getName)
                .collect(Collectors.toSet());
        for (Field field : constants.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                continue;
            }
            String value = (String) field.get(null);
            if (field.getName().startsWith("MESSAGE_")) {
                assertThat(messages).as(field.getName()).contains(value);
            } else if (!field.getName().equals("KEY") && !field.getName().startsWith("VAR_")) {
                BaseElement element = model.getModelElementById(value);
                assertThat(element).as(field.getName() + " = " + value).isNotNull();
            }
        }
    }
}
