package fr.subventions.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.subventions.shared.StageConflictException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SubsidyRequestTest {

    private static final Instant SUBMITTED_AT = Instant.parse("2023-06-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2023-07-01T09:00:00Z");
    private static final String SEANCE = "Bureau métropolitain du 14 septembre 2023";
    private static final BigDecimal PROPOSED = new BigDecimal("20000");
    private static final LocalDate EXECUTORY_ON = LocalDate.of(2023, 9, 25);
    private static final String DELIBERATION = "B2023_0001";

    private static SubsidyRequest submitted() {
        return new SubsidyRequest("DS-2023-0001", "of-numerique", "key-1", SUBMITTED_AT,
                new Applicant("Association OF du Numérique", "73282932000074", "W212001234", LegalForm.ASSOCIATION,
                        "2 rue Maréchal Leclerc, 21000 Dijon", "contact@of-numerique.example", "Marie Dupont"),
                "État des lieux emplois et compétences de la filière numérique", "Un état des lieux.",
                "DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE ET SOLIDARITES", 2023, new BigDecimal("72000"),
                new BigDecimal("20000"), List.of(new Cofinancing("NUMEUM France", new BigDecimal("10000")),
                        new Cofinancing("Autofinancement", new BigDecimal("42000"))));
    }

    private static SubsidyRequest incomplete() {
        SubsidyRequest request = submitted();
        request.recordIncomplete(List.of("RIB", "Comptes N-1"), LocalDate.of(2023, 7, 15), "pièces manquantes",
                "instructeur", NOW);
        return request;
    }

    private static SubsidyRequest inInstruction() {
        SubsidyRequest request = submitted();
        request.recordComplete("dossier complet", "instructeur", NOW);
        return request;
    }

    private static SubsidyRequest awaitingAgenda() {
        SubsidyRequest request = inInstruction();
        request.recordInstruction(Opinion.FAVORABLE, PROPOSED, "Exposé", "instructeur", NOW);
        return request;
    }

    private static SubsidyRequest onAgenda() {
        SubsidyRequest request = awaitingAgenda();
        request.placeOnAgenda(SEANCE, "secretariat", NOW);
        return request;
    }

    private static SubsidyRequest awaitingSignatures() {
        SubsidyRequest request = onAgenda();
        request.recordVote(VoteDecision.ADOPTED, SEANCE, "secretariat", NOW);
        return request;
    }

    /** Adopted, its deliberation published and received by the prefect (CGCT L2131-1): the convention may be signed. */
    private static SubsidyRequest executory() {
        SubsidyRequest request = awaitingSignatures();
        request.recordExecutory(EXECUTORY_ON, DELIBERATION, NOW);
        return request;
    }

    private static SubsidyRequest awaitingImputation() {
        SubsidyRequest request = executory();
        request.recordConventionSigned("president", NOW);
        return request;
    }

    /** Adopted without a convention, credits committed, the deliberation not yet executory. */
    private static SubsidyRequest awaitingPaymentNotExecutory() {
        SubsidyRequest request = awaitingSignatures();
        request.recordConventionDecision(false, "Convention facultative ; sans convention", NOW);
        request.recordImputation("20 000 € sur 65748", "finances", NOW);
        return request;
    }

    private static SubsidyRequest rejectedAtInstruction() {
        SubsidyRequest request = inInstruction();
        request.recordInstruction(Opinion.UNFAVORABLE, PROPOSED, "Exposé", "instructeur", NOW);
        return request;
    }

    private static SubsidyRequest closed() {
        SubsidyRequest request = rejectedAtInstruction();
        request.close("secretariat", NOW);
        return request;
    }

    /** Asserts the action is refused as out of stage and changes neither the status, the outcome nor the history. */
    private static void assertRefusedUnchanged(SubsidyRequest request, Executable action) {
        RequestStatus status = request.status();
        Outcome outcome = request.outcome();
        int events = request.history().size();
        assertThatThrownBy(action::execute).isInstanceOf(StageConflictException.class)
                .hasMessageContaining(request.reference());
        assertThat(request.status()).isEqualTo(status);
        assertThat(request.outcome()).isEqualTo(outcome);
        assertThat(request.history()).hasSize(events);
    }

    @Test
    void startsSubmittedWithOneHistoryEvent() {
        SubsidyRequest request = submitted();
        assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(request.outcome()).isNull();
        assertThat(request.history()).singleElement().satisfies(event -> {
            assertThat(event.stage()).isEqualTo(RequestStatus.SUBMITTED);
            assertThat(event.actor()).isEqualTo("of-numerique");
            assertThat(event.at()).isEqualTo(SUBMITTED_AT);
            assertThat(event.result().replace('\u202f', ' ').replace('\u00a0', ' ')).isEqualTo("Demande déposée : 20 000 € demandés sur un budget de 72 000 €");
        });
    }

    @Nested
    class Completeness {

        @Test
        void aCompleteRequestGoesToInstruction() {
            SubsidyRequest request = inInstruction();
            assertThat(request.status()).isEqualTo(RequestStatus.IN_INSTRUCTION);
            assertThat(request.completenessComment()).isEqualTo("dossier complet");
            assertThat(request.history()).hasSize(2);
        }

        @Test
        void anIncompleteRequestWaitsForTheMissingItems() {
            SubsidyRequest request = incomplete();
            assertThat(request.status()).isEqualTo(RequestStatus.INCOMPLETE);
            assertThat(request.missingItems()).containsExactly("RIB", "Comptes N-1");
            assertThat(request.missingItemsDue()).isEqualTo(LocalDate.of(2023, 7, 15));
        }

        @Test
        void suppliedItemsBringTheRequestBackToACompletenessCheck() {
            SubsidyRequest request = incomplete();
            request.recordMissingItemsSupplied("of-numerique", NOW);
            assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
            request.recordComplete(null, "instructeur", NOW);
            assertThat(request.status()).isEqualTo(RequestStatus.IN_INSTRUCTION);
            assertThat(request.missingItems()).isEmpty();
            assertThat(request.missingItemsDue()).isNull();
        }

        @Test
        void noAnswerByTheDeadlineClosesTheRequestAsInadmissible() {
            SubsidyRequest request = incomplete();
            request.declareInadmissible(NOW);
            assertThat(request.status()).isEqualTo(RequestStatus.CLOSED);
            assertThat(request.outcome()).isEqualTo(Outcome.INADMISSIBLE);
            assertThat(request.history()).hasSize(3);
        }
    }

    @Nested
    class Instruction {

        @Test
        void aFavourableOpinionAwaitsTheAgendaWithTheProposedAmount() {
            SubsidyRequest request = awaitingAgenda();
            assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_AGENDA);
            assertThat(request.opinion()).isEqualTo(Opinion.FAVORABLE);
            assertThat(request.proposedAmount()).isEqualByComparingTo("20000");
            assertThat(request.outcome()).isNull();
        }

        @Test
        void anUnfavourableOpinionRejectsTheRequestAndAwaitsClosure() {
            SubsidyRequest request = rejectedAtInstruction();
            assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_CLOSURE);
            assertThat(request.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(request.opinion()).isEqualTo(Opinion.UNFAVORABLE);
            assertThat(request.proposedAmount()).isNull();
            assertThat(request.report()).isEqualTo("Exposé");
        }

        @Test
        void aRequestRejectedAtInstructionClosesAsRefused() {
            SubsidyRequest request = closed();
            assertThat(request.status()).isEqualTo(RequestStatus.CLOSED);
            assertThat(request.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(request.history().get(request.history().size() - 1).result())
                    .isEqualTo("Demande clôturée : subvention refusée");
        }
    }

    @Nested
    class Vote {

        @Test
        void anAdoptedRequestIsGrantedTheProposedAmountAndAwaitsSignatures() {
            SubsidyRequest request = awaitingSignatures();
            assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_SIGNATURES);
            assertThat(request.outcome()).isEqualTo(Outcome.GRANTED);
            assertThat(request.grantedAmount()).isEqualByComparingTo("20000");
        }

        @Test
        void aRejectedRequestAwaitsClosure() {
            SubsidyRequest request = onAgenda();
            request.recordVote(VoteDecision.REJECTED, SEANCE, "secretariat", NOW);
            assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_CLOSURE);
            assertThat(request.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(request.grantedAmount()).isNull();
        }

        @Test
        void anAdjournedRequestGoesBackToAwaitingTheAgenda() {
            SubsidyRequest request = onAgenda();
            int events = request.history().size();
            request.recordVote(VoteDecision.ADJOURNED, SEANCE, "secretariat", NOW);
            assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_AGENDA);
            assertThat(request.outcome()).isNull();
            assertThat(request.grantedAmount()).isNull();
            assertThat(request.history()).hasSize(events + 1);
        }

        @Test
        void anAdjournedRequestCanBePlacedOnALaterAgenda() {
            SubsidyRequest request = onAgenda();
            request.recordVote(VoteDecision.ADJOURNED, SEANCE, "secretariat", NOW);
            request.placeOnAgenda("Bureau métropolitain du 12 octobre 2023", "secretariat", NOW);
            assertThat(request.status()).isEqualTo(RequestStatus.ON_AGENDA);
        }
    }

    @Test
    void goesFromSubmissionToClosingWhenGranted() {
        SubsidyRequest request = executory();
        request.recordSignature("Convention signée par le bénéficiaire", "of-numerique", NOW);
        assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_SIGNATURES);
        request.recordConventionSigned("president", NOW);
        assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_IMPUTATION);
        request.recordImputation("20 000 € sur 65748", "finances", NOW);
        assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_PAYMENT);
        request.recordPayment("Versement unique de 20 000 € versé le 20 octobre 2023", true, false, "finances", NOW);
        assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_CLOSURE);
        request.close("secretariat", NOW);
        assertThat(request.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(request.outcome()).isEqualTo(Outcome.GRANTED);
        assertThat(request.history()).extracting(StageEvent::stage).containsExactly(RequestStatus.SUBMITTED,
                RequestStatus.IN_INSTRUCTION, RequestStatus.AWAITING_AGENDA, RequestStatus.ON_AGENDA,
                RequestStatus.AWAITING_SIGNATURES, RequestStatus.AWAITING_SIGNATURES, RequestStatus.AWAITING_SIGNATURES,
                RequestStatus.AWAITING_IMPUTATION, RequestStatus.AWAITING_PAYMENT, RequestStatus.AWAITING_CLOSURE,
                RequestStatus.CLOSED);
        assertThat(request.history().get(5).result()).isEqualTo("Délibération n° B2023_0001 exécutoire depuis le 25 septembre 2023");
        assertThat(request.history().get(10).result()).isEqualTo("Demande clôturée : subvention accordée");
    }

    /** CGCT L2131-1: the deliberation granting the subsidy is executory once published and received by the prefect. */
    @Nested
    class ExecutoryCharacter {

        @Test
        void anAdoptedRequestIsNotExecutoryUntilRecorded() {
            SubsidyRequest request = awaitingSignatures();
            assertThat(request.executoryOn()).isNull();
            request.recordExecutory(EXECUTORY_ON, DELIBERATION, NOW);
            assertThat(request.executoryOn()).isEqualTo(EXECUTORY_ON);
            assertThat(request.status()).as("the stage is the signatures' still").isEqualTo(RequestStatus.AWAITING_SIGNATURES);
        }

        @Test
        void theBeneficiarysSignatureIsRefusedBeforeAndAcceptedAfter() {
            SubsidyRequest request = awaitingSignatures();
            assertRefusedUnchanged(request, () -> request.recordSignature("Convention signée par le bénéficiaire",
                    "of-numerique", NOW));
            assertThatThrownBy(() -> request.recordSignature("Convention signée par le bénéficiaire", "of-numerique", NOW))
                    .hasMessage("Impossible de signer la convention : la délibération attribuant la subvention DS-2023-0001 "
                            + "n'est pas encore exécutoire (CGCT, art. L2131-1 : elle doit avoir été publiée et reçue par le "
                            + "représentant de l'État).");

            request.recordExecutory(EXECUTORY_ON, DELIBERATION, NOW);
            int events = request.history().size();
            request.recordSignature("Convention signée par le bénéficiaire", "of-numerique", NOW);
            assertThat(request.history()).hasSize(events + 1);
            assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_SIGNATURES);
        }

        @Test
        void thePresidentsSignatureIsRefusedBeforeAndAcceptedAfter() {
            SubsidyRequest request = awaitingSignatures();
            assertRefusedUnchanged(request, () -> request.recordConventionSigned("president", NOW));
            assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_SIGNATURES);

            request.recordExecutory(EXECUTORY_ON, DELIBERATION, NOW);
            request.recordConventionSigned("president", NOW);
            assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_IMPUTATION);
        }

        @Test
        void aPaymentIsRefusedBeforeAndAcceptedAfter() {
            SubsidyRequest request = awaitingPaymentNotExecutory();
            assertRefusedUnchanged(request, () -> request.recordPayment("Versement unique de 20 000 €", true, false,
                    "finances", NOW));
            assertThatThrownBy(() -> request.recordPayment("Versement unique de 20 000 €", true, false, "finances", NOW))
                    .hasMessageStartingWith("Impossible de verser la subvention : la délibération attribuant la subvention "
                            + "DS-2023-0001 n'est pas encore exécutoire (CGCT, art. L2131-1");
            assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_PAYMENT);

            request.recordExecutory(EXECUTORY_ON, DELIBERATION, NOW);
            request.recordPayment("Versement unique de 20 000 €", true, false, "finances", NOW);
            assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_CLOSURE);
        }

        @Test
        void isRecordedOnceTheFirstDayStays() {
            SubsidyRequest request = executory();
            int events = request.history().size();
            request.recordExecutory(EXECUTORY_ON.plusDays(3), "B2023_0002", NOW);
            assertThat(request.executoryOn()).isEqualTo(EXECUTORY_ON);
            assertThat(request.history()).hasSize(events);
            assertThat(request.history().get(events - 1).result())
                    .isEqualTo("Délibération n° B2023_0001 exécutoire depuis le 25 septembre 2023");
        }
    }

    @Nested
    class ConventionDecision {

        @Test
        void withAConventionTheRequestWaitsForTheSignatures() {
            SubsidyRequest request = awaitingSignatures();
            request.recordConventionDecision(true, "Convention obligatoire", NOW);
            assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_SIGNATURES);
            assertThat(request.history().get(request.history().size() - 1).result()).isEqualTo("Convention obligatoire");
        }

        @Test
        void withoutAConventionTheRequestGoesStraightToImputationThenClosing() {
            SubsidyRequest request = awaitingSignatures();
            request.recordConventionDecision(false, "Convention facultative ; sans convention", NOW);
            assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_IMPUTATION);
            assertThat(request.history().get(request.history().size() - 1).stage())
                    .isEqualTo(RequestStatus.AWAITING_IMPUTATION);
            request.recordExecutory(EXECUTORY_ON, DELIBERATION, NOW);
            request.recordImputation("20 000 € sur 65748", "finances", NOW);
            request.recordPayment("Versement unique de 20 000 €", true, false, "finances", NOW);
            request.close("secretariat", NOW);
            assertThat(request.outcome()).isEqualTo(Outcome.GRANTED);
        }

        @Test
        void isRefusedOnceTheSignaturesAreRecorded() {
            SubsidyRequest request = awaitingImputation();
            assertThatThrownBy(() -> request.recordConventionDecision(false, "sans convention", NOW))
                    .isInstanceOf(StageConflictException.class)
                    .hasMessageContaining("Impossible de décider de la convention");
        }
    }

    @Nested
    class Withdrawal {

        @Test
        void isAllowedAtEveryStageBeforeTheVote() {
            for (SubsidyRequest request : List.of(submitted(), incomplete(), inInstruction(), awaitingAgenda(),
                    onAgenda())) {
                int events = request.history().size();
                request.withdraw("projet abandonné", "of-numerique", NOW);
                assertThat(request.status()).isEqualTo(RequestStatus.CLOSED);
                assertThat(request.outcome()).isEqualTo(Outcome.WITHDRAWN);
                assertThat(request.history()).hasSize(events + 1);
                assertThat(request.history().get(events).result())
                        .isEqualTo("Demande retirée par le demandeur (projet abandonné)");
            }
        }

        @Test
        void isRefusedOnceTheVoteHasGrantedTheSubsidy() {
            SubsidyRequest request = awaitingSignatures();
            assertRefusedUnchanged(request, () -> request.withdraw("trop tard", "of-numerique", NOW));
            assertThat(request.outcome()).isEqualTo(Outcome.GRANTED);
        }

        @Test
        void isRefusedAfterTheVoteAtEveryLaterStage() {
            SubsidyRequest imputation = awaitingImputation();
            assertRefusedUnchanged(imputation, () -> imputation.withdraw(null, "of-numerique", NOW));
            SubsidyRequest rejected = rejectedAtInstruction();
            assertRefusedUnchanged(rejected, () -> rejected.withdraw(null, "of-numerique", NOW));
        }

        @Test
        void isRefusedOnAClosedRequest() {
            SubsidyRequest request = submitted();
            request.withdraw(null, "of-numerique", NOW);
            assertRefusedUnchanged(request, () -> request.withdraw(null, "of-numerique", NOW));
            assertThat(request.outcome()).isEqualTo(Outcome.WITHDRAWN);
        }
    }

    @Nested
    class OutOfStageActions {

        @Test
        void instructingASubmittedRequestIsRefusedAndChangesNothing() {
            SubsidyRequest request = submitted();
            assertRefusedUnchanged(request,
                    () -> request.recordInstruction(Opinion.FAVORABLE, PROPOSED, "Exposé", "instructeur", NOW));
            assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
            assertThat(request.history()).hasSize(1);
            assertThat(request.opinion()).isNull();
            assertThat(request.proposedAmount()).isNull();
            assertThat(request.report()).isNull();
        }

        @Test
        void instructingTwiceIsRefused() {
            SubsidyRequest request = awaitingAgenda();
            assertRefusedUnchanged(request,
                    () -> request.recordInstruction(Opinion.UNFAVORABLE, null, "Autre exposé", "instructeur", NOW));
            assertThat(request.opinion()).isEqualTo(Opinion.FAVORABLE);
            assertThat(request.proposedAmount()).isEqualByComparingTo("20000");
        }

        @Test
        void checkingCompletenessTwiceIsRefused() {
            SubsidyRequest request = inInstruction();
            assertRefusedUnchanged(request, () -> request.recordComplete(null, "instructeur", NOW));
            assertRefusedUnchanged(request, () -> request.recordIncomplete(List.of("RIB"), LocalDate.of(2023, 8, 1),
                    null, "instructeur", NOW));
        }

        @Test
        void checkingCompletenessOfAnIncompleteRequestBeforeTheItemsComeIsRefused() {
            SubsidyRequest request = incomplete();
            assertRefusedUnchanged(request, () -> request.recordComplete(null, "instructeur", NOW));
        }

        @Test
        void supplyingItemsThatWereNotAskedForIsRefused() {
            SubsidyRequest request = submitted();
            assertRefusedUnchanged(request, () -> request.recordMissingItemsSupplied("of-numerique", NOW));
        }

        @Test
        void declaringInadmissibleARequestThatIsNotIncompleteIsRefused() {
            SubsidyRequest submitted = submitted();
            assertRefusedUnchanged(submitted, () -> submitted.declareInadmissible(NOW));
            SubsidyRequest inInstruction = inInstruction();
            assertRefusedUnchanged(inInstruction, () -> inInstruction.declareInadmissible(NOW));
        }

        @Test
        void placingOnTheAgendaARequestNotYetInstructedIsRefused() {
            SubsidyRequest request = inInstruction();
            assertRefusedUnchanged(request, () -> request.placeOnAgenda(SEANCE, "secretariat", NOW));
        }

        @Test
        void placingOnTheAgendaARequestRejectedAtInstructionIsRefused() {
            SubsidyRequest request = rejectedAtInstruction();
            assertRefusedUnchanged(request, () -> request.placeOnAgenda(SEANCE, "secretariat", NOW));
        }

        @Test
        void placingOnTwoAgendasIsRefused() {
            SubsidyRequest request = onAgenda();
            assertRefusedUnchanged(request, () -> request.placeOnAgenda(SEANCE, "secretariat", NOW));
        }

        @Test
        void votingOnARequestNotOnTheAgendaIsRefused() {
            SubsidyRequest request = awaitingAgenda();
            assertRefusedUnchanged(request, () -> request.recordVote(VoteDecision.ADOPTED, SEANCE, "secretariat", NOW));
            assertThat(request.grantedAmount()).isNull();
        }

        @Test
        void votingTwiceIsRefused() {
            SubsidyRequest request = awaitingSignatures();
            assertRefusedUnchanged(request, () -> request.recordVote(VoteDecision.REJECTED, SEANCE, "secretariat", NOW));
            assertThat(request.outcome()).isEqualTo(Outcome.GRANTED);
        }

        @Test
        void signingBeforeTheVoteIsRefused() {
            SubsidyRequest request = onAgenda();
            assertRefusedUnchanged(request, () -> request.recordSignature("Signature", "of-numerique", NOW));
            assertRefusedUnchanged(request, () -> request.recordConventionSigned("president", NOW));
            assertRefusedUnchanged(request, () -> request.requireAwaitingSignatures("préparer la convention"));
        }

        @Test
        void signingARejectedRequestIsRefused() {
            SubsidyRequest request = rejectedAtInstruction();
            assertRefusedUnchanged(request, () -> request.recordConventionSigned("president", NOW));
        }

        @Test
        void committingCreditsBeforeTheConventionIsSignedIsRefused() {
            SubsidyRequest request = awaitingSignatures();
            assertRefusedUnchanged(request, () -> request.recordImputation("20 000 €", "finances", NOW));
        }

        @Test
        void closingBeforeTheEndIsRefused() {
            SubsidyRequest submitted = submitted();
            assertRefusedUnchanged(submitted, () -> submitted.close("secretariat", NOW));
            SubsidyRequest imputation = awaitingImputation();
            assertRefusedUnchanged(imputation, () -> imputation.close("secretariat", NOW));
        }

        @Test
        void closingTwiceIsRefused() {
            SubsidyRequest request = closed();
            assertRefusedUnchanged(request, () -> request.close("secretariat", NOW));
        }

        @Test
        void nothingMovesAClosedRequest() {
            SubsidyRequest request = closed();
            assertRefusedUnchanged(request, () -> request.recordComplete(null, "instructeur", NOW));
            assertRefusedUnchanged(request, () -> request.recordInstruction(Opinion.FAVORABLE, PROPOSED, "Exposé",
                    "instructeur", NOW));
            assertRefusedUnchanged(request, () -> request.placeOnAgenda(SEANCE, "secretariat", NOW));
            assertRefusedUnchanged(request, () -> request.recordVote(VoteDecision.ADOPTED, SEANCE, "secretariat", NOW));
            assertRefusedUnchanged(request, () -> request.recordImputation("20 000 €", "finances", NOW));
        }
    }
}
