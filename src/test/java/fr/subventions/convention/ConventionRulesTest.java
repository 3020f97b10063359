package fr.subventions.convention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.documents.DocumentLines;
import fr.subventions.shared.Caller;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.LegalForm;
import fr.subventions.submission.Outcome;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.RequestView;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.support.SeedRequests.Beneficiary;
import fr.subventions.workflow.DocumentProductionProcess;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 23 000 € rule on real requests, granted through the real process (H2, the decision table deployed with the
 * application): the amount the table sees is this grant plus the fiscal year's earlier grants to the same
 * beneficiary. Each test has beneficiaries of its own, so that other tests' grants never add up with them.
 */
@ApplicationTest
class ConventionRulesTest {

    static final int YEAR = 2026;
    static final String LINE = YEAR + "-65-65748-76-ECOURB";
    static final String LINE_OF_ANOTHER_YEAR = "2025-65-65748-71-ECOURB";
    static final String SESSION = "Bureau métropolitain du jeudi 10 septembre 2026";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    ConventionRules rules;
    @Autowired
    ConventionService conventions;
    @Autowired
    Scenarios scenarios;
    @Autowired
    ConventionProperties properties;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void exactly23000IsOptional() {
        SubsidyRequest granted = grant(Beneficiary.newAssociation(), YEAR, "23000.00");

        ConventionRules.Assessment assessment = rules.assess(granted);
        assertThat(assessment.requirement()).isEqualTo(ConventionRequirement.OPTIONAL);
        assertThat(assessment.annualAmount()).isEqualByComparingTo("23000.00");
        assertThat(assessment.earlierGrants()).isEqualByComparingTo("0");
        // the authority's default (subventions.convention.optional-default: true) draws one up all the same
        assertThat(assessment.withConvention()).isTrue();
        assertThat(conventions.of(granted.id())).isPresent();
        assertThat(lastEvent(granted)).isEqualTo("Convention facultative (subventions de l'exercice de 23 000 € au plus) : "
                + "23 000 € attribués au bénéficiaire sur l'exercice 2026 ; une convention est établie, comme la "
                + "collectivité le prévoit pour toute subvention.");
    }

    @Test
    void oneCentAbove23000IsMandatory() {
        SubsidyRequest granted = grant(Beneficiary.newAssociation(), YEAR, "23000.01");

        assertThat(rules.assess(granted).requirement()).isEqualTo(ConventionRequirement.MANDATORY);
        assertThat(conventions.of(granted.id())).isPresent();
        assertThat(lastEvent(granted)).startsWith("Convention obligatoire (subventions de l'exercice supérieures à 23 000 € "
                + "pour un organisme de droit privé (loi n° 2000-321, article 10 ; décret n° 2001-495)) : 23 000,01 € "
                + "attribués au bénéficiaire sur l'exercice 2026 ; une convention est établie.");
    }

    @Test
    void grantsOfTheYearToTheSameBeneficiaryAddUp() {
        Beneficiary association = Beneficiary.newAssociation();
        SubsidyRequest first = grant(association, YEAR, "12000");
        assertThat(rules.assess(first).requirement()).isEqualTo(ConventionRequirement.OPTIONAL);

        SubsidyRequest second = grant(association, YEAR, "11001");

        ConventionRules.Assessment assessment = rules.assess(second);
        assertThat(assessment.earlierGrants()).isEqualByComparingTo("12000");
        assertThat(assessment.annualAmount()).isEqualByComparingTo("23001");
        assertThat(assessment.requirement()).isEqualTo(ConventionRequirement.MANDATORY);
        assertThat(lastEvent(second)).contains("23 001 € attribués au bénéficiaire sur l'exercice 2026 (dont 12 000 € par "
                + "des décisions antérieures)");
        assertThat(rules.earlierGrants(first)).as("the first grant now has the second one beside it")
                .isEqualByComparingTo("11001");
    }

