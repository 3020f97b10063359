package fr.subventions.acts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.subventions.shared.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folders shared with the connector, on the real file system of a temporary folder. */
class TransmissionFoldersTest {

    @TempDir
    Path root;

    private TransmissionFolders folders;
    private ActesArchive archive;

    @BeforeEach
    void folders() {
        TransmissionSettings settings = new TransmissionSettings("actes@example.org", "SLO", LocalDate.of(2023, 1, 1),
                root.resolve("outbox"), root.resolve("inbox"), false, false);
        Clock clock = Clock.fixed(Instant.parse("2023-10-02T07:15:00Z"), ZoneId.of("Europe/Paris"));
        folders = new TransmissionFolders(settings, clock);
        archive = new ActesPackage(ActesPackageTest.DIJON, settings)
                .build(ActesPackageTest.seed("B2023_0001", ActesPackageTest.OBJET));
    }

    @Test
    void aPackageAppearsInTheOutboxWholeUnderItsNameAndNothingElseIsLeft() throws IOException {
        Path deposited = folders.deposit(archive);

        assertThat(deposited).isEqualTo(root.resolve("outbox").resolve("SLO-EACT--242100410--20231002-1.tar.gz"));
        assertThat(Files.readAllBytes(deposited)).isEqualTo(archive.content());
        assertThat(list(root.resolve("outbox"))).containsExactly("SLO-EACT--242100410--20231002-1.tar.gz");
    }

    @Test
    void aPackageAlreadyInTheOutboxIsNeverReplaced() throws IOException {
        Path deposited = folders.deposit(archive);
        Files.write(deposited, new byte[] {1, 2, 3});

        assertThatThrownBy(() -> folders.deposit(archive)).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readAllBytes(deposited)).containsExactly(1, 2, 3);
        assertThat(list(root.resolve("outbox"))).containsExactly(deposited.getFileName().toString());
    }

    @Test
    void anArchiveNamedOutsideTheOutboxIsRefused() {
        ActesArchive escaping = new ActesArchive("../evade.tar.gz", archive.content(), archive.envelope(),
                archive.message(), archive.act(), archive.annexes(), archive.idActe());

        assertThatThrownBy(() -> folders.deposit(escaping)).isInstanceOf(IllegalArgumentException.class);
        assertThat(root.resolve("evade.tar.gz")).doesNotExist();
    }

    @Test
    void theHiddenPartOfAWriteCutShortIsRedoneNotTaken() throws IOException {
        Path outbox = Files.createDirectories(root.resolve("outbox"));
        Files.write(outbox.resolve("." + archive.fileName() + ".part"), new byte[] {9});

        Path deposited = folders.deposit(archive);

        assertThat(Files.readAllBytes(deposited)).isEqualTo(archive.content());
        assertThat(list(outbox)).containsExactly(archive.fileName());
    }

    @Test
    void theInboxListsTheXmlFilesWaitingAndNothingElse() throws IOException {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Files.writeString(inbox.resolve("b-aracte.xml"), "b");
        Files.writeString(inbox.resolve("A-ANOMALIE.XML"), "a");
        Files.writeString(inbox.resolve(".en-cours.xml"), "hidden");
        Files.writeString(inbox.resolve("notes.txt"), "not xml");
        Files.createDirectories(inbox.resolve("traites"));
        Files.writeString(inbox.resolve("traites").resolve("vieux.xml"), "done");

        assertThat(folders.waiting()).containsExactly(inbox.resolve("A-ANOMALIE.XML"), inbox.resolve("b-aracte.xml"));
    }

    @Test
    void anEmptyOrAbsentInboxHasNothingWaiting() {
        assertThat(folders.waiting()).isEmpty();
    }

    @Test
    void aFileDealtWithGoesToTraitesAndASecondOfTheSameNameBesideIt() throws IOException {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Path first = Files.write(inbox.resolve("aracte.xml"), PrefectureMessagesTest.sample("aracte.xml"));

        assertThat(PrefectureMessages.read(folders.read(first))).isInstanceOf(PrefectureMessage.Acknowledgement.class);
        Path moved = folders.processed(first);
        Files.writeString(inbox.resolve("aracte.xml"), "second");
        Path again = folders.processed(inbox.resolve("aracte.xml"));

        assertThat(moved).isEqualTo(inbox.resolve("traites").resolve("aracte.xml"));
        assertThat(again).isEqualTo(inbox.resolve("traites").resolve("aracte-2.xml"));
        assertThat(Files.readString(again)).isEqualTo("second");
        assertThat(folders.waiting()).isEmpty();
    }

    @Test
    void aRefusedFileGoesToRefusesWithItsReasonBesideIt() throws IOException {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Path bomb = Files.write(inbox.resolve("bombe.xml"), PrefectureMessagesTest.sample("billion-laughs.xml"));
        String reason;
        try {
            PrefectureMessages.read(folders.read(bomb));
            throw new AssertionError("read");
        } catch (InvalidInputException e) {
            reason = e.errors().get(0).message();
        }

        Path moved = folders.refused(bomb, reason);

        assertThat(moved).isEqualTo(inbox.resolve("refuses").resolve("bombe.xml"));
        assertThat(Files.readAllBytes(moved)).isEqualTo(PrefectureMessagesTest.sample("billion-laughs.xml"));
        assertThat(Files.readString(inbox.resolve("refuses").resolve("bombe.xml.erreur.txt"), StandardCharsets.UTF_8))
                .isEqualTo("""
                        Fichier : bombe.xml
                        Refusé le 2 octobre 2023 à 09:15:00
                        Motif : le message contient une déclaration DOCTYPE : refusé, un message @CTES n'a ni DTD ni entité
                        """);
        assertThat(folders.waiting()).isEmpty();
    }

    @Test
    void anOversizedFileIsNeverReadWholeAndIsRefusedByItsSize() throws IOException {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Path big = Files.write(inbox.resolve("gros.xml"), new byte[3 * PrefectureMessages.MAX_BYTES]);

        byte[] read = folders.read(big);

        assertThat(read).hasSize(PrefectureMessages.MAX_BYTES + 1);
        assertThatThrownBy(() -> PrefectureMessages.read(read)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dépasse 1 Mio");
    }

    @Test
    void onlyAFileWaitingInTheInboxIsReadOrMoved() throws IOException {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Path outside = Files.writeString(root.resolve("ailleurs.xml"), "x");
        Path done = Files.writeString(Files.createDirectories(inbox.resolve("traites")).resolve("vieux.xml"), "x");

        for (Path file : List.of(outside, inbox.resolve("..").resolve("ailleurs.xml"), done, inbox.resolve("absent.xml"))) {
            assertThatThrownBy(() -> folders.read(file)).as(file.toString()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> folders.processed(file)).as(file.toString())
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(outside).exists();
        assertThat(done).exists();
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
