package fr.subventions.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.SessionService;
import fr.subventions.consultation.OpinionQuestion;
import fr.subventions.consultation.OpinionService;
import fr.subventions.consultation.Recipient;
import fr.subventions.shared.Caller;
import fr.subventions.submission.LegalForm;
import fr.subventions.submission.SubmitRequest;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every user task of every process, as Tasklist lists it: named after its request (reference and applicant) or its
 * séance, described, with the summary its form opens with — while the process itself still holds only ids. Each
 * user task of a diagram is reached alone by starting the process before it, with the ids it would carry.
 */
@ApplicationTest
class TaskNamesTest {

    static final String APPLICANT = "Association OF du Numérique";
    static final String LINE = "2025-65-65748-90-DEVECO";
    static final String SESSION = "Bureau métropolitain du jeudi 16 octobre 2025";

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    RepositoryService repository;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    SessionService sessions;
    @Autowired
    Agenda agenda;
    @Autowired
    Scenarios scenarios;
    @Autowired
    OpenTaskNames openTasks;
    @Autowired
    TaskCompleter completer;
    @Autowired
    Clock clock;
    @Autowired
    OpinionService opinions;

    @Test
    void everyTaskOfARequestAndOfItsPaymentNamesTheRequest() {
        // each task at a stage its timers can read: the missing documents' deadline of an incomplete request; the
        // convention and payment schedule of a granted one
        // (of this fiscal year, whose financial report is still to come)
        int year = Year.now(clock).getValue();
        SubsidyRequest incomplete = requests.submit(SeedRequests.ofNumerique(year), Scenarios.APPLICANT, null).request();
        completer.complete(SubsidyRequestProcess.KEY, incomplete.reference(), SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                Map.of("isComplete", false, "missing", "RIB"), "instructeur", "complétude");
        SubsidyRequest granted = scenarios.instructedRequest(SeedRequests.ofNumerique(year), year + "-65-65748-90-DEVECO",
                20000);
        requests.placeOnAgenda(granted.id(), SESSION, "secretariat");
        requests.recordVote(granted.id(), VoteDecision.ADOPTED, SESSION, "secretariat");
        scenarios.fileDocumentsOf(granted.reference());
        // executory, as the register of acts records it: its signatures may open (CGCT L2131-1)
        scenarios.executoryWithoutSeance(granted.reference());
        List<String> seen = new ArrayList<>();
        for (String process : List.of(SubsidyRequestProcess.KEY, SubsidyPaymentProcess.KEY)) {
            for (UserTask userTask : userTasks(process)) {
                SubsidyRequest request = userTask.getId().equals(SubsidyRequestProcess.TASK_SUPPLY_MISSING_DOCUMENTS)
                        ? incomplete : granted;
                Task task = alone(process, userTask.getId(), Map.of(SubsidyRequestProcess.VAR_REQUEST_ID, request.id()), null);
                assertThat(task.getName()).as(userTask.getId())
                        .isEqualTo(userTask.getName() + " " + request.reference() + " — " + APPLICANT);
                assertThat(task.getDescription()).as(userTask.getId())
                        .startsWith("Demande " + request.reference() + " — " + APPLICANT + "\n")
                        .contains("Demandeur : " + APPLICANT + " (association), SIRET 732 829 320 00074, SIREN 732 829 320, "
                                + "RNA W212001234", "Projet : " + request.title(),
                                "Montant demandé : 20\u202f000\u00a0€ sur un budget de 72\u202f000\u00a0€ (27,8\u00a0%)",
                                "Cofinancement : NUMEUM France 10\u202f000\u00a0€ (13,9\u00a0%) ; Autofinancement "
                                        + "42\u202f000\u00a0€ (58,3\u00a0%)");
                if (request == granted) {
                    assertThat(task.getDescription()).as(userTask.getId()).contains("Montant proposé : 20\u202f000\u00a0€",
                            "Montant accordé : 20\u202f000\u00a0€", "Étape : En attente des signatures de la convention");
                } else {
                    assertThat(task.getDescription()).contains("Étape : Incomplète").doesNotContain("Montant proposé");
                }
                assertThat((String) tasks.getVariableLocal(task.getId(), TaskSubject.VAR_SUMMARY)).as(userTask.getId())
                        .startsWith("### Demande SUB\\-" + year + "\\-").contains(" — " + APPLICANT)
                        .contains("- **Projet :** ");
                // the process holds the id it was given, nothing more
                assertThat(runtime.getVariables(task.getProcessInstanceId())).as(userTask.getId())
                        .containsOnlyKeys(SubsidyRequestProcess.VAR_REQUEST_ID);
                seen.add(userTask.getId());
                runtime.deleteProcessInstance(task.getProcessInstanceId(), "test", true, true);
            }
        }
        assertThat(seen).contains(SubsidyRequestProcess.TASK_CHECK_COMPLETENESS, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST,
                SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY, SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT,
                SubsidyRequestProcess.TASK_IMPUTE_BUDGET, SubsidyRequestProcess.TASK_FOLLOW_UP_SIGNATURE,
                SubsidyRequestProcess.TASK_CLOSE_REQUEST, SubsidyRequestProcess.TASK_SUPPLY_MISSING_DOCUMENTS,
                SubsidyPaymentProcess.TASK_PAY_FIRST, SubsidyPaymentProcess.TASK_SUBMIT_FINANCIAL_REPORT,
                SubsidyPaymentProcess.TASK_PAY_BALANCE);
    }

