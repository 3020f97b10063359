package fr.subventions.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the outbox's sender every {@code subventions.mail.poll-interval} and writes the officers' digest (and the
 * secretariat's reminder of the acts published late) at
 * {@code subventions.mail.tasks.digest-cron}, on every node (the outbox's claims and the digest's unique key keep a
 * cluster from sending anything twice). Off with {@code subventions.mail.scheduling=false}, as in the tests, which run
 * both themselves.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "subventions.mail.scheduling", havingValue = "true", matchIfMissing = true)
class MailScheduling {

    private static final Logger LOG = LoggerFactory.getLogger(MailScheduling.class);

    private final OutboxSender sender;
    private final OverdueTasksDigest digest;
    private final OverduePublications publications;

    MailScheduling(OutboxSender sender, OverdueTasksDigest digest, OverduePublications publications) {
        this.sender = sender;
        this.digest = digest;
        this.publications = publications;
    }

    @Scheduled(initialDelayString = "${subventions.mail.poll-interval:PT30S}",
            fixedDelayString = "${subventions.mail.poll-interval:PT30S}")
    void sendDue() {
        try {
            OutboxSender.Run run = sender.sendDue();
            if (run.sent() + run.failed() + run.postponed() > 0) {
                LOG.info("Outbox: {} sent, {} failed, {} put off", run.sent(), run.failed(), run.postponed());
            }
        } catch (RuntimeException e) {
            // the database may be down for a while: the next run tries again
            LOG.warn("Outbox run failed: {}", e.toString());
        }
    }

    @Scheduled(cron = "${subventions.mail.tasks.digest-cron:0 0 8 * * MON-FRI}", zone = "${subventions.time-zone:Europe/Paris}")
    void writeDigest() {
        try {
            digest.send();
        } catch (RuntimeException e) {
            LOG.warn("Daily digest of late tasks failed: {}", e.toString());
        }
        try {
            publications.send();
        } catch (RuntimeException e) {
            LOG.warn("Daily reminder of the acts published late failed: {}", e.toString());
        }
    }
}
