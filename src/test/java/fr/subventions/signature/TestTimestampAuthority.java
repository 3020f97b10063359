package fr.subventions.signature;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A real RFC 3161 time-stamping authority for the tests: BouncyCastle's response generator behind the JDK's HTTP
 * server, on a free port of the loopback, with its own test authority and a certificate for time-stamping only.
 */
final class TestTimestampAuthority implements AutoCloseable {

    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");

    private final HttpServer server;
    private final TimeStampResponseGenerator responses;
    private final AtomicLong serial = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    TestTimestampAuthority() throws Exception {
        KeyPair authorityKeys = TestCertificates.keyPair();
        X509Certificate authority = TestCertificates.authority(TestCertificates.name("AC horodatage de test", null),
                authorityKeys, Instant.now());
        KeyPair keys = TestCertificates.keyPair();
        X509Certificate certificate = TestCertificates.issue(TestCertificates.name("Horodatage de test", null),
                keys.getPublic(), authority, authorityKeys.getPrivate(), Instant.now(),
                new KeyUsage(KeyUsage.digitalSignature), new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", keys.getPrivate(), certificate),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                POLICY);
        tokens.addCertificates(new JcaCertStore(List.of(certificate, authority)));
        responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", exchange -> {
            requests.incrementAndGet();
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                byte[] answer = respond(in.readAllBytes());
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, answer.length);
                out.write(answer);
            }
        });
        server.start();
    }

    String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/tsa";
    }

    long requests() {
        return requests.get();
    }

    private byte[] respond(byte[] request) throws IOException {
        try {
            return responses.generate(new TimeStampRequest(request), BigInteger.valueOf(serial.incrementAndGet()), new Date())
                    .getEncoded();
        } catch (Exception e) {
            throw new IOException("the test TSA could not answer", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
