package fr.subventions.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: e-mails are written here in the transaction of the step they tell of — so that a step rolled back
 * writes none — and {@link OutboxSender} sends them once committed.
 */
@Service
@Transactional
public class MailOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+");

    private final OutgoingMailRepository mails;
    private final MailSettings settings;
    private final Clock clock;

    MailOutbox(OutgoingMailRepository mails, MailSettings settings, Clock clock) {
        this.mails = mails;
        this.settings = settings;
        this.clock = clock;
    }

    /** A message to write: its template, its recipient (and a copy to), the request it concerns, the values. */
    public record Message(MailTemplate template, String recipient, String cc, Long requestId, String reference,
            Long documentId, Map<String, Object> model, String dedupKey) {
    }

    /**
     * Writes the message in the current transaction; answers false, writing nothing, when e-mails are disabled or the
     * recipient's address cannot be used (logged: a step never fails for its e-mail).
     */
    public boolean enqueue(Message message) {
        if (!settings.isEnabled()) {
            return false;
        }
        String recipient = address(message.recipient());
        if (recipient == null) {
            LOG.warn("No e-mail {} for {}: no usable address", message.template(), message.reference());
            return false;
        }
        String cc = address(message.cc());
        if (recipient.equalsIgnoreCase(cc == null ? "" : cc)) {
            cc = null;
        }
        String model;
        try {
            model = JSON.writeValueAsString(message.model());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an e-mail's model is texts, lists of texts and yes/no", e);
        }
        mails.save(new OutgoingMail(Instant.now(clock), message.template(), recipient, cc, message.requestId(),
                message.reference(), message.documentId(), model, message.dedupKey()));
        return true;
    }

    @Transactional(readOnly = true)
    public boolean exists(String dedupKey) {
        return mails.existsByDedupKey(dedupKey);
    }

    /** The latest messages, newest first, by status and request if given. */
    @Transactional(readOnly = true)
    public List<MailView> search(MailStatus status, String reference, int limit) {
        return mails.search(status, reference == null || reference.isBlank() ? null : reference.strip(),
                PageRequest.of(0, limit)).stream().map(MailView::of).toList();
    }

    /** A FAILED message (its template or address mended) goes back to the outbox, to be sent at the next run. */
    public MailView retry(Long id) {
        OutgoingMail mail = mails.findById(id).orElseThrow(() -> new NotFoundException("Courriel inconnu : " + id));
        if (mail.status() != MailStatus.FAILED) {
            throw new StageConflictException("Seul un courriel en échec peut être renvoyé : le courriel " + id + " est "
                    + label(mail.status()) + ".");
        }
        mail.retry(Instant.now(clock));
        return MailView.of(mail);
    }

    static Map<String, Object> model(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new MailTemplateException("Les données du courriel sont illisibles : " + e.getOriginalMessage());
        }
    }

    private static String label(MailStatus status) {
        return switch (status) {
            case PENDING -> "en attente d'envoi";
            case SENDING -> "en cours d'envoi";
            case SENT -> "déjà envoyé";
            case FAILED -> "en échec";
        };
    }

    private static String address(String address) {
        if (address == null) {
            return null;
        }
        String trimmed = address.strip();
        return trimmed.length() <= 254 && ADDRESS.matcher(trimmed).matches() ? trimmed : null;
    }

    /** A message as /api/mails shows it. */
    public record MailView(Long id, String template, String recipient, String cc, String reference, MailStatus status,
            int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String subject, String lastError,
            Long documentId) {

        static MailView of(OutgoingMail m) {
            return new MailView(m.id(), m.template().name(), m.recipient(), m.cc(), m.reference(), m.status(),
                    m.attempts(), m.createdAt(), m.status() == MailStatus.PENDING ? m.nextAttemptAt() : null, m.sentAt(),
                    m.subject(), m.lastError(), m.documentId());
        }
    }
}
