package fr.subventions.signature;

import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.spi.DSSASN1Utils;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore.PasswordProtection;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Each signatory role's key, opened once from its PKCS#12 keystore: the configured one
 * ({@code subventions.signature.<role>.keystore}), or, with none configured, the demo profile's test keystore. A
 * configured keystore that is missing is never replaced by a test one. A key whose certificate is not valid at the
 * signing time is opened again: the demo's are then made anew, a configured keystore replaced on disk by a renewed one
 * is read.
 */
@Component
class SigningKeys {

    /** An opened key: the token that signs with it, the entry, and the signer's name (the certificate's CN). */
    record Signatory(Pkcs12SignatureToken token, DSSPrivateKeyEntry key, String name) {
    }

    private final SignatureSettings settings;
    private final ObjectProvider<DemoSigningKeys> demo;
    private final Map<SignatoryRole, Signatory> opened = new ConcurrentHashMap<>();

    SigningKeys(SignatureSettings settings, ObjectProvider<DemoSigningKeys> demo) {
        this.settings = settings;
        this.demo = demo;
    }

    Signatory of(SignatoryRole role) {
        return opened.computeIfAbsent(role, this::open);
    }

    /** The role's key for a signature at {@code at}: opened again when its certificate is not valid then. */
    Signatory of(SignatoryRole role, Instant at) {
        return opened.compute(role, (r, cached) -> {
            if (cached != null && cached.key().getCertificate().isValidOn(Date.from(at))) {
                return cached;
            }
            if (cached != null) {
                cached.token().close();
            }
            return open(r);
        });
    }

    private Signatory open(SignatoryRole role) {
        SignatureSettings.Keystore configured = settings.keystore(role);
        String setting = "subventions.signature." + role.setting();
        String variable = role.environmentPrefix();
        Path path;
        String password;
        String alias = configured.alias();
        if (configured.configured()) {
            path = Path.of(configured.keystore());
            password = configured.password();
            if (!Files.isReadable(path)) {
                throw new SigningKeyUnavailableException("Le magasin de clés de signature de « " + role.label() + " » est "
                        + "introuvable ou illisible : " + path + ". Corrigez " + setting + ".keystore (variable "
                        + variable + "_KEYSTORE).");
            }
            if (password == null || password.isEmpty()) {
                throw new SigningKeyUnavailableException("Le mot de passe du magasin de clés de « " + role.label()
                        + " » n'est pas renseigné : définissez " + setting + ".password (variable " + variable + "_PASSWORD).");
            }
        } else {
            DemoSigningKeys demoKeys = demo.getIfAvailable();
            if (demoKeys == null) {
                throw new SigningKeyUnavailableException("Aucun certificat de signature n'est configuré pour « "
                        + role.label() + " » : définissez " + setting + ".keystore et " + setting + ".password (variables "
                        + variable + "_KEYSTORE et " + variable + "_PASSWORD), un magasin PKCS#12.");
            }
            DemoSigningKeys.Keystore keystore = demoKeys.keystore(role);
            path = keystore.path();
            password = keystore.password();
            alias = null;
        }
        return open(role, path, password, alias, setting, variable);
    }

    private static Signatory open(SignatoryRole role, Path path, String password, String alias, String setting,
            String variable) {
        Pkcs12SignatureToken token;
        try {
            token = new Pkcs12SignatureToken(path.toFile(), new PasswordProtection(password.toCharArray()));
        } catch (IOException | DSSException e) {
            throw new SigningKeyUnavailableException("Le magasin de clés de « " + role.label() + " » (" + path + ") ne "
                    + "s'ouvre pas : est-ce bien un fichier PKCS#12, et son mot de passe (" + setting + ".password, variable "
                    + variable + "_PASSWORD) est-il le bon ?", e);
        }
        DSSPrivateKeyEntry key;
        try {
            List<DSSPrivateKeyEntry> keys = token.getKeys();
            key = alias == null || alias.isBlank() ? keys.stream().findFirst().orElse(null) : token.getKey(alias);
        } catch (DSSException e) {
            token.close();
            throw new SigningKeyUnavailableException("La clé de « " + role.label() + " » ne se lit pas dans " + path
                    + " : le mot de passe de la clé doit être celui du magasin (" + setting + ".password).", e);
        }
        if (key == null) {
            token.close();
            throw new SigningKeyUnavailableException("Le magasin de clés de « " + role.label() + " » (" + path + ") ne "
                    + "contient " + (alias == null || alias.isBlank() ? "aucune clé privée"
                            : "pas de clé « " + alias + " » : corrigez " + setting + ".alias") + ".");
        }
        return new Signatory(token, key, DSSASN1Utils.getSubjectCommonName(key.getCertificate()));
    }
}
