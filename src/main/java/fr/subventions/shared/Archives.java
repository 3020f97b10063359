package fr.subventions.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Looks inside a ZIP container (.docx, .xlsx, .odt) before anything else opens it: every entry is inflated once and
 * thrown away, counting the bytes it really gives, so that a decompression bomb is refused whatever its headers
 * claim; an entry whose name would leave the archive's folder (absolute path, "..", backslash, drive letter, control
 * character — "zip slip") is refused too. Nothing is ever extracted to disk.
 */
public final class Archives {

    /** Inflated bytes allowed per byte of the archive, as Apache POI's ZipSecureFile allows (ratio 1/100). */
    public static final int MAX_RATIO = 100;
    /** Below this, any ratio: tiny archives of repetitive XML compress very well. */
    public static final long GRACE = 1024 * 1024;
    public static final int MAX_ENTRIES = 10_000;
    private static final int HEAD = 256;

    /** An entry's name and its first bytes. */
    public record Entry(String name, byte[] head) {

        public String headText() {
            return new String(head, StandardCharsets.US_ASCII).strip();
        }
    }

    private Archives() {
    }

    /**
     * @param maxUnzipped the most bytes the whole archive may inflate to
     * @param unreadable the message for a file that is no readable ZIP
     * @throws InvalidInputException on {@code field}, in French, for a bomb, an escaping entry or an unreadable file
     */
    public static List<Entry> inspect(byte[] content, String field, long maxUnzipped, String unreadable) {
        long allowed = Math.min(maxUnzipped, (long) MAX_RATIO * content.length + GRACE);
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entries.size() >= MAX_ENTRIES) {
                    throw new InvalidInputException(field, "archive refusée : plus de " + MAX_ENTRIES + " éléments");
                }
                String name = entry.getName();
                if (escapes(name)) {
                    throw new InvalidInputException(field, "archive refusée : l'élément « " + printable(name)
                            + " » sortirait du dossier de l'archive (chemin absolu ou « .. »)");
                }
                byte[] head = new byte[0];
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    if (head.length < HEAD) {
                        int keep = Math.min(read, HEAD - head.length);
                        head = Arrays.copyOf(head, head.length + keep);
                        System.arraycopy(buffer, 0, head, head.length - keep, keep);
                    }
                    total += read;
                    if (total > allowed) {
                        throw new InvalidInputException(field, "archive refusée : une fois décompressée, elle dépasserait "
                                + (total > maxUnzipped ? maxUnzipped / (1024 * 1024) + " Mo"
                                        : MAX_RATIO + " fois sa taille")
                                + " (bombe de décompression)");
                    }
                }
                entries.add(new Entry(name, head));
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw new InvalidInputException(field, unreadable);
        } catch (IOException e) {
            throw new InvalidInputException(field, unreadable);
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException(field, unreadable);
        }
        return entries;
    }

    /** Whether an entry would be written outside the folder the archive is extracted to. */
    static boolean escapes(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")) {
            return true;
        }
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c))) {
            return true;
        }
        return Arrays.asList(name.split("/")).contains("..");
    }

    private static String printable(String name) {
        String shown = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() > 80 ? shown.substring(0, 80) + "…" : shown;
    }
}
