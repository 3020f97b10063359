package fr.subventions.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vote the API, the séance page and Tasklist record alike. */
class CastVoteTest {

    @Test
    void refusesAMissingMemberIdNamingItsListAndIndex() {
        InvalidInputException e = catchThrowableOfType(() -> CastVote.marking(Map.of(Choice.ABSTENTION,
                Arrays.asList(4L, null))), InvalidInputException.class);
        assertThat(e.errors()).containsExactly(new FieldError("abstention[1]", "identifiant de membre invalide : null"));
    }

    @Test
    void listsTheChoicesInTheOrderTheFormShowsThem() {
        CastVote vote = CastVote.marking(Map.of(Choice.NOT_PARTICIPATING, List.of(9L), Choice.AGAINST, List.of(2L),
                Choice.NOT_VOTING, List.of(), Choice.ABSTENTION, List.of(5L)));
        assertThat(vote.marked().keySet()).containsExactly(Choice.AGAINST, Choice.ABSTENTION, Choice.NOT_VOTING,
                Choice.NOT_PARTICIPATING);
    }

    @Test
    void aSecretBallotNamesNobodyUnlessSomeoneIsMarked() {
        assertThat(CastVote.secretBallot(new SecretBallot(20, 20, 0, 0)).namesAnyone()).isFalse();
        assertThat(new CastVote(Map.of(Choice.AGAINST, List.of(3L)), false, new SecretBallot(1, 0, 0, 0), null)
                .namesAnyone()).isTrue();
    }
}
