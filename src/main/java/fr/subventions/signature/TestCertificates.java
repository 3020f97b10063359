package fr.subventions.signature;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test certificates made with BouncyCastle: a certificate authority and the certificates it issues, every one marked as
 * a test certificate in its subject ({@code OU=Certificat de test}). EC keys on P-256, signed with SHA-256. For the
 * demo profile and the tests only: no authority's act is validly signed with these.
 */
final class TestCertificates {

    static final String TEST_UNIT = "Certificat de test";
    static final int VALIDITY_YEARS = 3;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {
    }

    static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no EC P-256 key generator in this JVM", e);
        }
    }

    /** {@code C=FR, O=<organisation>, OU=Certificat de test, CN=<commonName>}; no O when the organisation is blank. */
    static X500Name name(String commonName, String organisation) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "FR");
        if (organisation != null && !organisation.isBlank()) {
            name.addRDN(BCStyle.O, organisation);
        }
        return name.addRDN(BCStyle.OU, TEST_UNIT).addRDN(BCStyle.CN, commonName).build();
    }

    /** A self-signed certificate authority, valid {@value #VALIDITY_YEARS} years from an hour before {@code from}. */
    static X509Certificate authority(X500Name name, KeyPair keys, Instant from) {
        return build(name, keys.getPublic(), name, keys.getPrivate(), null, from, new BasicConstraints(0),
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign), null);
    }

    /** An end-entity certificate issued by {@code issuer}, with these key usages (and extended ones, or none). */
    static X509Certificate issue(X500Name subject, PublicKey key, X509Certificate issuer, PrivateKey issuerKey,
            Instant from, KeyUsage usage, ExtendedKeyUsage extendedUsage) {
        return build(subject, key, X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), issuerKey, issuer,
                from, new BasicConstraints(false), usage, extendedUsage);
    }

    /** A signatory's certificate: digitalSignature and nonRepudiation, as a qualified signing certificate has. */
    static X509Certificate signatory(X500Name subject, PublicKey key, X509Certificate issuer, PrivateKey issuerKey,
            Instant from) {
        return issue(subject, key, issuer, issuerKey, from, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
                null);
    }

    private static X509Certificate build(X500Name subject, PublicKey key, X500Name issuerName, PrivateKey issuerKey,
            X509Certificate issuer, Instant from, BasicConstraints constraints, KeyUsage usage, ExtendedKeyUsage extendedUsage) {
        Instant notBefore = from.minus(Duration.ofHours(1));
        Instant notAfter = from.atOffset(ZoneOffset.UTC).plusYears(VALIDITY_YEARS).toInstant();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter), subject, key);
            builder.addExtension(Extension.basicConstraints, true, constraints);
            builder.addExtension(Extension.keyUsage, true, usage);
            if (extendedUsage != null) {
                builder.addExtension(Extension.extendedKeyUsage, true, extendedUsage);
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuer));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("could not make a test certificate for " + subject, e);
        }
    }
}
