package fr.subventions.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jodconverter.core.DocumentConverter;
import org.jodconverter.core.document.DefaultDocumentFormatRegistry;
import org.jodconverter.core.office.OfficeException;
import org.jodconverter.local.LocalConverter;
import org.jodconverter.local.office.ExistingProcessAction;
import org.jodconverter.local.office.LocalOfficeManager;
import org.jodconverter.local.office.LocalOfficeUtils;
import org.jodconverter.local.process.ProcessManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The PDF/A-2b rendition of a filled .docx, the form in which the authority issues its acts and letters: LibreOffice
 * headless, driven by JODConverter, lays the document out and exports it as PDF/A-2b (ISO 19005-2, level b: fonts
 * embedded, colours and metadata declared, nothing that needs anything outside the file to be shown as it was).
 *
 * <p>A small pool of LibreOffice processes ({@code subventions.pdf.*}, {@link PdfSettings}) is started on the first
 * conversion, not before: an application context that converts nothing starts none. Each process listens on a loopback
 * port found free when the pool starts, so that several contexts (tests, or two applications on one host) never share
 * nor kill one another's process. A conversion that takes longer than the task timeout fails and its process is
 * restarted; a process is also restarted after a number of conversions. The pool stops with the context. Thread-safe:
 * conversions wait for a free process.
 *
 * <p>Without LibreOffice the application still starts and says so once, at start-up; every conversion then fails with
 * a {@link PdfRenditionException} whose message says what is missing, so that the job producing the document fails,
 * is retried, and ends as an incident with nothing filed.
 */
