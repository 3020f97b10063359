package fr.subventions.acts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reads the prefecture's replies from the inbox every {@code subventions.transmission.inbox-poll-interval}. Off with
 * {@code subventions.transmission.scheduling=false}, as in the tests, which read the inbox themselves.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "subventions.transmission.scheduling", havingValue = "true", matchIfMissing = true)
class ActsScheduling {

    private static final Logger LOG = LoggerFactory.getLogger(ActsScheduling.class);

    private final PrefectureInbox inbox;

    ActsScheduling(PrefectureInbox inbox) {
        this.inbox = inbox;
    }

    @Scheduled(initialDelayString = "${subventions.transmission.inbox-poll-interval:PT1M}",
            fixedDelayString = "${subventions.transmission.inbox-poll-interval:PT1M}")
    void readInbox() {
        try {
            inbox.readAll();
        } catch (RuntimeException e) {
            // the database or the shared folder may be away for a while: the next run tries again
            LOG.warn("Reading the prefecture's replies failed: {}", e.toString());
        }
    }
}