    @Test
    void cumulUpTo23000StaysOptional() {
        Beneficiary association = Beneficiary.newAssociation();
        grant(association, YEAR, "12000");
        SubsidyRequest second = grant(association, YEAR, "11000");

        assertThat(rules.assess(second).annualAmount()).isEqualByComparingTo("23000");
        assertThat(rules.assess(second).requirement()).isEqualTo(ConventionRequirement.OPTIONAL);
    }

    @Test
    void grantsOfAnotherFiscalYearDoNotCount() {
        Beneficiary association = Beneficiary.newAssociation();
        grant(association, YEAR - 1, "12000", LINE_OF_ANOTHER_YEAR);
        SubsidyRequest second = grant(association, YEAR, "11001");

        assertThat(rules.earlierGrants(second)).isEqualByComparingTo("0");
        assertThat(rules.assess(second).requirement()).isEqualTo(ConventionRequirement.OPTIONAL);
    }

    @Test
    void grantsToAnotherBeneficiaryDoNotCount() {
        grant(Beneficiary.newAssociation(), YEAR, "12000");
        SubsidyRequest other = grant(Beneficiary.newAssociation(), YEAR, "11001");

        assertThat(rules.earlierGrants(other)).isEqualByComparingTo("0");
        assertThat(rules.assess(other).requirement()).isEqualTo(ConventionRequirement.OPTIONAL);
    }

    @Test
    void anotherEstablishmentOfTheSameLegalPersonCounts() {
        // same SIREN (the SIRET's first nine digits) and RNA, another SIRET: the same beneficiary
        Beneficiary headquarters = Beneficiary.newAssociation();
        grant(headquarters, YEAR, "12000");
        SubsidyRequest second = grant(headquarters.otherEstablishment(), YEAR, "11001");

        assertThat(rules.earlierGrants(second)).isEqualByComparingTo("12000");
        assertThat(rules.assess(second).requirement()).isEqualTo(ConventionRequirement.MANDATORY);
    }

    @Test
    void theSameRnaNumberUnderAnotherSiretCounts() {
        Beneficiary association = Beneficiary.newAssociation();
        Beneficiary sameRna = new Beneficiary(association.name(), Beneficiary.newAssociation().siret(), association.rna(),
                LegalForm.ASSOCIATION);
        grant(association, YEAR, "12000");
        SubsidyRequest second = grant(sameRna, YEAR, "11001");

        assertThat(rules.earlierGrants(second)).isEqualByComparingTo("12000");
        assertThat(rules.assess(second).requirement()).isEqualTo(ConventionRequirement.MANDATORY);
    }

    @Test
    void requestsRejectedByTheVoteDoNotCount() {
        Beneficiary association = Beneficiary.newAssociation();
        SubsidyRequest rejected = instructed(association, YEAR, "12000", LINE);
        requests.placeOnAgenda(rejected.id(), SESSION, "secretariat");
        requests.recordVote(rejected.id(), VoteDecision.REJECTED, SESSION, "secretariat");
        assertThat(requests.byId(rejected.id()).outcome()).isEqualTo(Outcome.REJECTED);

        SubsidyRequest granted = grant(association, YEAR, "11001");

        assertThat(rules.earlierGrants(granted)).isEqualByComparingTo("0");
        assertThat(rules.assess(granted).requirement()).isEqualTo(ConventionRequirement.OPTIONAL);
    }

    @Test
    void aPublicBodyIsNotBoundByTheThreshold() {
        SubsidyRequest granted = grant(Beneficiary.fresh(LegalForm.PUBLIC_BODY), YEAR, "30000");

        assertThat(rules.assess(granted).requirement()).isEqualTo(ConventionRequirement.OPTIONAL);
        assertThat(lastEvent(granted)).startsWith("Convention facultative (le bénéficiaire est un organisme public");
    }

    @Test
    void aCompanyIsBoundLikeAnAssociation() {
        SubsidyRequest granted = grant(Beneficiary.fresh(LegalForm.COMPANY), YEAR, "23000.01");

        assertThat(rules.assess(granted).requirement()).isEqualTo(ConventionRequirement.MANDATORY);
    }

