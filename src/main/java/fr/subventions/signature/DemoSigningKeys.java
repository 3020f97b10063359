package fr.subventions.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo profile's signing keys: on the first start, a test certificate authority and one PKCS#12 keystore per demo
 * signatory, in {@code subventions.signature.demo-keys-dir}; later starts find and reuse them while their certificates
 * are valid (three years), and make them anew once they are not, so that a demo running longer still signs. Each keystore's random
 * password is in a file beside it that only its owner may read ({@code president.password}). The names are those of
 * the demo Bureau (fr.subventions.system.DemoData): its President, and the member the demo's séances name secretary.
 * Used for a role whose {@code subventions.signature.<role>.keystore} is empty; a production authority sets its own.
 */
@Component
@Profile("demo")
public class DemoSigningKeys implements ApplicationRunner {

    public static final String AUTHORITY_NAME = "AC de test — subventions — NE PAS UTILISER EN PRODUCTION";

    static final Map<SignatoryRole, String> SIGNATORIES = Map.of(
            SignatoryRole.PRESIDENT, "François REBSAMEN (certificat de test)",
            SignatoryRole.SECRETARY, "Antoine HOAREAU (certificat de test)");

    static final String AUTHORITY_FILE = "ac-de-test.pem";
    static final String ALIAS = "signature";

    private static final Logger LOG = LoggerFactory.getLogger(DemoSigningKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final Path folder;
    private final String organisation;
    private final Clock clock;

    /** A keystore the demo made, and its password. */
    public record Keystore(Path path, String password) {
    }

    /** The keys are issued at the system's time, as {@link ActSigner} signs at it. */
    @Autowired
    DemoSigningKeys(SignatureSettings settings, @Value("${subventions.authority.name:}") String organisation) {
        this(settings.demoKeysDir(), organisation, Clock.systemUTC());
    }

    /** Keys in {@code folder}, the certificates naming {@code organisation} (may be empty). */
    public DemoSigningKeys(Path folder, String organisation, Clock clock) {
        this.folder = folder;
        this.organisation = organisation;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure();
    }

    /** The role's demo keystore, made with the others if they are not there yet. */
    public synchronized Keystore keystore(SignatoryRole role) {
        ensure();
        return new Keystore(keystorePath(role), read(passwordPath(role)));
    }

    /** The test authority's certificate (PEM), to be trusted by a PDF reader that should show the demo signatures valid. */
    public Path authorityCertificate() {
        return folder.resolve(AUTHORITY_FILE);
    }

    /**
     * Makes the authority and the keystores unless all are there and valid now: a missing one makes all of them anew,
     * and so does an authority whose certificate has expired or is not yet valid (the signatories' are issued with it,
     * for the same period).
     */
    public synchronized void ensure() {
        boolean complete = Files.isRegularFile(authorityCertificate());
        for (SignatoryRole role : SignatoryRole.values()) {
            complete &= Files.isRegularFile(keystorePath(role)) && Files.isRegularFile(passwordPath(role));
        }
        if (!complete) {
            create();
        } else if (!validNow()) {
            LOG.warn("The demo signing keys of {} are not valid on {}: made anew", folder.toAbsolutePath(), clock.instant());
            create();
        }
    }

    private boolean validNow() {
        try (InputStream in = Files.newInputStream(authorityCertificate())) {
            X509Certificate authority = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            authority.checkValidity(Date.from(clock.instant()));
            return true;
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the demo authority's certificate " + authorityCertificate(), e);
        } catch (GeneralSecurityException e) {
            // not a certificate any more: made anew, as a missing file would be
            return false;
        }
    }

    private void create() {
        try {
            Files.createDirectories(folder);
            restrict(folder, OWNER_ONLY_FOLDER);
            KeyPair authorityKeys = TestCertificates.keyPair();
            X509Certificate authority = TestCertificates.authority(TestCertificates.name(AUTHORITY_NAME, organisation),
                    authorityKeys, clock.instant());
            Map<SignatoryRole, X509Certificate> issued = new EnumMap<>(SignatoryRole.class);
            for (SignatoryRole role : SignatoryRole.values()) {
                KeyPair keys = TestCertificates.keyPair();
                X509Certificate certificate = TestCertificates.signatory(
                        TestCertificates.name(SIGNATORIES.get(role), organisation), keys.getPublic(), authority,
                        authorityKeys.getPrivate(), clock.instant());
                String password = password();
                write(passwordPath(role), password.getBytes(StandardCharsets.UTF_8));
                write(keystorePath(role), pkcs12(keys, new Certificate[] {certificate, authority}, password));
                issued.put(role, certificate);
            }
            write(authorityCertificate(), pem(authority));
            LOG.warn("Demo signing keys made in {}: a test certificate authority and a keystore for {}. TEST CERTIFICATES, "
                    + "never for an authority's real acts (docs/signatures.md)", folder.toAbsolutePath(), issued.keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the demo signing keys in " + folder, e);
        }
    }

    Path keystorePath(SignatoryRole role) {
        return folder.resolve(role.setting() + ".p12");
    }

    Path passwordPath(SignatoryRole role) {
        return folder.resolve(role.setting() + ".password");
    }

    private static String password() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static byte[] pkcs12(KeyPair keys, Certificate[] chain, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, keys.getPrivate(), password.toCharArray(), chain);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not write a PKCS#12 keystore", e);
        }
    }

    private static byte[] pem(X509Certificate certificate) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return ("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n")
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encode the test authority's certificate", e);
        }
    }

    /** Written readable by the owner only (where the file system has POSIX permissions). */
    private static void write(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(content);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
