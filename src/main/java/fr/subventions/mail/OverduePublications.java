package fr.subventions.mail;

import fr.subventions.acts.ActRegister;
import fr.subventions.shared.Caller;
import fr.subventions.shared.FrenchText;
import fr.subventions.system.UserDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secretariat's reminder of the acts published late (CGCT L2121-25): once a day, with the officers' digest, each
 * member of the secretariat gets one e-mail listing the séances whose signed acts are not all online past their week,
 * with the link to each séance's acts page. Written once per person and day (a unique key in the outbox).
 */
@Component
class OverduePublications {

    private static final Logger LOG = LoggerFactory.getLogger(OverduePublications.class);

    private final ActRegister acts;
    private final UserDirectory users;
    private final MailOutbox outbox;
    private final MailSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;

    OverduePublications(ActRegister acts, UserDirectory users, MailOutbox outbox, MailSettings settings, Clock clock,
            PlatformTransactionManager transactions) {
        this.acts = acts;
        this.users = users;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Writes today's reminders; answers how many were written (none twice for the same person and day). */
    int send() {
        if (!settings.isEnabled()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        List<ActRegister.OverduePublication> overdue = acts.overduePublications(today);
        if (overdue.isEmpty()) {
            return 0;
        }
        List<String> sessions = overdue.stream().map(o -> "– " + o.assembly() + ", séance du "
                + FrenchText.date(o.sessionDate()) + " : " + o.acts() + " acte(s) à publier depuis le "
                + FrenchText.date(o.dueOn().plusDays(1)) + " – " + settings.link("/seances/" + o.sessionId() + "/actes"))
                .toList();
        int written = 0;
        for (UserDirectory.Person person : users.membersOf(Caller.SECRETARIAT)) {
            String dedup = "publications-en-retard:" + person.id() + ":" + today;
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("recipientName", person.name());
            model.put("sessionCount", String.valueOf(overdue.size()));
            model.put("sessions", sessions);
            model.put("today", FrenchText.date(today));
            model.put("sessionsUrl", settings.link("/seances"));
            try {
                Boolean queued = transaction.execute(s -> !outbox.exists(dedup) && outbox.enqueue(new MailOutbox.Message(
                        MailTemplate.OVERDUE_PUBLICATIONS, person.email(), null, null, null, null, model, dedup)));
                if (Boolean.TRUE.equals(queued)) {
                    written++;
                }
            } catch (DataIntegrityViolationException alreadyThere) {
                // another node wrote this person's reminder of the day at the same moment
            }
        }
        LOG.info("Acts published late in {} séance(s): {} reminder(s) written to the secretariat", overdue.size(), written);
        return written;
    }
}
