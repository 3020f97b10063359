package fr.subventions.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A template broken by an edit stops the request at its document task, with an incident Cockpit shows, and nothing
 * of the stage's work is lost; once the template is fixed, a retry produces the document and the request goes on.
 */
@ApplicationTest
class BrokenTemplateTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    DocumentService documents;
    @Autowired
    TemplateStore templates;

    @Test
    void brokenTemplateRaisesAnIncidentAndARetryAfterTheFixCarriesOn() throws Exception {
        BpmnAwareTests.init(engine);
        Path template = templates.file(DocumentKind.ACKNOWLEDGEMENT);
        byte[] good = templates.template(DocumentKind.ACKNOWLEDGEMENT);
        Files.writeString(template, "ceci n'est plus un document Word");
        try {
            SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request();
            ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(request.reference())
                    .singleResult();
            Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException expected) {
                    assertThat(expected).hasMessageContaining("accuse-de-reception");
                }
            }

            Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
            assertThat(incident).isNotNull();
            assertThat(incident.getActivityId()).isEqualTo(SubsidyRequestProcess.TASK_GENERATE_ACKNOWLEDGEMENT);
            assertThat(incident.getIncidentMessage()).contains("accuse-de-reception");
            assertThat(instance).isWaitingAt(SubsidyRequestProcess.TASK_GENERATE_ACKNOWLEDGEMENT);
            SubsidyRequest kept = requests.byId(request.id());
            assertThat(kept.status()).isEqualTo(RequestStatus.SUBMITTED);
            assertThat(kept.requestedAmount()).isEqualByComparingTo("20000");
            assertThat(documents.list(kept)).isEmpty();

            Files.write(template, good);
            management.setJobRetries(job.getId(), 1);
            management.executeJob(job.getId());

            assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(instance).hasPassed(SubsidyRequestProcess.TASK_GENERATE_ACKNOWLEDGEMENT)
                    .isWaitingAt(SubsidyRequestProcess.TASK_CHECK_COMPLETENESS);
            assertThat(documents.list(requests.byId(request.id()))).extracting(d -> d.type())
                    .containsExactly(DocumentType.ACKNOWLEDGEMENT);
        } finally {
            Files.write(template, good);
        }
    }
}
