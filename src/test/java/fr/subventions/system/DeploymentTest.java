package fr.subventions.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.subventions.convention.ConventionRules;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What the packaged application deploys and exposes. */
@ApplicationTest
class DeploymentTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    MockMvc mvc;
    @Autowired
    Scenarios scenarios;

    @Test
    void deploysBothProcessesWithTheirFormsAndDecisionTable() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(SubsidyRequestProcess.KEY).count()).isPositive();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(AssemblySessionProcess.KEY).count()).isPositive();
        String deployment = repository.createProcessDefinitionQuery().processDefinitionKey(SubsidyRequestProcess.KEY)
                .latestVersion().singleResult().getDeploymentId();
        // Spring names auto-deployed resources by their location: a path under target/classes, or a URL in the jar
        assertThat(repository.getDeploymentResourceNames(deployment))
                .anyMatch(name -> name.endsWith("forms/check-completeness.form"))
                .anyMatch(name -> name.endsWith("forms/vote-item.form"))
                .anyMatch(name -> name.endsWith("bpmn/bureau-session.bpmn"))
                .anyMatch(name -> name.endsWith("dmn/convention-requirement.dmn"))
                .filteredOn(name -> name.endsWith(".form")).hasSize(15);
    }

    @Test
    void deploysTheConventionDecisionTable() {
        assertThat(repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ConventionRules.DECISION_KEY).latestVersion().singleResult())
                .isNotNull()
                .satisfies(decision -> assertThat(decision.getName()).isEqualTo("Convention obligatoire ?"));
    }

    @Test
    void givesTasklistTheCamundaFormOfATask() throws Exception {
        String reference = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request().reference();
        scenarios.fileDocumentsOf(reference);
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(SubsidyRequestProcess.TASK_CHECK_COMPLETENESS);
        try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"id\": \"check-completeness\"", "Le dossier est complet");
        }
    }

    @Test
    void createsOneTasklistFilterPerGroup(@Autowired FilterService filters) {
        assertThat(filters.createFilterQuery().list()).extracting(f -> f.getName())
                .contains("Instruction", "Secrétariat des assemblées", "Finances", "Demandeurs", "Mes tâches",
                        "Avis à donner");
    }

    @Test
    void doesNotExposeTheEngineRestApi() throws Exception {
        mvc.perform(get("/engine-rest/engine")).andExpect(status().isNotFound());
        mvc.perform(get("/engine-rest/process-definition")).andExpect(status().isNotFound());
    }

    @Test
    void loadsOneDemoUserPerRole() {
        for (String user : new String[] {"demo", "demandeur", "instructeur", "secretariat", "finances"}) {
            assertThat(identity.checkPassword(user, user)).as(user).isTrue();
        }
        assertThat(identity.createUserQuery().memberOfGroup("instructeurs").userId("instructeur").count()).isOne();
        assertThat(identity.createUserQuery().memberOfGroup("secretariat").userId("demo").count()).isOne();
    }
}