    @Test
    void theExtractOfAGrantWithoutConventionNamesNone(@Autowired Attendance attendance, @Autowired Voting voting,
            @Autowired DocumentService documents) {
        properties.setOptionalDefault(false);
        try {
            Beneficiary association = Beneficiary.newAssociation();
            SubsidyRequest request = instructed(association, YEAR, "8000", LINE);
            AssemblySession session = scenarios.convenedSession(LocalDate.of(2026, 11, 9),
                    LocalDate.of(2026, 11, 19), List.of(request.reference()));
            attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
            voting.vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat");
            scenarios.fileDocumentsOf(SessionService.businessKey(session.id()));

            SubsidyRequest granted = requests.byId(request.id());
            assertThat(granted.status()).isEqualTo(RequestStatus.AWAITING_IMPUTATION);
            assertThat(conventions.of(granted.id())).isEmpty();
            byte[] extract = documents.list(granted).stream().filter(d -> d.type() == DocumentType.DELIBERATION_EXTRACT)
                    .findFirst().map(d -> documents.get(d.id(), scenarios.staff()).content()).orElseThrow();
            assertThat(DocumentLines.of(extract)).map(line -> line.replace('\u202f', ' ').replace('\u00a0', ' '))
                    .contains("- d’attribuer une subvention de 8 000 € à " + association.name() + " ;")
                    .noneMatch(line -> line.contains("convention"));
        } finally {
            properties.setOptionalDefault(true);
        }
    }

    // ------------------------------------------------------------------------------------------------ fixtures

    private SubsidyRequest grant(Beneficiary beneficiary, int fiscalYear, String amount) {
        return grant(beneficiary, fiscalYear, amount, LINE);
    }

    /** Submitted, complete, instructed favourably for the whole amount, put on an agenda and adopted. */
    private SubsidyRequest grant(Beneficiary beneficiary, int fiscalYear, String amount, String line) {
        SubsidyRequest request = instructed(beneficiary, fiscalYear, amount, line);
        requests.placeOnAgenda(request.id(), SESSION, "secretariat");
        requests.recordVote(request.id(), VoteDecision.ADOPTED, SESSION, "secretariat");
        SubsidyRequest granted = requests.byId(request.id());
        assertThat(granted.outcome()).isEqualTo(Outcome.GRANTED);
        assertThat(granted.grantedAmount()).isEqualByComparingTo(amount);
        return granted;
    }

    private SubsidyRequest instructed(Beneficiary beneficiary, int fiscalYear, String amount, String line) {
        SubsidyRequest request = requests.submit(SeedRequests.of(beneficiary, fiscalYear, new BigDecimal(amount)),
                Scenarios.APPLICANT, null).request();
        if (beneficiary.legalForm().signsRepublicanCommitment()) {
            scenarios.fileRepublicanCommitment(request.reference());
        }
        ProcessInstance process = runtime.createProcessInstanceQuery().processDefinitionKeyNotIn(DocumentProductionProcess.KEY)
                .processInstanceBusinessKey(request.reference())
                .singleResult();
        scenarios.fileDocuments(process.getId());
        complete(task(process), withVariables("isComplete", true));
        complete(task(process), withVariables("opinion", "FAVORABLE", "proposedAmount", amount,
                "budgetLines", line + " = " + amount, "report", "Rapport d'instruction."));
        scenarios.fileDocuments(process.getId());
        return requests.byId(request.id());
    }

    /** The request's last line of history, the convention rules' (with plain spaces). */
    private String lastEvent(SubsidyRequest request) {
        List<RequestView.HistoryEntry> history = requests.view(request.reference(),
                new Caller("secretariat", Set.of(Caller.SECRETARIAT))).history();
        // amounts are written with no-break spaces (Money.format); the table's reasons with plain ones
        return history.get(history.size() - 1).result().replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
