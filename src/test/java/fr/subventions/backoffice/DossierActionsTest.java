package fr.subventions.backoffice;

import static fr.subventions.support.DemoUsers.as;
import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import fr.subventions.budget.BudgetImport;
import fr.subventions.budget.BudgetLine;
import fr.subventions.budget.BudgetService;
import fr.subventions.budget.Commitment;
import fr.subventions.budget.Reservation;
import fr.subventions.payment.Payment;
import fr.subventions.payment.PaymentService;
import fr.subventions.shared.Caller;
import fr.subventions.shared.Money;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Refusals;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.SubsidyPaymentProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.HtmlUtils;

/**
 * The dossier page's current action, as staff use it: an officer takes the completeness check, ticks the documents
 * received and asks for the missing ones, or declares the request complete and instructs it with split funding; the
 * secretariat records the President's signature and closes; finance commits the grant and records the payment. Each
 * form completes the same task as the API; a refused one comes back with its messages under its fields and nothing
 * written; a task taken by a colleague is theirs.
 */
@ApplicationTest
class DossierActionsTest {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final String OTHER_OFFICER = "instructeur2";

    @Autowired
    MockMvc mvc;
    @Autowired
    Scenarios scenarios;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    DocumentService documents;
    @Autowired
    BudgetService budget;
    @Autowired
    PaymentService payments;
    @Autowired
    TaskCompleter tasks;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identity;
    @Autowired
    Refusals refusals;
    @Autowired
    MutableClock clock;
    @Autowired
    ApiJourney api;
    @Autowired
    BudgetImport budgetImport;

    int year;
    String devEco;
    String ecoUrb;

    /**
     * This year's lines of this test's own (service codes of their own), so that the credits other tests of the shared
     * application reserve on the demo's lines never run them short; imported as finance imports them (idempotent).
     */
    @BeforeEach
    void linesOfItsOwnAndASecondOfficer() {
        clock.reset();
        year = Year.now(clock).getValue();
        devEco = BudgetLine.codeOf(year, "65", "65748", "90", "ACTIONSDEV");
        ecoUrb = BudgetLine.codeOf(year, "65", "65748", "76", "ACTIONSURB");
        String lines = ApiJourney.IMPORT_HEADER + "\n"
                + year + ";65;65748;90;Développement économique;ACTIONSDEV;Subventions (tests du dossier);500000\n"
                + year + ";65;65748;76;Écologie urbaine;ACTIONSURB;Subventions (tests du dossier);300000\n";
        budgetImport.importFile("budget-" + year + ".csv", lines.getBytes(StandardCharsets.UTF_8),
                "finances");
        DemoUsers.ensure(identity, OTHER_OFFICER, "Karim", "Second", Caller.OFFICERS);
    }

    // ------------------------------------------------------------------------------------------ completeness

