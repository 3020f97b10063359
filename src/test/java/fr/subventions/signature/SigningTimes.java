package fr.subventions.signature;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long the two signatures of an extract take (secretary, then President, PAdES B-B): 20 runs after 5 of warm-up,
 * the median and the 95th percentile printed, nothing asserted. Not part of the test command:
 * {@code mvn -B test -Dtest=SigningTimes -Dsignature.times=true}.
 */
@EnabledIfSystemProperty(named = "signature.times", matches = "true")
class SigningTimes {

    @TempDir
    Path folder;

    @Test
    void signingTheFixtureTwice() throws Exception {
        ActSigner signer = SigningTestKit.signer(SigningTestKit.settings(folder, null), Clock.systemDefaultZone());
        byte[] fixture = SigningTestKit.fixture();
        for (int i = 0; i < 5; i++) {
            signer.sign(signer.sign(fixture, SignatoryRole.SECRETARY, null), SignatoryRole.PRESIDENT, null);
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            signer.sign(signer.sign(fixture, SignatoryRole.SECRETARY, null), SignatoryRole.PRESIDENT, null);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(millis);
        System.out.printf("Signing the fixture twice, 20 runs: p50 %d ms, p95 %d ms, min %d ms, max %d ms%n",
                millis.get(9), millis.get(18), millis.get(0), millis.get(19));
    }
}
