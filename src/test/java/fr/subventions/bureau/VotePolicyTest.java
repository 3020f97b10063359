package fr.subventions.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.subventions.bureau.Roll.Proxy;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.submission.VoteDecision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VotePolicyTest {

    private static final Long PRESIDENT = 1L;

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    /** The seed séance: 43 in office, 1 to 25 present, 26 to 40 represented by 1 to 15, 41 to 43 absent. */
    private static Roll seedRoll() {
        Map<Integer, Proxy> proxies = new LinkedHashMap<>();
        for (int i = 0; i < 15; i++) {
            proxies.put(i, new Proxy(26L + i, 1L + i));
        }
        return Roll.of(range(1, 43), range(1, 25), range(26, 43), proxies);
    }

    /** Six in office: 1 to 4 present, 5 represented by 2, 6 absent without proxy. */
    private static Roll smallRoll() {
        return Roll.of(range(1, 6), range(1, 4), range(5, 6), Map.of(0, new Proxy(5L, 2L)));
    }

    @SuppressWarnings("unchecked")
    private static Map<Choice, List<Long>> marked(Object... choiceThenIds) {
        Map<Choice, List<Long>> marked = new EnumMap<>(Choice.class);
        for (int i = 0; i < choiceThenIds.length; i += 2) {
            marked.put((Choice) choiceThenIds[i], (List<Long>) choiceThenIds[i + 1]);
        }
        return marked;
    }

    private static List<Long> ids(Long... ids) {
        return Arrays.asList(ids);
    }

    /** Ballots cast in person by members 1..n, with the given choices in order. */
    private static List<Cast> inPerson(Choice... choices) {
        List<Cast> casts = new ArrayList<>();
        for (int i = 0; i < choices.length; i++) {
            casts.add(new Cast(i + 1L, choices[i], i + 1L));
        }
        return casts;
    }

    private static List<String> errorFields(Roll roll, Map<Choice, List<Long>> marked) {
        InvalidInputException e = catchThrowableOfType(() -> VotePolicy.ballots(roll, marked), InvalidInputException.class);
        assertThat(e).as("ballots() should refuse the lists").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Nested
    class Ballots {

        @Test
        void giveEveryPresentOrRepresentedMemberAVoteForWhenNobodyIsListed() {
            List<Cast> ballots = VotePolicy.ballots(smallRoll(), Map.of());
            assertThat(ballots).extracting(Cast::memberId).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(ballots).extracting(Cast::choice).containsOnly(Choice.FOR);
        }

        @Test
        void giveNoVoteToAnAbsentMemberWithoutProxy() {
            assertThat(VotePolicy.ballots(smallRoll(), Map.of())).extracting(Cast::memberId).doesNotContain(6L);
        }

        @Test
        void castARepresentedMembersVoteThroughTheHolder() {
            Cast represented = VotePolicy.ballots(smallRoll(), Map.of()).stream()
                    .filter(c -> c.memberId().equals(5L)).findFirst().orElseThrow();
            assertThat(represented.castBy()).isEqualTo(2L);
            assertThat(represented.byProxy()).isTrue();
        }

        @Test
        void castAPresentMembersVoteInPerson() {
            Cast present = VotePolicy.ballots(smallRoll(), Map.of()).get(1);
            assertThat(present).isEqualTo(new Cast(2L, Choice.FOR, 2L));
            assertThat(present.byProxy()).isFalse();
        }

        @Test
        void applyTheListedChoices() {
            List<Cast> ballots = VotePolicy.ballots(smallRoll(), marked(Choice.AGAINST, ids(3L), Choice.ABSTENTION,
                    ids(5L), Choice.NOT_VOTING, ids(4L), Choice.NOT_PARTICIPATING, ids(2L), Choice.FOR, ids(1L)));
            assertThat(ballots).containsExactly(new Cast(1L, Choice.FOR, 1L), new Cast(2L, Choice.NOT_PARTICIPATING, 2L),
                    new Cast(3L, Choice.AGAINST, 3L), new Cast(4L, Choice.NOT_VOTING, 4L),
                    new Cast(5L, Choice.ABSTENTION, 2L));
        }

        @Test
        void separateTheHoldersOwnVoteFromTheProxyVote() {
            List<Cast> ballots = VotePolicy.ballots(smallRoll(), marked(Choice.AGAINST, ids(2L)));
            assertThat(ballots).contains(new Cast(2L, Choice.AGAINST, 2L), new Cast(5L, Choice.FOR, 2L));
        }

        @Test
        void giveFortyBallotsInTheSeedSeance() {
            List<Cast> ballots = VotePolicy.ballots(seedRoll(), Map.of());
            assertThat(ballots).hasSize(40);
            assertThat(ballots).filteredOn(Cast::byProxy).hasSize(15);
        }

        @Nested
        class Refuse {

            @Test
            void anAbsentMemberWithoutProxy() {
                assertThat(errorFields(smallRoll(), marked(Choice.AGAINST, ids(3L, 6L)))).containsExactly("against[1]");
            }

            @Test
            void anUnknownMember() {
                assertThat(errorFields(smallRoll(), marked(Choice.ABSTENTION, ids(99L)))).containsExactly("abstention[0]");
            }

            @Test
            void aNullId() {
                assertThat(errorFields(smallRoll(), marked(Choice.NOT_VOTING, ids((Long) null))))
                        .containsExactly("notVoting[0]");
            }

            @Test
            void aMemberInTwoLists() {
                assertThat(errorFields(smallRoll(), marked(Choice.AGAINST, ids(3L), Choice.ABSTENTION, ids(4L, 3L))))
                        .containsExactly("abstention[1]");
            }

            @Test
            void aRepresentedMemberInTwoLists() {
                assertThat(errorFields(smallRoll(), marked(Choice.FOR, ids(5L), Choice.NOT_PARTICIPATING, ids(5L))))
                        .containsExactly("notParticipating[0]");
            }

            @Test
            void withEveryListNamedInItsField() {
                assertThat(errorFields(smallRoll(), marked(Choice.FOR, ids(6L), Choice.AGAINST, ids(6L),
                        Choice.ABSTENTION, ids(6L), Choice.NOT_VOTING, ids(6L), Choice.NOT_PARTICIPATING, ids(6L))))
                        .containsExactly("for[0]", "against[0]", "abstention[0]", "notVoting[0]", "notParticipating[0]");
            }
        }
    }

    @Nested
    class Counting {

        @Test
        void adoptsTheSeedItemWithFortyForOfWhichFifteenProxies() {
            Tally tally = VotePolicy.tally(VotePolicy.ballots(seedRoll(), Map.of()), PRESIDENT);
            assertThat(tally).isEqualTo(new Tally(40, 0, 0, 0, 0, 15, VoteDecision.ADOPTED));
        }

        @Test
        void adoptsWithOneVoteMoreForThanAgainst() {
            assertThat(VotePolicy.tally(inPerson(Choice.AGAINST, Choice.FOR, Choice.FOR, Choice.AGAINST, Choice.FOR),
                    PRESIDENT).decision()).isEqualTo(VoteDecision.ADOPTED);
        }

        @Test
        void rejectsWithOneVoteMoreAgainstThanFor() {
            assertThat(VotePolicy.tally(inPerson(Choice.FOR, Choice.AGAINST, Choice.AGAINST, Choice.FOR, Choice.AGAINST),
                    PRESIDENT).decision()).isEqualTo(VoteDecision.REJECTED);
        }

        @Test
        void doesNotCountAbstentionsNotVotingOrNotParticipatingAsVotesCast() {
            // 2 for, 1 against: adopted, though only 2 of 8 voted for
            Tally tally = VotePolicy.tally(inPerson(Choice.FOR, Choice.FOR, Choice.AGAINST,
                    Choice.ABSTENTION, Choice.ABSTENTION, Choice.NOT_VOTING, Choice.NOT_VOTING, Choice.NOT_PARTICIPATING),
                    PRESIDENT);
            assertThat(tally).isEqualTo(new Tally(2, 1, 2, 2, 1, 0, VoteDecision.ADOPTED));
        }

        @Test
        void adoptsATieWhenThePresidentVotedFor() {
            assertThat(VotePolicy.tally(inPerson(Choice.FOR, Choice.AGAINST, Choice.FOR, Choice.AGAINST), PRESIDENT)
                    .decision()).isEqualTo(VoteDecision.ADOPTED);
        }

        @Test
        void rejectsATieWhenThePresidentVotedAgainst() {
            assertThat(VotePolicy.tally(inPerson(Choice.AGAINST, Choice.FOR, Choice.FOR, Choice.AGAINST), PRESIDENT)
                    .decision()).isEqualTo(VoteDecision.REJECTED);
        }

        @Test
        void rejectsATieWhenThePresidentAbstained() {
            assertThat(VotePolicy.tally(inPerson(Choice.ABSTENTION, Choice.FOR, Choice.AGAINST), PRESIDENT).decision())
                    .isEqualTo(VoteDecision.REJECTED);
            assertThat(VotePolicy.tally(inPerson(Choice.NOT_VOTING, Choice.FOR, Choice.AGAINST), PRESIDENT).decision())
                    .isEqualTo(VoteDecision.REJECTED);
            assertThat(VotePolicy.tally(inPerson(Choice.NOT_PARTICIPATING, Choice.FOR, Choice.AGAINST), PRESIDENT)
                    .decision()).isEqualTo(VoteDecision.REJECTED);
        }

        @Test
        void rejectsATieWhenThePresidentDidNotSit() {
            assertThat(VotePolicy.tally(inPerson(Choice.FOR, Choice.AGAINST), 99L).decision())
                    .isEqualTo(VoteDecision.REJECTED);
        }

        @Test
        void rejectsWhenEveryoneAbstains() {
            Tally tally = VotePolicy.tally(
                    inPerson(Choice.ABSTENTION, Choice.ABSTENTION, Choice.ABSTENTION), PRESIDENT);
            assertThat(tally).isEqualTo(new Tally(0, 0, 3, 0, 0, 0, VoteDecision.REJECTED));
        }

        @Test
        void rejectsWhenNoVoteIsCastAtAll() {
            assertThat(VotePolicy.tally(inPerson(Choice.NOT_VOTING, Choice.NOT_PARTICIPATING), PRESIDENT).decision())
                    .isEqualTo(VoteDecision.REJECTED);
            assertThat(VotePolicy.tally(List.of(), PRESIDENT).decision()).isEqualTo(VoteDecision.REJECTED);
        }

        @Test
        void adoptsWithASingleVoteForAndEveryoneElseAbstaining() {
            assertThat(VotePolicy.tally(inPerson(Choice.ABSTENTION, Choice.FOR, Choice.ABSTENTION), PRESIDENT).decision())
                    .isEqualTo(VoteDecision.ADOPTED);
        }

        @Test
        void countsProxyVotesWhateverTheirChoiceButNotProxiesOfMembersTakingNoPart() {
            List<Cast> ballots = List.of(new Cast(1L, Choice.FOR, 1L), new Cast(2L, Choice.FOR, 2L),
                    new Cast(3L, Choice.AGAINST, 3L), new Cast(4L, Choice.ABSTENTION, 4L),
                    new Cast(11L, Choice.FOR, 1L), new Cast(12L, Choice.AGAINST, 2L),
                    new Cast(13L, Choice.ABSTENTION, 3L), new Cast(14L, Choice.NOT_VOTING, 4L),
                    new Cast(15L, Choice.NOT_PARTICIPATING, 5L));
            Tally tally = VotePolicy.tally(ballots, PRESIDENT);
            assertThat(tally).isEqualTo(new Tally(3, 2, 2, 1, 1, 4, VoteDecision.ADOPTED));
        }

        @Test
        void countsThePresidentsProxyTieBreakForAPresidentWhoVotedFor() {
            // the President votes FOR in person; the proxy he holds goes AGAINST: 2-2, his own vote prevails
            List<Cast> ballots = List.of(new Cast(1L, Choice.FOR, 1L), new Cast(2L, Choice.FOR, 2L),
                    new Cast(3L, Choice.AGAINST, 3L), new Cast(10L, Choice.AGAINST, 1L));
            assertThat(VotePolicy.tally(ballots, PRESIDENT).decision()).isEqualTo(VoteDecision.ADOPTED);
        }

        @Test
        void givesNoCastingVoteToAnAbsentPresidentWhoseProxyVotedFor() {
            // the President is absent and represented by member 2: his proxy counts, but breaks no tie
            List<Cast> ballots = List.of(new Cast(PRESIDENT, Choice.FOR, 2L), new Cast(2L, Choice.FOR, 2L),
                    new Cast(3L, Choice.AGAINST, 3L), new Cast(4L, Choice.AGAINST, 4L));
            Tally tally = VotePolicy.tally(ballots, PRESIDENT);
            assertThat(tally.forCount()).isEqualTo(2);
            assertThat(tally.decision()).isEqualTo(VoteDecision.REJECTED);
        }

        @Test
        void tallyTheListedChoicesOfARoll() {
            // smallRoll: 1-4 present, 5 represented by 2; 3 against and the proxy of 5 against: 2 for, 2 against
            Tally tally = VotePolicy.tally(VotePolicy.ballots(smallRoll(),
                    marked(Choice.AGAINST, ids(3L, 5L), Choice.ABSTENTION, ids(4L))), PRESIDENT);
            assertThat(tally).isEqualTo(new Tally(2, 2, 1, 0, 0, 1, VoteDecision.ADOPTED));
        }
    }

    @Nested
    class SecretBallots {

        @Test
        void adoptByTheMajorityOfVotesCast() {
            Tally tally = VotePolicy.secretTally(new SecretBallot(21, 19, 0, 0), 40, 15, 0);
            assertThat(tally.decision()).isEqualTo(VoteDecision.ADOPTED);
            assertThat(tally.proxies()).isEqualTo(15);
        }

        @Test
        void loseATieForNobodysVotePrevails() {
            assertThat(VotePolicy.secretTally(new SecretBallot(20, 20, 0, 0), 40, 15, 0).decision())
                    .isEqualTo(VoteDecision.REJECTED);
        }

        @Test
        void mustAccountForEveryVoter() {
            assertThatThrownBy(() -> VotePolicy.secretTally(new SecretBallot(20, 19, 0, 0), 40, 15, 0))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("doivent égaler le nombre de votants (40");
        }

        @Test
        void refuseANegativeOrMissingCount() {
            assertThatThrownBy(() -> VotePolicy.secretTally(new SecretBallot(-1, null, 0, 0), 40, 15, 0))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                            .extracting(FieldError::field)
                            .containsExactly("secret.for", "secret.against"));
        }
    }
}
