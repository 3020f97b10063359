package fr.subventions.acts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The authority's @CTES identity and the transmission's settings as Spring binds them from application.yml, and the
 * start-up refused, naming the property, when one is wrong.
 */
class ActsConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(ActsConfiguration.class);

    @Test
    void theDemoIsDijonMetropoleThroughTheConnectorsFolders() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(AuthorityIdentifiers.class))
                    .isEqualTo(new AuthorityIdentifiers("242100410", "021", "2", "45"));
            TransmissionSettings settings = started.getBean(TransmissionSettings.class);
            assertThat(settings.returnEmail()).isEqualTo("actes@example.org");
            assertThat(settings.trigram()).isEqualTo("SLO");
            assertThat(settings.classificationDate()).isEqualTo(LocalDate.of(2023, 1, 1));
            assertThat(settings.outbox().normalize()).isEqualTo(Path.of("data", "actes", "outbox"));
            assertThat(settings.inbox().normalize()).isEqualTo(Path.of("data", "actes", "inbox"));
            assertThat(settings.transmitConventions()).isFalse();
            assertThat(settings.documentPapier()).isFalse();
        });
    }

    @Test
    void anotherAuthorityIsSetByItsEnvironment() {
        context.withPropertyValues("subventions.authority.siren=213502388", "subventions.authority.departement=035",
                "subventions.authority.arrondissement=3", "subventions.authority.nature=31",
                "subventions.transmission.transmit-conventions=true").run(started -> {
                    assertThat(started.getBean(AuthorityIdentifiers.class))
                            .isEqualTo(new AuthorityIdentifiers("213502388", "035", "3", "31"));
                    assertThat(started.getBean(TransmissionSettings.class).transmitConventions()).isTrue();
                });
    }

    @Test
    void aSirenThatIsNoneStopsTheStartNamingTheProperty() {
        for (String siren : new String[] {"242100411", "24210041", "24210041A", "000000000"}) {
            context.withPropertyValues("subventions.authority.siren=" + siren).run(started -> {
                assertThat(started).hasFailed();
                assertThat(started.getStartupFailure()).rootCause().hasMessage("subventions.authority.siren "
                        + "(SUBVENTIONS_AUTHORITY_SIREN) : « " + siren + " » n'est pas un numéro SIREN (9 chiffres dont "
                        + "le dernier est la clé de Luhn)");
            });
        }
    }

    @Test
    void aWrongDepartementTrigramOrAddressStopsTheStart() {
        context.withPropertyValues("subventions.authority.departement=21").run(started -> assertThat(started
                .getStartupFailure()).rootCause().hasMessageContaining("SUBVENTIONS_AUTHORITY_DEPARTEMENT"));
        context.withPropertyValues("subventions.transmission.trigram=s2low").run(started -> assertThat(started
                .getStartupFailure()).rootCause().hasMessageContaining("SUBVENTIONS_TRANSMISSION_TRIGRAM"));
        context.withPropertyValues("subventions.transmission.return-email=actes@localhost").run(started -> assertThat(
                started.getStartupFailure()).rootCause().hasMessageContaining("SUBVENTIONS_TRANSMISSION_RETURN_EMAIL"));
        context.withPropertyValues("subventions.transmission.inbox=./data/actes/outbox").run(started -> assertThat(
                started.getStartupFailure()).rootCause().hasMessageContaining("deux dossiers distincts"));
    }

    @Test
    void aSirenIsNineDigitsWhoseLuhnSumHolds() {
        assertThat(AuthorityIdentifiers.isSiren("242100410")).isTrue();
        assertThat(AuthorityIdentifiers.isSiren("213502388")).isTrue();
        assertThat(AuthorityIdentifiers.isSiren("242100411")).isFalse();
        assertThat(AuthorityIdentifiers.isSiren(null)).isFalse();
    }
}
