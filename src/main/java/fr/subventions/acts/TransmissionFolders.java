package fr.subventions.acts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The two folders shared with the authority's connector to its tiers de télétransmission
 * ({@code subventions.transmission.outbox} and {@code inbox}).
 *
 * <p>A package appears in the outbox whole or not at all: it is written beside, under a hidden {@code .part} name,
 * flushed to disk, then renamed in one move, so a connector polling the folder never takes half an archive. The
 * prefecture's answers are taken from the inbox ({@code *.xml}), and once dealt with moved to {@code inbox/traites/}
 * or, refused, to {@code inbox/refuses/} with a {@code .erreur.txt} beside saying why, so that none is read twice and
 * none is lost.
 */
@Component
public class TransmissionFolders {

    static final String PROCESSED = "traites";
    static final String REFUSED = "refuses";
    static final String ERROR_SUFFIX = ".erreur.txt";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM uuuu 'à' HH:mm:ss", Locale.FRENCH);

    private final Path outbox;
    private final Path inbox;
    private final Clock clock;

    public TransmissionFolders(TransmissionSettings settings, Clock clock) {
        this.outbox = settings.outbox().toAbsolutePath().normalize();
        this.inbox = settings.inbox().toAbsolutePath().normalize();
        this.clock = clock;
    }

    public Path outbox() {
        return outbox;
    }

    public Path inbox() {
        return inbox;
    }

    /**
     * Writes the archive in the outbox under its own name, atomically.
     *
     * @return the archive's path
     * @throws UncheckedIOException wrapping {@link FileAlreadyExistsException} when a package of that name is there
     *                              already (it is never replaced), or the disk's error
     */
    public Path deposit(ActesArchive archive) {
        Path target = outbox.resolve(archive.fileName()).normalize();
        if (!outbox.equals(target.getParent())) {
            throw new IllegalArgumentException("an archive's name is a file name: " + archive.fileName());
        }
        Path part = outbox.resolve("." + archive.fileName() + ".part");
        try {
            Files.createDirectories(outbox);
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "already in the outbox");
            }
            // a write of the same package cut short (the process stopped) left its hidden part: never taken, redone
            Files.deleteIfExists(part);
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(archive.content());
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (AtomicMoveNotSupportedException e) {
            deleteQuietly(part);
            throw new UncheckedIOException("the outbox's file system cannot rename atomically: " + outbox, e);
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException(e);
        }
    }

    /** The prefecture's answers waiting in the inbox ({@code *.xml}, hidden files left out), by name. */
    public List<Path> waiting() {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                String name = file.getFileName().toString();
                return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".xml");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A waiting file's bytes, at most {@link PrefectureMessages#MAX_BYTES} + 1: a larger file is never read whole, and
     * {@link PrefectureMessages#read} refuses it by its size.
     */
    public byte[] read(Path file) {
        Path checked = waitingFile(file);
        try (InputStream in = Files.newInputStream(checked)) {
            return in.readNBytes(PrefectureMessages.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a file dealt with to {@code inbox/traites/}; the path it has there. */
    public Path processed(Path file) {
        return moveTo(waitingFile(file), inbox.resolve(PROCESSED));
    }

    /**
     * Moves a refused file to {@code inbox/refuses/}, a {@code <name>.erreur.txt} beside it saying when and why (in
     * French, UTF-8); the path it has there.
     */
    public Path refused(Path file, String reason) {
        Path moved = moveTo(waitingFile(file), inbox.resolve(REFUSED));
        String text = "Fichier : " + file.getFileName() + "\n"
                + "Refusé le " + WHEN.format(ZonedDateTime.now(clock)) + "\n"
                + "Motif : " + reason + "\n";
        try {
            Files.writeString(moved.resolveSibling(moved.getFileName() + ERROR_SUFFIX), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return moved;
    }

    /** The file, if it is one of the inbox's (not of a sub-folder, not outside); otherwise refused. */
    private Path waitingFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!inbox.equals(absolute.getParent()) || !Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException("not a file waiting in the inbox " + inbox + ": " + file);
        }
        return absolute;
    }

    /** Moves into the folder under the same name, or name-2, name-3… when taken: an earlier file is never replaced. */
    private static Path moveTo(Path file, Path folder) {
        try {
            Files.createDirectories(folder);
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String extension = dot > 0 ? name.substring(dot) : "";
            for (int n = 1;; n++) {
                Path target = folder.resolve(n == 1 ? name : stem + "-" + n + extension);
                try {
                    return Files.move(file, target);
                } catch (FileAlreadyExistsException e) {
                    // taken: the next number
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the hidden .part stays: a connector takes no hidden file
        }
    }
}
