package fr.subventions.mail;

import fr.subventions.submission.DocumentService;
import fr.subventions.submission.RequestDocument;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's messages once their step is committed, one at a time: each is claimed (so that two nodes never
 * send it both), filled from its template, sent over SMTP outside any transaction, then marked SENT — or, when it
 * fails, tried again later ({@code subventions.mail.retry-delays}) and finally marked FAILED with the error.
 *
 * <p>While the SMTP server cannot be reached (down, refusing the login), messages are never given up: each run tries
 * the first one due, puts it off, and stops there; everything is sent once the server answers again. Without an SMTP
 * server configured ({@code spring.mail.host} empty) nothing is sent and the messages wait in the outbox.
 */
@Component
public class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final OutgoingMailRepository mails;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailSettings settings;
    private final MailTemplates templates;
    private final DocumentService documents;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String host;

    OutboxSender(OutgoingMailRepository mails, ObjectProvider<JavaMailSender> mailSender, MailSettings settings,
            MailTemplates templates, DocumentService documents, Clock clock, PlatformTransactionManager transactions,
            @Value("${spring.mail.host:}") String host) {
        this.mails = mails;
        this.mailSender = mailSender;
        this.settings = settings;
        this.templates = templates;
        this.documents = documents;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.host = host;
    }

    /** What a run did. */
    public record Run(int sent, int failed, int postponed) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void tellTheConfiguration() {
        if (!settings.isEnabled()) {
            LOG.info("E-mails are disabled (subventions.mail.enabled=false): none is written");
        } else if (!isConfigured()) {
            LOG.info("No SMTP server configured (SUBVENTIONS_MAIL_HOST): e-mails wait in the outbox, table mail_outbox");
        } else {
            LOG.info("E-mails go through the SMTP server {}", host);
        }
    }

    public boolean isConfigured() {
        return host != null && !host.isBlank() && mailSender.getIfAvailable() != null;
    }

    /** Sends what is due, up to {@code subventions.mail.batch-size} messages. */
    public Run sendDue() {
        if (!isConfigured()) {
            return new Run(0, 0, 0);
        }
        Instant now = Instant.now(clock);
        Integer released = transaction.execute(s -> mails.releaseStale(now.minus(settings.getClaimTimeout())));
        if (released != null && released > 0) {
            LOG.warn("{} e-mail(s) left being sent by a stopped sender are due again", released);
        }
        List<Long> due = transaction.execute(s -> mails.due(now, PageRequest.of(0, settings.getBatchSize())));
        int sent = 0;
        int failed = 0;
        int postponed = 0;
        for (Long id : due) {
            if (!Boolean.TRUE.equals(transaction.execute(s -> mails.claim(id, Instant.now(clock)) == 1))) {
                continue; // another node took it
            }
            Outcome outcome = send(id);
            switch (outcome) {
                case SENT -> sent++;
                case FAILED -> failed++;
                case POSTPONED -> postponed++;
                case SERVER_UNAVAILABLE -> {
                    return new Run(sent, failed, postponed + 1);
                }
            }
        }
        return new Run(sent, failed, postponed);
    }

    private enum Outcome {
        SENT, FAILED, POSTPONED, SERVER_UNAVAILABLE
    }

    private Outcome send(Long id) {
        Prepared prepared;
        try {
            prepared = transaction.execute(s -> prepare(id));
        } catch (RuntimeException e) {
            String error = e instanceof MailTemplateException ? e.getMessage() : "Courriel impossible à préparer : " + e;
            LOG.error("E-mail {} cannot be prepared: {}", id, error);
            finish(id, null, error, null);
            return Outcome.FAILED;
        }
        try {
            mailSender.getObject().send(prepared.message());
            transaction.executeWithoutResult(s -> mails.findById(id).orElseThrow().sent(prepared.subject(), Instant.now(clock)));
            LOG.info("E-mail {} {} sent to {}", id, prepared.template(), prepared.recipient());
            return Outcome.SENT;
        } catch (MailException e) {
            Instant now = Instant.now(clock);
            int attempts = transaction.execute(s -> mails.findById(id).orElseThrow().attempts()) + 1;
            List<Duration> delays = settings.getRetryDelays();
            if (serverUnavailable(e)) {
                Duration delay = delays.isEmpty() ? Duration.ofMinutes(5) : delays.get(Math.min(attempts, delays.size()) - 1);
                finish(id, prepared.subject(), "Serveur de messagerie injoignable : " + describe(e), now.plus(delay));
                LOG.warn("SMTP server unavailable, e-mail {} put off until {}: {}", id, now.plus(delay), describe(e));
                return Outcome.SERVER_UNAVAILABLE;
            }
            if (refused(e)) {
                finish(id, prepared.subject(), "Adresse refusée par le serveur de messagerie : " + describe(e), null);
                LOG.error("E-mail {} refused for good: {}", id, describe(e));
                return Outcome.FAILED;
            }
            Instant next = attempts > delays.size() ? null : now.plus(delays.get(attempts - 1));
            finish(id, prepared.subject(), "Échec de l'envoi : " + describe(e), next);
            LOG.warn("E-mail {} not sent (try {}), {}: {}", id, attempts, next == null ? "given up" : "next try " + next,
                    describe(e));
            return next == null ? Outcome.FAILED : Outcome.POSTPONED;
        }
    }

    private void finish(Long id, String subject, String error, Instant next) {
        transaction.executeWithoutResult(s -> mails.findById(id).orElseThrow().failed(subject, error, next));
    }

    private record Prepared(MimeMessage message, String subject, MailTemplate template, String recipient) {
    }

    /** The message filled from its template, with its attachment: in a transaction, to read the document. */
    private Prepared prepare(Long id) {
        OutgoingMail mail = mails.findById(id).orElseThrow();
        Map<String, Object> model = MailOutbox.model(mail.model());
        MailText.Rendered rendered = MailText.render(mail.template().file(), templates.template(mail.template()), model);
        try {
            MimeMessage message = mailSender.getObject().createMimeMessage();
            Optional<RequestDocument> attachment = mail.documentId() == null ? Optional.empty() : attachment(mail);
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8");
            helper.setFrom(settings.getFrom());
            helper.setTo(mail.recipient());
            if (mail.cc() != null) {
                helper.setCc(mail.cc());
            }
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
            if (attachment.isPresent()) {
                RequestDocument document = attachment.get();
                helper.addAttachment(document.filename(), new ByteArrayResource(document.content()), document.mediaType());
            }
            // an automatic message: no out-of-office answers (RFC 3834)
            message.setHeader("Auto-Submitted", "auto-generated");
            return new Prepared(message, rendered.subject(), mail.template(), mail.recipient());
        } catch (MessagingException e) {
            throw new MailTemplateException("Courriel impossible à préparer : " + e.getMessage());
        }
    }

    /**
     * The document sent with the message. To the applicant, only a document of their request that they may see
     * ({@link DocumentService#forApplicant}): an internal one — the instruction report, a preparatory document (CRPA
     * L311-2) — fails the message rather than leave the authority, and the outbox tells why.
     */
    private Optional<RequestDocument> attachment(OutgoingMail mail) {
        if (mail.template().audience() == MailTemplate.Audience.STAFF) {
            return documents.withContent(mail.documentId());
        }
        return Optional.of(documents.forApplicant(mail.requestId(), mail.documentId()).orElseThrow(() ->
                new MailTemplateException("Pièce jointe refusée : le document n° " + mail.documentId() + " n'est pas un "
                        + "document de la demande " + mail.reference() + " que le demandeur peut consulter (document "
                        + "interne à la collectivité) ; le courriel n'est pas envoyé.")));
    }

    /** The server cannot be reached or refuses the login: every message would fail alike, none for its own sake. */
    private static boolean serverUnavailable(MailException e) {
        if (e instanceof MailAuthenticationException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = next(cause)) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException
                    || cause instanceof AuthenticationFailedException) {
                return true;
            }
            if (cause instanceof MessagingException m && m.getMessage() != null
                    && m.getMessage().startsWith("Couldn't connect")) {
                return true;
            }
        }
        return false;
    }

    /** The server refused the recipient's address (SendFailedException): trying again would change nothing. */
    private static boolean refused(MailException e) {
        if (e instanceof MailSendException send) {
            for (Exception failed : send.getFailedMessages().values()) {
                for (Throwable cause = failed; cause != null; cause = next(cause)) {
                    if (cause instanceof SendFailedException) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MailSendException send && !send.getFailedMessages().isEmpty() && t.getCause() == null) {
            return send.getFailedMessages().values().iterator().next();
        }
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 900; t = next(t)) {
            if (!text.isEmpty()) {
                text.append(" ; ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
