package fr.subventions.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

/** The module's beans with application.yml as shipped: what an authority gets before it sets its own keys. */
class SignatureWiringTest {

    @TempDir
    Path folder;

    ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(SignatureConfiguration.class, SigningKeys.class, ActSigner.class, SignatureVerifier.class,
                    DemoSigningKeys.class)
            .withBean(Clock.class, Clock::systemDefaultZone);

    @Test
    void theShippedSettingsConfigureNoKeyNoTimestampAndTheAuthoritysCity() {
        context.withInitializer(c -> c.getEnvironment().setActiveProfiles("prod")).run(c -> {
            SignatureSettings settings = c.getBean(SignatureSettings.class);
            assertThat(settings.president().configured()).isFalse();
            assertThat(settings.secretary().configured()).isFalse();
            assertThat(settings.timestamped()).isFalse();
            assertThat(settings.location()).isEqualTo("Dijon");
            assertThat(settings.maxSize()).isEqualTo(DataSize.ofMegabytes(10));
            assertThat(settings.demoKeysDir().normalize()).isEqualTo(Path.of("data", "signature"));
            assertThat(c).doesNotHaveBean(DemoSigningKeys.class);
            assertThatThrownBy(() -> c.getBean(ActSigner.class).signerName(SignatoryRole.SECRETARY))
                    .isInstanceOf(SigningKeyUnavailableException.class)
                    .hasMessageContaining("SUBVENTIONS_SIGNATURE_SECRETARY_KEYSTORE");
        });
    }

    @Test
    void theDemoProfileSignsWithItsTestKeys() {
        context.withInitializer(c -> c.getEnvironment().setActiveProfiles("demo"))
                .withPropertyValues("subventions.signature.demo-keys-dir=" + folder).run(c -> {
                    assertThat(c.getBean(ActSigner.class).signerName(SignatoryRole.PRESIDENT))
                            .isEqualTo("François REBSAMEN (certificat de test)");
                    assertThat(Files.exists(folder.resolve(DemoSigningKeys.AUTHORITY_FILE))).isTrue();
                });
    }
}
