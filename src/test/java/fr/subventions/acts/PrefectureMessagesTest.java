package fr.subventions.acts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prefecture's answers read back, and every hostile or wrong input refused with its French message on the field
 * "xml": nothing resolved, no file read, no request made. The samples are in src/test/resources/acts.
 */
class PrefectureMessagesTest {

    private static final String SECRET = "SECRET-de-la-machine-4f1c";

    @TempDir
    Path temp;

    /** A local HTTP server that counts the requests it gets: an external DTD or entity fetched would show here. */
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void listen() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("<!ENTITY secret \"" + SECRET + "\">").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anAcknowledgementGivesTheActsIdentifierAndItsDayOfReception() {
        PrefectureMessage message = PrefectureMessages.read(sample("aracte.xml"));

        assertThat(message).isInstanceOf(PrefectureMessage.Acknowledgement.class);
        PrefectureMessage.Acknowledgement ar = (PrefectureMessage.Acknowledgement) message;
        assertThat(ar.idActe().format()).isEqualTo("021-242100410-20230914-B2023_0001-DE");
        assertThat(ar.idActe().departement()).isEqualTo("021");
        assertThat(ar.idActe().siren()).isEqualTo("242100410");
        assertThat(ar.idActe().actDate()).isEqualTo(LocalDate.of(2023, 9, 14));
        assertThat(ar.idActe().number()).isEqualTo("B2023_0001");
        assertThat(ar.idActe().nature()).isEqualTo(ActNature.DELIBERATION);
        assertThat(ar.receivedOn()).isEqualTo(LocalDate.of(2023, 10, 2));
        assertThat(ar.number()).isEqualTo("B2023_0001");
        assertThat(ar.actDate()).isEqualTo(LocalDate.of(2023, 9, 14));
        assertThat(ar.nature()).isEqualTo(ActNature.DELIBERATION);
    }

    @Test
    void anActAnomalySaysWhichActAndWhy() {
        PrefectureMessage message = PrefectureMessages.read(sample("anomalie-acte.xml"));

        assertThat(message).isEqualTo(new PrefectureMessage.ActAnomaly("B2023_0001", LocalDate.of(2023, 9, 14),
                ActNature.DELIBERATION, "La classification matières/sous-matières n'est pas à jour.", "003",
                LocalDate.of(2023, 10, 2)));
    }

    @Test
    void anEnvelopeAnomalyNamesTheEmitterAndTheMessagesItHeld() {
        PrefectureMessage message = PrefectureMessages.read(sample("anomalie-enveloppe.xml"));

        assertThat(message).isInstanceOf(PrefectureMessage.EnvelopeAnomaly.class);
        PrefectureMessage.EnvelopeAnomaly anomaly = (PrefectureMessage.EnvelopeAnomaly) message;
        assertThat(anomaly.siren()).isEqualTo("242100410");
        assertThat(anomaly.code()).isEqualTo("002");
        assertThat(anomaly.notifiedOn()).isEqualTo(LocalDate.of(2023, 10, 2));
        assertThat(anomaly.detail()).startsWith("Le fichier 99_AU-").endsWith("est absent de l'archive.");
        assertThat(anomaly.messageFiles()).containsExactly("021-242100410-20230914-B2023_0001-DE-1-1_0.xml");
        assertThat(anomaly.concerns(ActesPackageTest.MESSAGE)).isTrue();
        assertThat(anomaly.concerns("021-242100410-20230914-B2023_0002-DE-1-1_0.xml")).isFalse();
    }

    @Test
    void aPackageOfThisApplicationIsNoAnswerOfThePrefecture() throws IOException {
        ActesArchive archive = new ActesPackage(ActesPackageTest.DIJON, ActesPackageTest.SETTINGS)
                .build(ActesPackageTest.seed("B2023_0001", ActesPackageTest.OBJET));
        byte[] acte = ActesPackageTest.untar(archive.content()).get(archive.message());

        refused(() -> PrefectureMessages.read(acte), "le message @CTES « Acte » n'est pas l'une des réponses de la "
                + "préfecture que l'application lit : accusé de réception (ARActe), anomalie d'un acte (AnomalieActe) ou "
                + "d'une enveloppe (AnomalieEnveloppe)");
    }

    @Test
    void anAcknowledgementWhoseIdentifierIsNotTheActReceivedIsRefused() {
        refused(() -> PrefectureMessages.read(sample("aracte-incoherent.xml")), "accusé de réception incohérent : "
                + "l'identifiant 021-242100410-20230914-B2023_0002-DE ne désigne pas l'acte reçu");
    }

    @Test
    void anAcknowledgementFailingTheSchemaIsRefusedSayingWhere() {
        String message = refused(() -> PrefectureMessages.read(sample("aracte-sans-date.xml")),
                "le message « ARActe » ne respecte pas le schéma @CTES v1.1, ligne 2, colonne ");
        assertThat(message).contains("DateReception");
    }

