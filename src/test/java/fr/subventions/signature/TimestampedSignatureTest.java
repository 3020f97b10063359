package fr.subventions.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a time-stamping authority configured, the acts are signed PAdES B-T: the TSA vouches for the time. */
class TimestampedSignatureTest {

    @TempDir
    Path folder;

    @Test
    void withATimestampAuthorityTheSignatureIsBaselineTAndCarriesItsTimestamp() throws Exception {
        try (TestTimestampAuthority tsa = new TestTimestampAuthority()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            SignatureSettings settings = SigningTestKit.settings(folder.resolve("keys"), tsa.url());
            ActSigner signer = SigningTestKit.signer(settings, Clock.fixed(now, ZoneId.of("Europe/Paris")));

            byte[] signed = signer.sign(SigningTestKit.fixture(), SignatoryRole.PRESIDENT, null);

            assertThat(tsa.requests()).as("the TSA was asked once").isEqualTo(1);
            VerifiedPdf verified = SigningTestKit.verifier().verify(signed);
            assertThat(verified.signatures()).singleElement().satisfies(s -> {
                assertThat(s.level()).isEqualTo("PAdES-BASELINE-T");
                assertThat(s.timestamped()).isTrue();
                assertThat(Duration.between(now, s.timestampTime()).abs()).isLessThan(Duration.ofMinutes(1));
                assertThat(s.intact()).isTrue();
                assertThat(s.coversWholeDocument()).isTrue();
                assertThat(s.signerName()).isEqualTo("François REBSAMEN (certificat de test)");
                assertThat(s.signingTime()).isEqualTo(now);
            });
            assertThat(SigningTestKit.pdfsig(signed, folder)).contains("Signature is Valid.");
        }
    }
}
