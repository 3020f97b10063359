package fr.subventions.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Poppler's {@code pdfsig}: an independent check of a PDF's signatures, run as a process, in UTC. */
public final class Pdfsig {

    private Pdfsig() {
    }

    /** pdfsig's report on the document, as it prints it. */
    public static String report(byte[] pdf, Path folder) throws IOException, InterruptedException {
        Path file = Files.createTempFile(folder, "signed", ".pdf");
        try {
            Files.write(file, pdf);
            ProcessBuilder builder = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true);
            builder.environment().put("TZ", "UTC");
            builder.environment().put("LC_ALL", "C.UTF-8");
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("pdfsig did not answer in 60 s");
            }
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