@Component
public class PdfRenditions implements SmartInitializingSingleton, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(PdfRenditions.class);

    /** What the incident says when LibreOffice is missing. */
    static final String MISSING = "LibreOffice est introuvable : le PDF/A ne peut pas être produit (installez "
            + "libreoffice-writer-nogui, ou indiquez son dossier d'installation dans subventions.pdf.office-home)";

    /**
     * The PDF export's options (LibreOffice's writer_pdf_Export filter): PDF/A-2b, every font embedded, tagged for
     * screen readers (which PDF/A-2b allows without requiring it), and nothing of the editor's: no comments, no form
     * fields, no hidden content. LibreOffice writes no page thumbnails into a PDF.
     */
    private static final Map<String, Object> PDF_A_2B = Map.of("FilterData", Map.of(
            "SelectPdfVersion", 2,
            "EmbedStandardFonts", true,
            "UseTaggedPDF", true,
            "ExportNotes", false,
            "ExportNotesInMargin", false,
            "ExportFormFields", false,
            "ExportBookmarks", true));

    private final PdfSettings settings;
    private final Object lock = new Object();
    private LocalOfficeManager manager;
    private volatile DocumentConverter converter;
    private boolean stopped;

    PdfRenditions(PdfSettings settings) {
        this.settings = settings;
    }

    /** Says once, at start-up, that LibreOffice is missing: the application runs, its documents will not be issued. */
    @Override
    public void afterSingletonsInstantiated() {
        if (officeHome().isEmpty()) {
            LOG.warn("LibreOffice not found ({}): PDF/A renditions, and so the signed acts, cannot be produced; every "
                    + "document production will fail as an incident until it is installed. Install LibreOffice "
                    + "(Debian, Ubuntu: apt-get install --no-install-recommends libreoffice-writer-nogui) or set "
                    + "subventions.pdf.office-home to its installation folder", settings.officeHome() == null
                            ? "looked for in the usual places" : "subventions.pdf.office-home=" + settings.officeHome());
        }
    }

    /** Whether LibreOffice is installed where this looks for it: conversions can then be attempted. */
    public boolean available() {
        return officeHome().isPresent();
    }

    /**
     * The PDF/A-2b rendition of a .docx.
     *
     * @throws PdfRenditionException LibreOffice is missing, did not start, or did not convert the document in time
     */
    public byte[] toPdfA(byte[] docx) {
        DocumentConverter running = converter();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(docx.length * 2);
        try {
            running.convert(new ByteArrayInputStream(docx)).as(DefaultDocumentFormatRegistry.DOCX)
                    .to(pdf).as(DefaultDocumentFormatRegistry.PDF).execute();
        } catch (OfficeException e) {
            throw new PdfRenditionException("La conversion du document en PDF/A par LibreOffice a échoué : "
                    + e.getMessage(), e);
        }
        return pdf.toByteArray();
    }

    /** Whether the pool of LibreOffice processes runs: not before the first conversion. */
    boolean started() {
        synchronized (lock) {
            return manager != null;
        }
    }

    /** The converter over the running pool, started on the first call. */
    private DocumentConverter converter() {
        DocumentConverter running = converter;
        if (running != null) {
            return running;
        }
        synchronized (lock) {
            if (stopped) {
                throw new PdfRenditionException("L'application s'arrête : le PDF/A ne peut plus être produit");
            }
            if (converter == null) {
                File home = officeHome().orElseThrow(() -> new PdfRenditionException(MISSING));
                LocalOfficeManager started = LocalOfficeManager.builder()
                        .officeHome(home)
                        .portNumbers(freePorts(settings.poolSize()))
                        .processManager(new OwnProcesses())
                        // a process already listening on our port is not ours: fail rather than kill it
                        .existingProcessAction(ExistingProcessAction.FAIL)
                        .taskExecutionTimeout(settings.taskTimeout().toMillis())
                        .taskQueueTimeout(settings.queueTimeout().toMillis())
                        .maxTasksPerProcess(settings.maxTasksPerProcess())
                        .processTimeout(settings.processTimeout().toMillis())
                        .build();
                try {
                    started.start();
                } catch (OfficeException e) {
                    stopQuietly(started);
                    throw new PdfRenditionException("LibreOffice n'a pas pu démarrer (" + home + ") : le PDF/A ne "
                            + "peut pas être produit : " + e.getMessage(), e);
                }
                LOG.info("LibreOffice started for the PDF/A renditions: {} process(es) from {}", settings.poolSize(),
                        home);
                manager = started;
                converter = LocalConverter.builder().officeManager(started).storeProperties(PDF_A_2B).build();
            }
            return converter;
        }
    }

    /** Stops the pool with the context, if it was ever started. */
    @Override
    public void destroy() {
        synchronized (lock) {
            stopped = true;
            converter = null;
            if (manager != null) {
                stopQuietly(manager);
                manager = null;
            }
        }
    }

    /** LibreOffice's folder: the one set, if it holds LibreOffice, or else the one found in the usual places. */
    private Optional<File> officeHome() {
        if (settings.officeHome() != null) {
            return Optional.of(settings.officeHome().toFile()).filter(PdfRenditions::isOfficeHome);
        }
        return Optional.ofNullable(LocalOfficeUtils.getDefaultOfficeHome()).filter(PdfRenditions::isOfficeHome);
    }

    private static boolean isOfficeHome(File home) {
        return home.isDirectory() && Files.isRegularFile(LocalOfficeUtils.getOfficeExecutable(home).toPath());
    }

    /** Loopback ports free right now, one per process: held together while they are picked, so all differ. */
    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for LibreOffice", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that accepted nothing
                }
            }
        }
    }

    private static void stopQuietly(LocalOfficeManager pool) {
        try {
            pool.stop();
        } catch (OfficeException | RuntimeException e) {
            LOG.warn("LibreOffice did not stop cleanly: {}", e.getMessage());
        }
    }

    /**
     * Knows only the processes it started, never looks others up by their command line (which would need {@code ps},
     * and could find a process of another application): one that hangs is killed outright, with what it started.
     */
    private static final class OwnProcesses implements ProcessManager {

        @Override
        public boolean canFindPid() {
            return false;
        }

        @Override
        public void kill(Process process, long pid) {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
