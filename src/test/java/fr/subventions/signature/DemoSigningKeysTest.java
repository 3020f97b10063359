package fr.subventions.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's keys: made on the first start, found and reused on the next while valid, made anew once not, marked as
 * test certificates.
 */
class DemoSigningKeysTest {

    @TempDir
    Path folder;

    @Test
    void theKeysAreMadeOnTheFirstStartAndReusedOnTheSecond() throws Exception {
        Clock clock = Clock.system(ZoneId.of("Europe/Paris"));
        new DemoSigningKeys(folder, "Dijon Métropole", clock).run(null);
        Map<Path, byte[]> first = contents();
        assertThat(first).hasSize(5);

        DemoSigningKeys secondStart = new DemoSigningKeys(folder, "Dijon Métropole", clock);
        secondStart.run(null);
        DemoSigningKeys.Keystore president = secondStart.keystore(SignatoryRole.PRESIDENT);

        assertThat(contents()).containsOnlyKeys(first.keySet())
                .allSatisfy((file, bytes) -> assertThat(bytes).as(file.toString()).isEqualTo(first.get(file)));
        assertThat(president.password()).isEqualTo(Files.readString(folder.resolve("president.password")).strip());
    }

    @Test
    void eachSignatoryHasAPasswordOnlyItsOwnerReadsAndATestCertificateFromTheTestAuthority() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Europe/Paris"));
        DemoSigningKeys demo = new DemoSigningKeys(folder, "Dijon Métropole", Clock.system(now.getZone()));
        demo.ensure();

        X509Certificate authority;
        try (InputStream in = Files.newInputStream(demo.authorityCertificate())) {
            authority = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(cn(authority.getSubjectX500Principal())).isEqualTo(DemoSigningKeys.AUTHORITY_NAME);
        for (SignatoryRole role : SignatoryRole.values()) {
            DemoSigningKeys.Keystore keystore = demo.keystore(role);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(role.setting() + ".password"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore.path()))).isEqualTo("rw-------");
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore.path())) {
                store.load(in, keystore.password().toCharArray());
            }
            String alias = Collections.list(store.aliases()).get(0);
            X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
            assertThat(store.isKeyEntry(alias)).isTrue();
            assertThat(cn(certificate.getSubjectX500Principal())).isEqualTo(DemoSigningKeys.SIGNATORIES.get(role))
                    .endsWith("(certificat de test)");
            assertThat(certificate.getSubjectX500Principal().getName()).contains("OU=Certificat de test");
            assertThat(certificate.getIssuerX500Principal()).isEqualTo(authority.getSubjectX500Principal());
            certificate.verify(authority.getPublicKey());
            assertThat(certificate.getKeyUsage()).as("digitalSignature, nonRepudiation only")
                    .containsExactly(true, true, false, false, false, false, false, false, false);
            assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
            assertThat(certificate.getNotAfter().toInstant()).isBetween(now.plusYears(3).minusDays(1).toInstant(),
                    now.plusYears(3).plusDays(1).toInstant());
        }
    }

    /**
     * A demo that runs longer than its keys' three years, or whose clock goes back before them, still signs: the keys
     * are made anew, valid from then; within their period they are kept, to the second.
     */
    @Test
    void keysNoLongerValidAreMadeAnewAndValidOnesKept() throws Exception {
        Instant made = Instant.parse("2024-06-20T08:00:00Z");
        new DemoSigningKeys(folder, "Dijon Métropole", at(made)).ensure();
        Map<Path, byte[]> first = contents();

        Instant lastSecond = Instant.parse("2027-06-20T08:00:00Z");
        new DemoSigningKeys(folder, "Dijon Métropole", at(lastSecond)).ensure();
        assertThat(contents()).allSatisfy((file, bytes) -> assertThat(bytes).as(file.toString()).isEqualTo(first.get(file)));

        Instant expired = lastSecond.plusSeconds(1);
        DemoSigningKeys renewed = new DemoSigningKeys(folder, "Dijon Métropole", at(expired));
        renewed.ensure();
        Map<Path, byte[]> second = contents();
        assertThat(second).containsOnlyKeys(first.keySet())
                .allSatisfy((file, bytes) -> assertThat(bytes).as(file.toString()).isNotEqualTo(first.get(file)));
        X509Certificate president = certificate(renewed.keystore(SignatoryRole.PRESIDENT));
        president.checkValidity(Date.from(expired));
        assertThat(president.getNotBefore().toInstant()).isEqualTo(expired.minusSeconds(3600));

        Instant setBack = Instant.parse("2023-09-14T08:00:00Z");
        DemoSigningKeys earlier = new DemoSigningKeys(folder, "Dijon Métropole", at(setBack));
        earlier.ensure();
        assertThat(contents().get(Path.of("ac-de-test.pem"))).isNotEqualTo(second.get(Path.of("ac-de-test.pem")));
        certificate(earlier.keystore(SignatoryRole.SECRETARY)).checkValidity(Date.from(setBack));
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneId.of("Europe/Paris"));
    }

    private static X509Certificate certificate(DemoSigningKeys.Keystore keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore.path())) {
            store.load(in, keystore.password().toCharArray());
        }
        return (X509Certificate) store.getCertificate(Collections.list(store.aliases()).get(0));
    }

    private Map<Path, byte[]> contents() throws Exception {
        Map<Path, byte[]> files = new HashMap<>();
        try (var list = Files.list(folder)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static String cn(X500Principal principal) {
        for (String part : principal.getName(X500Principal.RFC2253).split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return null;
    }
}
