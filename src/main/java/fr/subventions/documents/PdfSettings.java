package fr.subventions.documents;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code subventions.pdf.*}: the LibreOffice processes that turn the filled .docx into their PDF/A-2b renditions
 * ({@link PdfRenditions}).
 *
 * @param officeHome         LibreOffice's installation folder (the one holding {@code program/soffice.bin}); null to
 *                           look where the distributions install it ({@code /usr/lib/libreoffice},
 *                           {@code /usr/lib64/libreoffice}, {@code /opt/libreoffice}…)
 * @param poolSize           how many LibreOffice processes convert at once, each a process of its own (~150 MB)
 * @param taskTimeout        how long one conversion may take before its process is killed and restarted
 * @param queueTimeout       how long a conversion may wait for a free process before it fails
 * @param maxTasksPerProcess conversions after which a process is restarted, so that no leak builds up
 * @param processTimeout     how long a process may take to start (or to stop)
 */
@ConfigurationProperties(prefix = "subventions.pdf")
record PdfSettings(Path officeHome, @DefaultValue("1") int poolSize, @DefaultValue("PT60S") Duration taskTimeout,
        @DefaultValue("PT30S") Duration queueTimeout, @DefaultValue("200") int maxTasksPerProcess,
        @DefaultValue("PT120S") Duration processTimeout) {

    PdfSettings {
        if (poolSize < 1) {
            throw new IllegalArgumentException("subventions.pdf.pool-size must be at least 1, not " + poolSize);
        }
        if (maxTasksPerProcess < 1) {
            throw new IllegalArgumentException("subventions.pdf.max-tasks-per-process must be at least 1, not "
                    + maxTasksPerProcess);
        }
        for (Duration timeout : new Duration[] {taskTimeout, queueTimeout, processTimeout}) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the timeouts of subventions.pdf must be positive, not " + timeout);
            }
        }
    }
}
