package fr.subventions.bureau;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** L2121-20: a written proxy is valid for three consecutive séances at most, save for a duly established illness. */
class MemberProxyTest {

    private static final LocalDate SIGNED = LocalDate.of(2023, 9, 1);
    private static final LocalDate SEANCE = LocalDate.of(2023, 9, 14);

    private static MemberProxy proxy(Integer sessions, boolean illness) {
        return new MemberProxy(AssemblyBody.BUREAU, 1L, 2L, SIGNED, sessions, illness, "secretariat", Instant.EPOCH);
    }

    @Test
    void servesInItsThirdConsecutiveSeance() {
        assertThat(proxy(3, false).refusalFor(3, SEANCE)).isNull();
    }

    @Test
    void isRefusedInItsFourthConsecutiveSeanceNamingTheRule() {
        assertThat(proxy(3, false).refusalFor(4, SEANCE)).contains("4e séance consécutive", "3 séances consécutives au plus",
                "maladie", "article L2121-20 du CGCT");
    }

    @Test
    void anIllnessLetsItServeBeyondThreeSeances() {
        assertThat(proxy(null, true).refusalFor(4, SEANCE)).isNull();
        assertThat(proxy(null, true).refusalFor(12, SEANCE)).isNull();
    }

    @Test
    void aProxyForOneSeanceDoesNotServeInASecond() {
        assertThat(proxy(1, false).refusalFor(1, SEANCE)).isNull();
        assertThat(proxy(1, false).refusalFor(2, SEANCE)).contains("donné pour 1 séance(s)");
    }

    @Test
    void aRevokedProxyServesNoLonger() {
        MemberProxy proxy = proxy(3, false);
        proxy.revoke(SEANCE);

        assertThat(proxy.refusalFor(2, SEANCE.minusDays(1))).isNull();
        assertThat(proxy.refusalFor(2, SEANCE)).contains("révoqué le 14 septembre 2023");
    }

    @Test
    void doesNotServeInASeanceBeforeItWasSigned() {
        assertThat(proxy(3, false).refusalFor(1, SIGNED.minusDays(1))).contains("daté du 1er septembre 2023");
    }
}
