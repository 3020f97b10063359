package fr.subventions.acts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.subventions.shared.StageConflictException;
import fr.subventions.submission.VoteDecision;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** An act's dates are facts recorded once: the first publication stays, a second acknowledgement is refused. */
class ActRulesTest {

    static final LocalDate SEANCE = LocalDate.of(2023, 9, 14);
    static final Instant SIGNED = Instant.parse("2023-09-14T16:00:00Z");

    static Act deliberation() {
        return new Act(ActKind.DELIBERATION, "B2023_0001", 1L, 1L, 1L, SEANCE, "Bureau métropolitain",
                "Attribution d'une subvention", VoteDecision.ADOPTED, 10L, SIGNED, true);
    }

    @Test
    void signedThenSentThenAcknowledgedThenPublishedIsExecutory() {
        Act act = deliberation();
        assertThat(act.state()).isEqualTo(ActState.SIGNED);
        act.transmitted(SIGNED.plusSeconds(60));
        assertThat(act.state()).isEqualTo(ActState.TRANSMITTED);
        act.acknowledge("021-242100410-20230914-B2023_0001-DE", SEANCE.plusDays(1), SIGNED.plusSeconds(3600));
        assertThat(act.state()).isEqualTo(ActState.ACKNOWLEDGED);
        assertThat(act.settleExecutory()).isFalse();
        assertThat(act.publish(SIGNED.plusSeconds(7200), SEANCE.plusDays(2))).isTrue();
        assertThat(act.settleExecutory()).isTrue();
        assertThat(act.state()).isEqualTo(ActState.EXECUTORY);
        assertThat(act.executoryOn()).isEqualTo(SEANCE.plusDays(2));
    }

    @Test
    void theFirstPublicationDateIsKept() {
        Act act = deliberation();
        act.publish(SIGNED, SEANCE.plusDays(1));
        assertThat(act.publish(SIGNED.plusSeconds(86_400), SEANCE.plusDays(2))).isFalse();
        assertThat(act.publishedOn()).isEqualTo(SEANCE.plusDays(1));
        assertThat(act.publishedAt()).isEqualTo(SIGNED);
    }

    @Test
    void aSecondAcknowledgementIsRefusedAndChangesNothing() {
        Act act = deliberation();
        act.transmitted(SIGNED);
        act.acknowledge("021-242100410-20230914-B2023_0001-DE", SEANCE.plusDays(1), SIGNED);
        assertThatThrownBy(() -> act.acknowledge("021-242100410-20230914-B2023_0001-DE", SEANCE.plusDays(3), SIGNED))
                .isInstanceOf(StageConflictException.class).hasMessageContaining("déjà été enregistré");
        assertThat(act.receivedOn()).isEqualTo(SEANCE.plusDays(1));
    }

    @Test
    void anAcknowledgementOfAnActNeverSentIsRefused() {
        assertThatThrownBy(() -> deliberation().acknowledge("021-242100410-20230914-B2023_0001-DE", SEANCE, SIGNED))
                .isInstanceOf(StageConflictException.class).hasMessageContaining("n'a pas été transmis");
    }

    @Test
    void anAnomalyIsShownUntilTheActIsSentAgain() {
        Act act = deliberation();
        act.transmitted(SIGNED);
        act.anomaly("Acte illisible", SIGNED.plusSeconds(60));
        assertThat(act.state()).isEqualTo(ActState.ANOMALY);
        assertThat(act.anomalyDetail()).isEqualTo("Acte illisible");
        act.transmitted(SIGNED.plusSeconds(120));
        assertThat(act.state()).isEqualTo(ActState.TRANSMITTED);
        assertThat(act.anomalyDetail()).isNull();
    }

    @Test
    void aListOfDeliberationsIsPublishedButNeverSent() {
        Act list = new Act(ActKind.DELIBERATION_LIST, "B20230914_L1", null, 1L, null, SEANCE, "Bureau métropolitain",
                "Liste", null, 11L, SIGNED, true);
        assertThat(list.transmissionRequired()).isFalse();
        list.publish(SIGNED, SEANCE.plusDays(1));
        assertThat(list.settleExecutory()).isTrue();
        assertThat(list.executoryOn()).isEqualTo(SEANCE.plusDays(1));
    }
}
