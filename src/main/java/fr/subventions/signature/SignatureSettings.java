package fr.subventions.signature;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code subventions.signature.*}: the keys the authority's acts are signed with, one PKCS#12 keystore per signatory
 * role, and the time-stamping authority. Paths and passwords come from the environment (docs/signatures.md).
 *
 * @param president   the President's keystore
 * @param secretary   the secretary of the séance's keystore
 * @param tsaUrl      an RFC 3161 time-stamping authority: PAdES B-T when set, B-B otherwise
 * @param demoKeysDir where the demo profile writes its test authority and keystores
 * @param location    the place of signing, written in each signature (the authority's city)
 * @param maxSize     the largest PDF whose signatures are verified
 */
@ConfigurationProperties(prefix = "subventions.signature")
public record SignatureSettings(@DefaultValue Keystore president, @DefaultValue Keystore secretary, String tsaUrl,
        @DefaultValue("./data/signature") Path demoKeysDir, String location, @DefaultValue("10MB") DataSize maxSize) {

    /**
     * One signatory's PKCS#12 keystore.
     *
     * @param keystore its path; empty: none configured (the demo profile then makes a test one)
     * @param password its password, which also protects the key
     * @param alias    the key's alias; empty: the first key entry
     */
    public record Keystore(String keystore, String password, String alias) {

        boolean configured() {
            return keystore != null && !keystore.isBlank();
        }
    }

    Keystore keystore(SignatoryRole role) {
        return role == SignatoryRole.PRESIDENT ? president : secretary;
    }

    boolean timestamped() {
        return tsaUrl != null && !tsaUrl.isBlank();
    }
}
