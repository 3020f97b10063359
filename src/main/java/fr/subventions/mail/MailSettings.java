package fr.subventions.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code subventions.mail.*}: whether e-mails are written at all, who sends them, where their templates live, and how
 * the outbox retries. The SMTP server itself is Spring's {@code spring.mail.*} ({@code SUBVENTIONS_MAIL_HOST}…).
 */
@Component
@ConfigurationProperties(prefix = "subventions.mail")
public class MailSettings {

    /** False: no e-mail is written to the outbox at all (nothing to send later either). */
    private boolean enabled = true;

    /** The sender, "Name <address>" or an address. */
    private String from = "Subventions <ne-pas-repondre@localhost>";

    /** The application's address as users reach it, for the links in the e-mails (portal, Tasklist). */
    private String baseUrl = "http://localhost:8080";

    /** The e-mail templates' folder; by default {@code courriels} inside the document templates' folder. */
    private Path templateDir;

    /** Whether this node runs the outbox's sender and the daily digest (the tests run them themselves). */
    private boolean scheduling = true;

    /** Messages taken from the outbox at each run, at most. */
    private int batchSize = 100;

    /** After the n-th failed try, the next one waits the n-th delay; a message failing once more is FAILED. */
    private List<Duration> retryDelays = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(1));

    /** A message claimed by a sender that has not finished it after this long (its node died) is taken up again. */
    private Duration claimTimeout = Duration.ofMinutes(10);

    private final Tasks tasks = new Tasks();

    /** The officers' digest of the tasks waiting too long. */
    public static class Tasks {

        /** The groups whose tasks are watched, and whose members are written to. */
        private List<String> groups = List.of("instructeurs", "secretariat", "finances");

        /** A task without a due date is late once it has waited this long. */
        private Period overdueAfter = Period.ofDays(7);

        public List<String> getGroups() {
            return groups;
        }

        public void setGroups(List<String> groups) {
            this.groups = groups;
        }

        public Period getOverdueAfter() {
            return overdueAfter;
        }

        public void setOverdueAfter(Period overdueAfter) {
            this.overdueAfter = overdueAfter;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Path getTemplateDir() {
        return templateDir;
    }

    public void setTemplateDir(Path templateDir) {
        this.templateDir = templateDir;
    }

    public boolean isScheduling() {
        return scheduling;
    }

    public void setScheduling(boolean scheduling) {
        this.scheduling = scheduling;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public List<Duration> getRetryDelays() {
        return retryDelays;
    }

    public void setRetryDelays(List<Duration> retryDelays) {
        this.retryDelays = retryDelays;
    }

    public Duration getClaimTimeout() {
        return claimTimeout;
    }

    public void setClaimTimeout(Duration claimTimeout) {
        this.claimTimeout = claimTimeout;
    }

    public Tasks getTasks() {
        return tasks;
    }

    /** A link into the application: the base address without its trailing slash, then the path. */
    String link(String path) {
        return baseUrl.replaceAll("/+$", "") + path;
    }
}
