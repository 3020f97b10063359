package fr.subventions.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.subventions.documents.DocumentGeneratorAccess;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seed séance with a member on the applicant's board: the register of interests sets them aside by itself
 * (L2131-11), personally and as a proxy holder, and the extract names them with the reason.
 */
@ApplicationTest
class ConflictOfInterestTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    SessionService sessions;
    @Autowired
    Agenda agenda;
    @Autowired
    Attendance attendance;
    @Autowired
    RegisterOfInterests register;
    @Autowired
    Voting voting;
    @Autowired
    MemberInterestRepository interests;
    @Autowired
    Scenarios scenarios;
    @Autowired
    DocumentGeneratorAccess extracts;

    SubsidyRequest request;
    AssemblySession session;

    @BeforeEach
    void seedSeance() {
        BpmnAwareTests.init(engine);
        interests.deleteAll();
        request = scenarios.instructedRequest(2026, "2026-65-65748-90-DEVECO");
        session = scenarios.convenedSession(LocalDate.of(2025, 9, 5), LocalDate.of(2025, 9, 11),
                List.of(request.reference()));
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
    }

    /** The register applies to every request of the applicant: other tests' séances must not inherit it. */
    @AfterEach
    void clearRegister() {
        interests.deleteAll();
    }

    @Test
    void withoutInterestTheSeedSeanceGivesFortyForAndNobodyStandsAside() {
        Tally tally = voting.vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat");
        assertThat(tally.forCount()).isEqualTo(40);
        assertThat(tally.notParticipating()).isZero();
        assertThat(extracts.lines(itemId())).doesNotContain("Membres ne prenant pas part au vote :");
    }

    @Test
    void aPresentMemberOnTheApplicantsBoardTakesNoPartAndIsNamed() {
        declare("DETANG", InterestKind.BOARD, LocalDate.of(2020, 1, 1), null);

        Tally tally = voting.vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat");

        assertThat(tally.forCount()).isEqualTo(39);
        assertThat(tally.notParticipating()).isEqualTo(1);
        assertThat(tally.proxies()).isEqualTo(15);
        assertThat(extracts.lines(itemId())).containsSubsequence("Nombre de présents participant au vote : 24",
                "Membres ne prenant pas part au vote :",
                "Monsieur Rémi DETANG (membre des instances dirigeantes de Association OF du Numérique)",
                "SCRUTIN POUR : 39 ABSTENTION : 0");
    }

    @Test
    void anInterestedProxyHolderCastsNeitherTheirVoteNorTheProxy() {
        declare("HOAREAU", InterestKind.DESIGNATION, LocalDate.of(2020, 1, 1), null);

        Tally tally = voting.vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat");

        assertThat(tally.forCount()).isEqualTo(38);
        assertThat(tally.proxies()).isEqualTo(14);
        assertThat(extracts.lines(itemId())).contains(
                "Monsieur Antoine HOAREAU (représentant désigné de la Métropole auprès de Association OF du Numérique)",
                "Monsieur Pierre PRIBETICH (pouvoir détenu par un membre ne prenant pas part au vote)",
                "DONT 14 PROCURATION(S)");
    }

    @Test
    void theSecretariatCannotRecordAVoteForAMemberStandingAside() {
        Long detang = declare("DETANG", InterestKind.BOARD, LocalDate.of(2020, 1, 1), null);

        assertThatThrownBy(() -> voting.vote(session.id(), request.reference(),
                CastVote.marking(Map.of(Choice.AGAINST, List.of(detang))), "secretariat"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("L2131-11");
        assertThat(agenda.agendaItem(itemId()).isSettled()).isFalse();
    }

    @Test
    void theSecretariatAddsAFlagByHandAndLiftsAWrongOneWithReasonsKept() {
        Long detang = declare("DETANG", InterestKind.BOARD, LocalDate.of(2020, 1, 1), null);
        // a present member who holds no proxy
        Long ruet = scenarios.bureauMember("RUET").id();

        register.flagConflict(session.id(), request.reference(), ruet, true, "Conjoint salarié de l'association", "secretariat");
        register.flagConflict(session.id(), request.reference(), detang, false,
                "A quitté le conseil d'administration en juin, registre à jour", "secretariat");
        Tally tally = voting.vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat");

        assertThat(tally.forCount()).isEqualTo(39);
        assertThat(tally.notParticipating()).isEqualTo(1);
        assertThat(extracts.lines(itemId())).contains("Monsieur Guillaume RUET (Conjoint salarié de l'association)")
                .noneMatch(line -> line.contains("DETANG ("));
        assertThat(register.conflictFlags(session.id(), request.reference()))
                .extracting(ConflictFlag::recordedBy, ConflictFlag::standingAside)
                .containsExactly(Tuple.tuple("secretariat", true),
                        Tuple.tuple("secretariat", false));
    }

    @Test
    void aFlagNeedsItsReason() {
        assertThatThrownBy(() -> register.flagConflict(session.id(), request.reference(),
                scenarios.bureauMember("DODET").id(), true, " ", "secretariat"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("motif");
    }

    @Test
    void anInterestThatEndedBeforeTheSeanceDoesNotCount() {
        declare("DETANG", InterestKind.BOARD, LocalDate.of(2018, 1, 1), LocalDate.of(2024, 12, 31));

        assertThat(voting.vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat").forCount()).isEqualTo(40);
    }

    private Long declare(String lastName, InterestKind kind, LocalDate since, LocalDate until) {
        Member member = scenarios.bureauMember(lastName);
        register.declareInterest(member.id(), kind, "Association OF du Numérique", SeedRequests.SIRET, null, since, until);
        return member.id();
    }

    private Long itemId() {
        return agenda.agendaItemIds(session.id()).get(0);
    }
}