    @Test
    void anOfficerTakesTheCheckTicksTheDocumentsReceivedAndAsksForTheMissingOnes() throws Exception {
        String reference = submitted();
        documents.upload(reference, DocumentType.STATUTS, "statuts.pdf", Scenarios.PDF, Scenarios.APPLICANT);
        MockHttpSession officer = login(mvc, "instructeur");

        String page = page(officer, reference);
        LocalDate deadline = LocalDate.now(clock).plusDays(30);
        // the stage's name: the page's title already names the request
        assertThat(page).contains("Action en cours : Vérifier la complétude</h2>", "Personne n'a encore pris cette tâche",
                "id=\"prendre\"", "(le demandeur aura jusqu'au " + DAY.format(deadline), "statuts.pdf, déposé le ");
        assertThat(checkbox(page, "recue-STATUTS")).contains("checked");
        assertThat(checkbox(page, "recue-CONTRAT_ENGAGEMENT_REPUBLICAIN")).contains("checked");
        assertThat(checkbox(page, "recue-RIB")).doesNotContain("checked");

        MockHttpServletResponse taken = send(officer, reference, "prise", "etape", "completude");
        assertThat(taken.getRedirectedUrl()).isEqualTo("/gestion/demandes/" + reference);
        assertThat(task(reference).getAssignee()).isEqualTo("instructeur");
        assertThat(page(officer, reference)).contains("Vous avez pris cette tâche", "id=\"liberer\"")
                .doesNotContain("id=\"prendre\"");

        MockHttpServletResponse done = send(officer, reference, "completude", "recue-STATUTS", "on",
                "recue-CONTRAT_ENGAGEMENT_REPUBLICAIN", "on", "missing", "Attestation d'assurance\n", "complete", "false",
                "comment", "Merci de compléter le dossier.");
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).isEqualTo("/gestion/demandes/" + reference);
        SubsidyRequest request = requests.byReference(reference);
        assertThat(request.status()).isEqualTo(RequestStatus.INCOMPLETE);
        assertThat(request.missingItems()).containsExactly("Relevé d'identité bancaire", "Budget prévisionnel de l'action",
                "Comptes du dernier exercice clos", "Rapport d'activité", "Attestation d'assurance");
        assertThat(request.missingItemsDue()).isEqualTo(deadline);
        // now the applicant's turn: no staff action on the page
        scenarios.fileDocumentsOf(reference);
        assertThat(page(officer, reference)).contains("Aucune action du personnel n'est attendue",
                "Transmettre les pièces manquantes").doesNotContain("id=\"form-completude\"");
    }

    @Test
    void anOfficerDeclaresTheRequestCompleteThenInstructsItWithSplitFundingOverTwoLines() throws Exception {
        String reference = submitted();
        MockHttpSession officer = login(mvc, "instructeur");
        assertThat(send(officer, reference, "completude", "complete", "true").getStatus()).isEqualTo(302);
        assertThat(requests.byReference(reference).status()).isEqualTo(RequestStatus.IN_INSTRUCTION);

        String page = page(officer, reference);
        assertThat(page).contains("Action en cours : Instruire la demande", "id=\"form-instruction\"",
                "id=\"montant-" + devEco + "\"", "id=\"montant-" + ecoUrb + "\"",
                Money.format(line(devEco).available()), Money.format(line(ecoUrb).available()))
                .doesNotContain("CODE = montant");

        // the preview lays the report out as the extract will, and records nothing
        Map<String, Object> before = refusals.fingerprint();
        MvcResult preview = mvc.perform(post("/gestion/demandes/" + reference + "/instruction").session(officer)
                .with(csrf()).param("apercu", "oui").param("opinion", "FAVORABLE")
                .param("proposedAmount", "3000").param("report", "  Premier paragraphe de l'exposé.  \n\n\nSecond paragraphe.\n"))
                .andReturn();
        assertThat(preview.getResponse().getStatus()).isEqualTo(200);
        assertThat(text(preview.getResponse()))
                .contains("<p>Premier paragraphe de l'exposé.</p><p>Second paragraphe.</p>",
                        "OBJET : " + SeedRequests.THEME, "value=\"3000\"");
        assertThat(Refusals.changes(before, refusals.fingerprint())).isEmpty();

        BigDecimal devEcoReserved = line(devEco).reserved();
        BigDecimal ecoUrbReserved = line(ecoUrb).reserved();
        MockHttpServletResponse done = send(officer, reference, "instruction", "opinion", "FAVORABLE",
                "proposedAmount", "3 000", "montant-" + devEco, "1 000", "montant-" + ecoUrb, "2000,00",
                "report", "L'action répond aux objectifs de la Métropole.\nAvis favorable.");
        assertThat(done.getStatus()).as(done.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        SubsidyRequest request = requests.byReference(reference);
        assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_AGENDA);
        assertThat(request.proposedAmount()).isEqualByComparingTo("3000");
        assertThat(request.report()).isEqualTo("L'action répond aux objectifs de la Métropole.\nAvis favorable.");
        assertThat(budget.reservationsOf(request.id()).stream().filter(Reservation::active)
                .map(r -> r.line().code() + " " + r.amount().stripTrailingZeros().toPlainString()))
                .containsExactlyInAnyOrder(devEco + " 1000", ecoUrb + " 2000");
        assertThat(line(devEco).reserved()).isEqualByComparingTo(devEcoReserved.add(new BigDecimal("1000")));
        assertThat(line(ecoUrb).reserved()).isEqualByComparingTo(ecoUrbReserved.add(new BigDecimal("2000")));
    }

    // ------------------------------------------------------------------------------------------ secretariat, finance

    @Test
    void theSecretariatRecordsThePresidentsSignatureFinanceCommitsAndPaysAndTheSecretariatCloses() throws Exception {
        String reference = beneficiarySigned(3000);
        MockHttpSession secretariat = login(mvc, "secretariat");
        assertThat(page(secretariat, reference)).contains("Action en cours : Signature du Président", "id=\"form-signature\"");
        MockHttpServletResponse signed = send(secretariat, reference, "signature", "signedBy", "François Rebsamen",
                "signedOn", LocalDate.now(clock).toString());
        assertThat(signed.getStatus()).as(signed.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        scenarios.fileDocumentsOf(reference);
        assertThat(requests.byReference(reference).status()).isEqualTo(RequestStatus.AWAITING_IMPUTATION);

        // finance: the instruction's split is proposed, with the credits available to this request
        MockHttpSession finance = login(mvc, "finances");
        String page = page(finance, reference);
        assertThat(page).contains("Action en cours : Engager les crédits", "id=\"form-engagement\"");
        assertThat(input(page, "montant-" + devEco)).contains("value=\"1000\"");
        assertThat(input(page, "montant-" + ecoUrb)).contains("value=\"2000\"");
        MockHttpServletResponse committed = send(finance, reference, "engagement", "montant-" + devEco, "1000",
                "montant-" + ecoUrb, "2000");
        assertThat(committed.getStatus()).as(committed.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        scenarios.fileDocumentsOf(reference);
        SubsidyRequest request = requests.byReference(reference);
        assertThat(budget.commitmentsOf(request.id())).extracting(c -> c.line().code()).containsExactly(devEco, ecoUrb);
        assertThat(budget.commitmentsOf(request.id())).map(Commitment::engagementNumber).allMatch(n -> n.startsWith("ENG-" + year));
        assertThat(tasks.isWaitingAt(SubsidyPaymentProcess.KEY, reference, SubsidyPaymentProcess.TASK_PAY_FIRST)).isTrue();

        // the payment due, from the schedule; above it, what was committed
        page = page(finance, reference);
        assertThat(page).contains("Crédits engagés : " + budget.commitmentsOf(request.id()).get(0).engagementNumber()
                + " sur la ligne " + devEco + " (" + Money.format(new BigDecimal("1000")) + ")");
        assertThat(page).contains("Action en cours : Verser la subvention ou son avance", "Versement dû",
                "Versement unique de " + Money.format(new BigDecimal("3000")), "id=\"paidOn\"");
        MockHttpServletResponse paid = send(finance, reference, "versement", "paidOn", LocalDate.now(clock).toString(),
                "mandateReference", "M-" + year + "-0042");
        assertThat(paid.getStatus()).as(paid.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        scenarios.fileDocumentsOf(reference);
        assertThat(payments.schedule(request.id()).payments()).extracting(Payment::mandateReference)
                .containsExactly("M-" + year + "-0042");
        assertThat(page(finance, reference)).contains("Versement enregistré : versement unique de "
                + Money.format(new BigDecimal("3000")) + ", mandat n° M-" + year + "-0042.");

        // closing
        assertThat(page(secretariat, reference)).contains("Action en cours : Clôturer la demande", "id=\"cloturer\"");
        assertThat(send(secretariat, reference, "cloture").getStatus()).isEqualTo(302);
        scenarios.fileDocumentsOf(reference);
        assertThat(requests.byReference(reference).status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(page(secretariat, reference)).contains("Aucune action du personnel n'est attendue");
    }

    // ------------------------------------------------------------------------------------------ refusals

    @Nested
    class ARefusedForm {

        @Test
        void aSplitThatDoesNotAddUpComesBackWithTheMessageUnderTheTableAndTheValuesSent() throws Exception {
            String reference = inInstruction();
            MockHttpSession officer = login(mvc, "instructeur");
            String page = refusedPage(officer, reference, "instruction", 400, "opinion", "FAVORABLE",
                    "proposedAmount", "3000", "montant-" + devEco, "1000", "report", "Un rapport.");
            assertThat(page).contains("id=\"err-budgetLines\"", "la somme des lignes (" + Money.format(new BigDecimal("1000"))
                    + ") doit être égale au montant de " + Money.format(new BigDecimal("3000")),
                    "L'action n'a pas été enregistrée", ">Un rapport.</textarea>");
            // the sum has no field of its own: the summary's link leads to the first line given an amount
            assertThat(page).contains("href=\"#montant-" + devEco + "\"").doesNotContain("href=\"#budgetLines\"");
            assertThat(input(page, "montant-" + devEco)).contains("value=\"1000\"");
            assertThat(input(page, "proposedAmount")).contains("value=\"3000\"", "aria-invalid=\"false\"");
        }

        @Test
        void eachMessageGoesUnderItsOwnField() throws Exception {
            String reference = inInstruction();
            MockHttpSession officer = login(mvc, "instructeur");
            String page = refusedPage(officer, reference, "instruction", 400, "opinion", "FAVORABLE",
                    "proposedAmount", "999999", "montant-" + devEco, "douze", "report", "");
            assertThat(page).contains("id=\"err-montant-" + devEco + "\"", "montant illisible");
            assertThat(input(page, "montant-" + devEco)).contains("aria-invalid=\"true\"",
                    "aria-describedby=\"err-montant-" + devEco + "\"");

            page = refusedPage(officer, reference, "instruction", 400, "opinion", "FAVORABLE", "proposedAmount", "999999",
                    "montant-" + devEco, "999999", "report", "");
            assertThat(page).contains("id=\"err-proposedAmount\"", "dépasse le montant demandé", "id=\"err-report\"",
                    "le rapport d'instruction est obligatoire");
            assertThat(input(page, "proposedAmount")).contains("aria-describedby=\"aide-proposedAmount err-proposedAmount\"");
        }

        @Test
        void aCompletenessWithoutDecisionOrWithControlCharactersComesBack() throws Exception {
            String reference = submitted();
            MockHttpSession officer = login(mvc, "instructeur");
            assertThat(refusedPage(officer, reference, "completude", 400, "missing", "RIB"))
                    .contains("id=\"err-complete\"", "indiquez si le dossier est complet ou incomplet", ">RIB</textarea>");
            assertThat(refusedPage(officer, reference, "completude", 400, "complete", "false", "recue-STATUTS", "on",
                    "recue-RIB", "on", "recue-BUDGET_PREVISIONNEL", "on", "recue-COMPTES", "on", "recue-RAPPORT_ACTIVITE", "on",
                    "recue-CONTRAT_ENGAGEMENT_REPUBLICAIN", "on", "comment", "bip\u202Ebop"))
                    .contains("id=\"err-missing\"", "indiquez au moins une pièce manquante", "id=\"err-comment\"",
                            "caractères de contrôle ou invisibles interdits (U+202E)");
        }

        @Test
        void aPaymentWithoutItsMandateComesBack() throws Exception {
            String reference = awaitingPayment(2000);
            MockHttpSession finance = login(mvc, "finances");
            String page = refusedPage(finance, reference, "versement", 400, "paidOn", "2099-01-01", "mandateReference", "");
            assertThat(page).contains("id=\"err-paidOn\"", "la date du versement ne peut être future",
                    "id=\"err-mandateReference\"", "le numéro du mandat de paiement est obligatoire");
            assertThat(refusedPage(finance, reference, "versement", 400, "paidOn", "30/02/2026", "mandateReference", "M-1")).contains("id=\"err-paidOn\"", "date invalide");
        }

        @Test
        void aFormOfAnotherStageIsTold409WhereTheRequestIs() throws Exception {
            String reference = submitted();
            String page = refusedPage(login(mvc, "instructeur"), reference, "instruction", 409, "opinion", "UNFAVORABLE",
                    "report", "Hors compétence.");
            assertThat(page).contains("role=\"alert\"", "n'est pas à l'étape « instruction »",
                    "elle est à l'étape « Vérifier la complétude »", "id=\"form-completude\"");
        }

        @Test
        void eachFormIsForItsGroupAndForStaffOnly() throws Exception {
            String reference = submitted();
            Map<String, Object> before = refusals.fingerprint();
            assertThat(send(login(mvc, "finances"), reference, "completude", "complete", "true").getStatus()).isEqualTo(403);
            assertThat(send(login(mvc, "secretariat"), reference, "instruction", "opinion", "UNFAVORABLE").getStatus()).isEqualTo(403);
            assertThat(send(login(mvc, "instructeur"), reference, "engagement").getStatus()).isEqualTo(403);
            assertThat(send(login(mvc, "demandeur"), reference, "prise", "etape", "completude").getStatus()).isEqualTo(403);
            // taking a task offered to another group
            assertThat(send(login(mvc, "finances"), reference, "prise", "etape", "completude").getStatus()).isEqualTo(403);
            assertThat(Refusals.changes(before, refusals.fingerprint())).isEmpty();
            // and the page of another group's step shows it without its form
            assertThat(page(login(mvc, "finances"), reference)).contains("Cette étape revient aux instructeurs")
                    .doesNotContain("id=\"form-completude\"", "id=\"prendre\"");
        }
    }

    // ------------------------------------------------------------------------------------------ who has the task

    @Nested
    class ATaskTakenByAColleague {

        @Test
        void isCompletedByNobodyElseThroughThePagesOrTheApi() throws Exception {
            String reference = submitted();
            MockHttpSession claire = login(mvc, "instructeur");
            MockHttpSession karim = login(mvc, OTHER_OFFICER);
            assertThat(send(claire, reference, "prise", "etape", "completude").getStatus()).isEqualTo(302);

            String page = page(karim, reference);
            assertThat(page).contains("Prise par", "Claire Instructrice (instructeur)",
                    "Seule la personne qui a pris cette tâche peut la traiter").doesNotContain("id=\"form-completude\"",
                    "id=\"prendre\"", "id=\"liberer\"");
            String refused = refusedPage(karim, reference, "completude", 409, "complete", "true");
            assertThat(refused).contains("Cette tâche est prise par Claire Instructrice (instructeur)");
            assertThat(refusedPage(karim, reference, "prise", 409, "etape", "completude"))
                    .contains("Cette tâche est prise par Claire Instructrice (instructeur)");

            JsonNode problem = refusals.refused(post("/api/requests/" + reference + "/completeness")
                    .with(as(OTHER_OFFICER)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"complete\": true}"), 409);
            assertThat(problem.path("detail").asText()).startsWith("Cette tâche est prise par Claire Instructrice (instructeur)");

            // its holder completes it
            api.complete(reference);
            assertThat(requests.byReference(reference).status()).isEqualTo(RequestStatus.IN_INSTRUCTION);
        }

        @Test
        void isReleasedByItsHolderOrAnAdministratorOnly() throws Exception {
            String reference = submitted();
            MockHttpSession claire = login(mvc, "instructeur");
            send(claire, reference, "prise", "etape", "completude");

            assertThat(refusedPage(login(mvc, OTHER_OFFICER), reference, "liberation", 409, "etape", "completude"))
                    .contains("seul qui l'a prise, ou un administrateur, peut la libérer");
            assertThat(send(claire, reference, "liberation", "etape", "completude").getStatus()).isEqualTo(302);
            assertThat(task(reference).getAssignee()).isNull();
            assertThat(refusedPage(claire, reference, "liberation", 409, "etape", "completude")).contains("Cette tâche n'est prise par personne");

            send(claire, reference, "prise", "etape", "completude");
            assertThat(send(login(mvc, "demo"), reference, "liberation", "etape", "completude").getStatus()).isEqualTo(302);
            assertThat(task(reference).getAssignee()).isNull();
        }

        @Test
        void isGivenByAnAdministratorToAnotherOfficerOfItsGroup() throws Exception {
            String reference = submitted();
            send(login(mvc, "instructeur"), reference, "prise", "etape", "completude");
            MockHttpSession admin = login(mvc, "demo");
            String page = page(admin, reference);
            assertThat(page).contains("id=\"form-attribution\"", "Karim Second (instructeur2)");

            MockHttpServletResponse given = send(admin, reference, "attribution", "etape", "completude", "assignee", OTHER_OFFICER);
            assertThat(given.getStatus()).isEqualTo(302);
            assertThat(task(reference).getAssignee()).isEqualTo(OTHER_OFFICER);
            assertThat(page(login(mvc, OTHER_OFFICER), reference)).contains("Vous avez pris cette tâche", "id=\"form-completude\"");

            // to someone outside the task's group: refused, under the field
            assertThat(refusedPage(admin, reference, "attribution", 400, "etape", "completude", "assignee", "finances")).contains("id=\"err-assignee\"", "choisissez un membre du groupe « instructeurs »");
            // by someone who is no administrator
            assertThat(send(login(mvc, "instructeur"), reference, "attribution", "etape", "completude", "assignee", "instructeur")
                    .getStatus()).isEqualTo(403);
            assertThat(task(reference).getAssignee()).isEqualTo(OTHER_OFFICER);
        }
    }

    // ------------------------------------------------------------------------------------------ fixtures

    /** A new association's request of the test's fiscal year, its Contrat d'Engagement Républicain filed: at the completeness check. */
    String submitted() {
        SubsidyRequest request = requests.submit(SeedRequests.of(SeedRequests.Beneficiary.newAssociation(), year,
                new BigDecimal("3000")), Scenarios.APPLICANT, null).request();
        scenarios.fileRepublicanCommitment(request.reference());
        scenarios.fileDocumentsOf(request.reference());
        return request.reference();
    }

    String inInstruction() {
        String reference = submitted();
        tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                Map.of("isComplete", true), "instructeur", "complétude");
        return reference;
    }

    /**
     * Instructed for {@code amount} € split a third, two thirds over two lines, adopted (a vote recorded without a
     * séance, made executory as the register of acts would), signed by the beneficiary.
     */
    String beneficiarySigned(int amount) {
        String reference = inInstruction();
        int first = amount / 3;
        tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST, Map.of(
                "opinion", "FAVORABLE", "proposedAmount", amount, "budgetLines", List.of(devEco + " = " + first,
                        ecoUrb + " = " + (amount - first)), "report", "Rapport d'instruction."), "instructeur", "instruction");
        scenarios.fileDocumentsOf(reference);
        Long id = requests.byReference(reference).id();
        String session = "Bureau métropolitain";
        requests.placeOnAgenda(id, session, "secretariat");
        requests.recordVote(id, VoteDecision.ADOPTED, session, "secretariat");
        scenarios.fileDocumentsOf(reference);
        scenarios.executoryWithoutSeance(reference);
        tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY,
                Map.of("signedBy", "Jeanne Martin", "signedOn", LocalDate.now(clock).toString()), "demandeur", "signature");
        return reference;
    }

    String awaitingPayment(int amount) {
        String reference = beneficiarySigned(amount);
        int first = amount / 3;
        tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT,
                Map.of("signedBy", "François Rebsamen", "signedOn", LocalDate.now(clock).toString()), "secretariat", "signature");
        tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_IMPUTE_BUDGET,
                Map.of("lines", List.of(devEco + " = " + first, ecoUrb + " = " + (amount - first))), "finances", "engagement");
        scenarios.fileDocumentsOf(reference);
        assertThat(tasks.isWaitingAt(SubsidyPaymentProcess.KEY, reference, SubsidyPaymentProcess.TASK_PAY_FIRST)).isTrue();
        return reference;
    }

    BudgetLine line(String code) {
        return budget.lines(year).stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    Task task(String reference) {
        return taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(SubsidyRequestProcess.KEY).singleResult();
    }

    // ------------------------------------------------------------------------------------------ pages

    String page(MockHttpSession session, String reference) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/gestion/demandes/" + reference).session(session)).andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return text(response);
    }

    /** Posts one of the dossier's action forms: field, value, field, value… */
    MockHttpServletResponse send(MockHttpSession session, String reference, String action, String... fields) throws Exception {
        var call = MockMvcRequestBuilders
                .post("/gestion/demandes/" + reference + "/" + action).session(session).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            call.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(call).andReturn().getResponse();
    }

    /** A form refused with this status: the dossier page again, in French, its alert, and nothing written. */
    String refusedPage(MockHttpSession session, String reference, String action, int status,
            String... fields) throws Exception {
        Map<String, Object> before = refusals.fingerprint();
        MockHttpServletResponse response = send(session, reference, action, fields);
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("<html lang=\"fr\"", "role=\"alert\"",
                "id=\"action-titre\"");
        assertThat(Refusals.changes(before, refusals.fingerprint())).as("what the refused form changed").isEmpty();
        return text(response);
    }

    /** The page's HTML with its character references read: « n'a » whether written n'a or n'a. */
    static String text(MockHttpServletResponse response) throws Exception {
        return HtmlUtils.htmlUnescape(response.getContentAsString(StandardCharsets.UTF_8));
    }

    /** The tag of the field with this id. */
    static String input(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as("field %s on the page", id).isPositive();
        return page.substring(page.lastIndexOf('<', at), page.indexOf('>', at) + 1);
    }

    static String checkbox(String page, String id) {
        return input(page, id);
    }
}
