package fr.subventions.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.subventions.submission.DocumentService;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.DocumentProductionProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The application on a host without LibreOffice (its folder set to an empty one): it starts all the same and says
 * once what to install; a document's production then fails with the French message, is retried, and ends as an
 * incident, with nothing filed and no e-mail written. On a database of its own.
 */
@ApplicationTest
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:subventions-without-libreoffice;DB_CLOSE_DELAY=-1",
        "subventions.pdf.office-home=target/no-libreoffice"})
@ExtendWith(OutputCaptureExtension.class)
class WithoutLibreOfficeTest {

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
    PdfRenditions renditions;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void anEmptyFolder() throws IOException {
        Files.createDirectories(Path.of("target", "no-libreoffice"));
    }

    @Test
    void startsSaysSoOnceAndTheDocumentEndsAsAnIncidentWithNothingFiled(CapturedOutput output) {
        BpmnAwareTests.init(engine);
        assertThat(output.getOut().lines().filter(l -> l.contains("LibreOffice not found"))).singleElement().asString()
                .contains("WARN", "PDF/A renditions", "signed acts", "libreoffice-writer-nogui",
                        "subventions.pdf.office-home");
        assertThat(renditions.available()).isFalse();

        SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request();
        ProcessInstance production = runtime.createProcessInstanceQuery()
                .processDefinitionKey(DocumentProductionProcess.KEY).processInstanceBusinessKey(request.reference())
                .singleResult();
        Job job = management.createJobQuery().processInstanceId(production.getId()).singleResult();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                assertThat(expected).hasMessageContaining("LibreOffice est introuvable : le PDF/A ne peut pas être produit");
            }
        }

        Incident incident = runtime.createIncidentQuery().processInstanceId(production.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo(DocumentProductionProcess.TASK_PRODUCE_DOCUMENT);
        assertThat(incident.getIncidentMessage()).startsWith("LibreOffice est introuvable");
        assertThat(production).isWaitingAt(DocumentProductionProcess.TASK_PRODUCE_DOCUMENT);
        SubsidyRequest kept = requests.byId(request.id());
        assertThat(kept.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(documents.list(kept)).as("neither the .docx nor its PDF").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where reference = ? and template_name = 'RECEIVED'", Integer.class,
                request.reference())).as("no e-mail refers to a document not filed").isZero();
    }
}