    @Test
    void aBillionLaughsBombIsRefusedAtItsDoctypeWithoutExpandingAnything() {
        long start = System.nanoTime();
        refused(() -> PrefectureMessages.read(sample("billion-laughs.xml")), "le message contient une déclaration "
                + "DOCTYPE : refusé, un message @CTES n'a ni DTD ni entité");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void anExternalEntityToALocalFileIsNeverRead() throws Exception {
        Path secret = Files.writeString(temp.resolve("secret.txt"), SECRET);
        String xml = template("external-entity.xml", secret.toUri().toString());

        String message = refused(() -> PrefectureMessages.read(xml.getBytes(StandardCharsets.UTF_8)), "DOCTYPE");
        assertThat(message).doesNotContain(SECRET);
    }

    /**
     * A named pipe (FIFO) as the entity: whoever opens it for reading releases the writer waiting on the other end.
     * After the refusal, the writer still waits: nobody opened the file.
     */
    @Test
    void anExternalEntityToALocalFileIsNeverEvenOpened() throws Exception {
        Path fifo = temp.resolve("entity.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo available");
        AtomicBoolean opened = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                opened.set(true);
                out.write(SECRET.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the reader went away
            } finally {
                done.countDown();
            }
        });
        writer.setDaemon(true);
        writer.start();

        String xml = template("external-entity.xml", fifo.toUri().toString());
        refused(() -> PrefectureMessages.read(xml.getBytes(StandardCharsets.UTF_8)), "DOCTYPE");

        assertThat(done.await(300, TimeUnit.MILLISECONDS)).as("the writer released: the FIFO was opened").isFalse();
        assertThat(opened).isFalse();
        try (InputStream release = Files.newInputStream(fifo)) {
            assertThat(new String(release.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(SECRET);
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anExternalDtdOrEntityOrXIncludeOverTheNetworkIsNeverFetched() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/actes.dtd";

        refused(() -> PrefectureMessages.read(template("external-dtd.xml", url).getBytes(StandardCharsets.UTF_8)),
                "DOCTYPE");
        refused(() -> PrefectureMessages.read(template("external-entity.xml", url).getBytes(StandardCharsets.UTF_8)),
                "DOCTYPE");
        String message = refused(
                () -> PrefectureMessages.read(template("xinclude.xml", url).getBytes(StandardCharsets.UTF_8)),
                "ne respecte pas le schéma @CTES v1.1");
        assertThat(message).doesNotContain(SECRET);
        assertThat(requests).hasValue(0);
    }

    @Test
    void aMessageOverOneMebibyteIsRefusedByItsSize() {
        String ar = new String(sample("aracte.xml"), StandardCharsets.ISO_8859_1);
        String padded = ar.replace("</actes:ARActe>", "<!-- " + "x".repeat(PrefectureMessages.MAX_BYTES) + " -->\n"
                + "</actes:ARActe>");

        byte[] oversized = padded.getBytes(StandardCharsets.ISO_8859_1);
        refused(() -> PrefectureMessages.read(oversized), "le fichier dépasse 1 Mio (" + oversized.length
                + " octets ou plus) : ce n'est pas un message de la préfecture");
        assertThat(PrefectureMessages.read(sample("aracte.xml"))).isNotNull();
    }

    @Test
    void aMalformedMessageIsRefusedSayingWhere() {
        refused(() -> PrefectureMessages.read(sample("malforme.xml")),
                "le message n'est pas un XML bien formé (ligne 4, colonne ");
        refused(() -> PrefectureMessages.read("pas du XML".getBytes(StandardCharsets.UTF_8)),
                "le message n'est pas un XML bien formé (ligne 1");
    }

    @Test
    void aDocumentNestedDeeperThanAnyActesMessageIsRefused() {
        String deep = "<actes:ARActe xmlns:actes=\"" + ActesSchema.ACTES + "\">" + "<x>".repeat(100) + "</x>".repeat(100)
                + "</actes:ARActe>";

        refused(() -> PrefectureMessages.read(deep.getBytes(StandardCharsets.UTF_8)),
                "le message imbrique plus de 64 niveaux d'éléments (ligne 1) : ce n'est pas un message @CTES");
    }

    @Test
    void aDocumentOfAnotherNamespaceIsNoActesMessage() {
        refused(() -> PrefectureMessages.read(sample("autre-espace-de-noms.xml")), "ce document n'est pas un message "
                + "@CTES : son élément « ARActe » n'est pas de l'espace de noms ACTES v1.1");
    }

    @Test
    void anEmptyBodyIsRefused() {
        refused(() -> PrefectureMessages.read(new byte[0]), "le message de la préfecture est vide");
        refused(() -> PrefectureMessages.read(null), "le message de la préfecture est vide");
        refused(() -> PrefectureMessages.read("  \n".getBytes(StandardCharsets.UTF_8)), "XML bien formé");
    }

    /** The InvalidInputException's one error, on "xml", starting so; its message. */
    private static String refused(ThrowingCallable reading, String start) {
        InvalidInputException refusal = catchThrowableOfType(reading, InvalidInputException.class);
        assertThat(refusal).as("refused").isNotNull();
        List<FieldError> errors = refusal.errors();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).field()).isEqualTo("xml");
        assertThat(errors.get(0).message()).contains(start);
        return errors.get(0).message();
    }

    static byte[] sample(String name) {
        try (InputStream in = PrefectureMessagesTest.class.getResourceAsStream("/acts/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String template(String name, String url) {
        return new String(sample(name), StandardCharsets.UTF_8).replace("{url}", url);
    }
}
