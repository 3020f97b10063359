package fr.subventions.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.DocumentProductionProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A template broken by an edit stops the production of its document with an incident Cockpit shows, on the
 * document-production instance the request started; the request itself moves on, and nothing of its work is lost. Once
 * the template is fixed, a retry produces and files the document.
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
    @Autowired
    Scenarios scenarios;
    @Autowired
    JdbcTemplate jdbc;

    /** The documents attached to the acknowledgement's e-mails written to the outbox for a request. */
    private List<Long> receivedMails(String reference) {
        return jdbc.queryForList("select document_id from mail_outbox where reference = ? and template_name = 'RECEIVED'",
                Long.class, reference);
    }

    @Test
    void brokenTemplateRaisesAnIncidentWhileTheRequestMovesOnAndARetryAfterTheFixFilesIt() throws Exception {
        BpmnAwareTests.init(engine);
        Path template = templates.file(DocumentType.ACKNOWLEDGEMENT);
        byte[] good = templates.template(DocumentType.ACKNOWLEDGEMENT);
        Files.writeString(template, "ceci n'est plus un document Word");
        try {
            SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request();
            ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(SubsidyRequestProcess.KEY)
                    .processInstanceBusinessKey(request.reference()).singleResult();
            ProcessInstance production = runtime.createProcessInstanceQuery()
                    .processDefinitionKey(DocumentProductionProcess.KEY).processInstanceBusinessKey(request.reference())
                    .singleResult();
            Job job = management.createJobQuery().processInstanceId(production.getId()).singleResult();
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException expected) {
                    assertThat(expected).hasMessageContaining("accuse-de-reception");
                }
            }

            Incident incident = runtime.createIncidentQuery().processInstanceId(production.getId()).singleResult();
            assertThat(incident).isNotNull();
            assertThat(incident.getActivityId()).isEqualTo(DocumentProductionProcess.TASK_PRODUCE_DOCUMENT);
            assertThat(incident.getIncidentMessage()).contains("accuse-de-reception");
            assertThat(production).isWaitingAt(DocumentProductionProcess.TASK_PRODUCE_DOCUMENT);
            assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
            SubsidyRequest kept = requests.byId(request.id());
            assertThat(kept.status()).isEqualTo(RequestStatus.SUBMITTED);
            assertThat(kept.requestedAmount()).isEqualByComparingTo("20000");
            assertThat(documents.list(kept)).isEmpty();
            // the acknowledgement's e-mail refers to the document: nothing is written to the outbox without it
            assertThat(receivedMails(request.reference())).isEmpty();

            // the broken template does not hold the request: the officer checks its completeness all the same
            assertThat(instance).isWaitingAt(SubsidyRequestProcess.TASK_CHECK_COMPLETENESS);
            scenarios.fileRepublicanCommitment(request.reference());
            complete(task(instance), withVariables("isComplete", true));
            assertThat(instance).isWaitingAt(SubsidyRequestProcess.TASK_INSTRUCT_REQUEST);
            assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.IN_INSTRUCTION);

            Files.write(template, good);
            management.setJobRetries(job.getId(), 1);
            management.executeJob(job.getId());

            assertThat(runtime.createIncidentQuery().processInstanceId(production.getId()).count()).isZero();
            assertThat(production).isEnded().hasPassed(DocumentProductionProcess.END_DOCUMENT_FILED);
            assertThat(instance).isWaitingAt(SubsidyRequestProcess.TASK_INSTRUCT_REQUEST);
            assertThat(documents.list(requests.byId(request.id()))).extracting(d -> d.type())
                    .contains(DocumentType.ACKNOWLEDGEMENT);
            // the .docx and its PDF/A, which the e-mail carries
            assertThat(documents.list(requests.byId(request.id()))).filteredOn(d -> d.type() == DocumentType.ACKNOWLEDGEMENT)
                    .extracting(d -> d.mediaType()).containsExactly(DocumentType.DOCX, DocumentType.PDF);
            Long acknowledgement = documents.latestPdf(request.id(), null, DocumentType.ACKNOWLEDGEMENT).orElseThrow().id();
            assertThat(receivedMails(request.reference())).containsExactly(acknowledgement);
        } finally {
            Files.write(template, good);
        }
    }
}