    @Test
    void aRequestsOwnTaskIsNamedAsItsProcessCreatesItAndFollowsItsStages() {
        SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request();
        Task completeness = tasks.createTaskQuery().processInstanceBusinessKey(request.reference())
                .taskDefinitionKey(SubsidyRequestProcess.TASK_CHECK_COMPLETENESS).singleResult();
        assertThat(completeness.getName()).isEqualTo("Vérifier la complétude " + request.reference() + " — " + APPLICANT);

        SubsidyRequest instructed = scenarios.instructedRequest(SeedRequests.ofNumerique(2025), LINE, 20000);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(instructed.reference()).count()).isZero();
        // the stage and the amounts as they stand when the task is created
        Task agenda = alone(SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_CLOSE_REQUEST,
                Map.of(SubsidyRequestProcess.VAR_REQUEST_ID, instructed.id()), null);
        assertThat(agenda.getDescription()).contains("Montant proposé : 20\u202f000\u00a0€",
                "Étape : En attente d'inscription à l'ordre du jour").doesNotContain("Montant accordé");
        runtime.deleteProcessInstance(agenda.getProcessInstanceId(), "test", true, true);
    }

    @Test
    void everyTaskOfASeanceNamesTheSeanceAndAVoteItsItem() {
        SubsidyRequest request = scenarios.instructedRequest(SeedRequests.ofNumerique(2025), LINE, 20000);
        AssemblySession session = sessions.create(new CreateSession(AssemblyBody.BUREAU, LocalDate.of(2025, 10, 16),
                "Salle des séances", scenarios.bureauMember("REBSAMEN").id(), scenarios.bureauMember("HOAREAU").id(),
                LocalDate.of(2025, 10, 6)));
        Task agenda = tasks.createTaskQuery().processInstanceBusinessKey(SessionService.businessKey(session.id()))
                .singleResult();
        assertThat(agenda.getName()).isEqualTo("Arrêter l'ordre du jour — " + SESSION);
        assertThat(agenda.getDescription()).isEqualTo(SESSION + """

                Lieu : Salle des séances
                Président : Monsieur François REBSAMEN
                Secrétaire : Monsieur Antoine HOAREAU
                Convocation : envoyée le 6 octobre 2025
                État : en préparation""");
        this.agenda.addToAgenda(session.id(), List.of(request.reference()), "secretariat");
        sessions.convene(session.id(), "secretariat");
        Long item = this.agenda.agendaItemIds(session.id()).get(0);

        Map<String, Object> ids = Map.of(AssemblySessionProcess.VAR_SESSION_ID, session.id());
        for (UserTask userTask : userTasks(AssemblySessionProcess.KEY)) {
            boolean vote = userTask.getId().equals(AssemblySessionProcess.TASK_VOTE_ITEM);
            Task task = alone(AssemblySessionProcess.KEY, userTask.getId(), ids,
                    vote ? Map.of(AssemblySessionProcess.VAR_AGENDA_ITEM_ID, item) : null);
            if (vote) {
                assertThat(task.getName()).isEqualTo("Voter le point n° 1 : " + request.reference() + " — " + APPLICANT
                        + " (" + SESSION + ")");
                assertThat((String) tasks.getVariableLocal(task.getId(), TaskSubject.VAR_SUMMARY))
                        .startsWith("### Point n° 1 \\: SUB\\-2025\\-")
                        .contains("- **Séance :** ", "- **Montant proposé :** 20\u202f000\u00a0€",
                                "- [Dossier de la demande SUB\\-2025\\-", "](/gestion/demandes/" + request.reference() + ")");
            } else {
                assertThat(task.getName()).as(userTask.getId()).isEqualTo(userTask.getName() + " — " + SESSION);
                assertThat(task.getDescription()).as(userTask.getId()).endsWith("""
                        Ordre du jour : 1 point(s)
                        État : convoquée, ordre du jour arrêté""");
            }
            runtime.deleteProcessInstance(task.getProcessInstanceId(), "test", true, true);
        }
    }

    @Test
    void anOpinionsTaskNamesItsRequestAndSaysTheQuestion() {
        SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request();
        opinions.ask(request.reference(), new OpinionQuestion(List.of(new OpinionQuestion.Asked(Recipient.group(
                Caller.FINANCE), "group")), "group", "Le budget <b>tient-il</b> ?", LocalDate.now(clock).plusDays(5), true,
                List.of(), List.of()), new Caller("instructeur", Set.of(Caller.OFFICERS)));
        Task task = tasks.createTaskQuery().processDefinitionKey(ServiceOpinionProcess.KEY)
                .processInstanceBusinessKey(request.reference()).singleResult();

        assertThat(task.getName()).isEqualTo("Donner un avis " + request.reference() + " — " + APPLICANT);
        assertThat(task.getDescription()).startsWith("Avis demandé sur la demande " + request.reference() + " — " + APPLICANT)
                .contains("Question : Le budget <b>tient-il</b> ?", "Demandé à : Direction des finances",
                        "Demandé par : Claire Instructrice", "Confidentialité : avis confidentiel");
        assertThat((String) tasks.getVariableLocal(task.getId(), TaskSubject.VAR_SUMMARY))
                .contains("- **Question :** Le budget \\<b\\>tient\\-il\\<\\/b\\> \\?").doesNotContain("<b>");
        assertThat(runtime.getVariables(task.getProcessInstanceId())).containsOnlyKeys(ServiceOpinionProcess.VAR_OPINION_ID,
                ServiceOpinionProcess.VAR_REQUEST_ID);
    }

    @Test
    void whatTheApplicantTypedShowsAsTypedInTheForm() {
        String name = "Association <b>Gras</b> [piège](https://exemple.invalid) & *Cie*";
        SubmitRequest filed = SeedRequests.of(new SeedRequests.Beneficiary(name, SeedRequests.SIRET, "W212001234",
                LegalForm.ASSOCIATION), 2025, new BigDecimal("5000"));
        SubsidyRequest request = requests.submit(filed, Scenarios.APPLICANT, null).request();
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult();

        assertThat(task.getName()).isEqualTo("Vérifier la complétude " + request.reference() + " — " + name);
        assertThat((String) tasks.getVariableLocal(task.getId(), TaskSubject.VAR_SUMMARY))
                .contains("Association \\<b\\>Gras\\<\\/b\\> \\[piège\\]\\(https\\:\\/\\/exemple\\.invalid\\) \\& \\*Cie\\*")
                .doesNotContain("<b>", "[piège](");
    }

    @Nested
    class OpenTasksOfAnEarlierVersion {

        @Test
        void areNamedAtTheNextStart() {
            SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request();
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult();
            // as the previous version left it: the stage's name, no description, no summary
            task.setName("Vérifier la complétude");
            task.setDescription(null);
            tasks.saveTask(task);
            tasks.removeVariableLocal(task.getId(), TaskSubject.VAR_SUMMARY);

            assertThat(openTasks.nameUnnamed()).isPositive();

            Task named = tasks.createTaskQuery().taskId(task.getId()).singleResult();
            assertThat(named.getName()).isEqualTo("Vérifier la complétude " + request.reference() + " — " + APPLICANT);
            assertThat(named.getDescription()).startsWith("Demande " + request.reference());
            assertThat(tasks.getVariableLocal(task.getId(), TaskSubject.VAR_SUMMARY)).isNotNull();
            assertThat(openTasks.nameUnnamed()).as("nothing left to name").isZero();
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The user tasks of the latest version of a process. */
    private Collection<UserTask> userTasks(String process) {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(process).latestVersion()
                .singleResult().getId();
        Collection<UserTask> userTasks = repository.getBpmnModelInstance(definition).getModelElementsByType(UserTask.class);
        assertThat(userTasks).as(process).isNotEmpty();
        return userTasks;
    }

    /**
     * The process started right before one of its user tasks, with the ids it carries there, the model's own listeners
     * skipped (they would act on the request): the task as Tasklist gets it.
     */
    private Task alone(String process, String userTask, Map<String, Object> variables, Map<String, Object> local) {
        var start = runtime.createProcessInstanceByKey(process).setVariables(variables).startBeforeActivity(userTask);
        if (local != null) {
            start.setVariablesLocal(local);
        }
        ProcessInstance instance = start.execute(true, true);
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }
}
