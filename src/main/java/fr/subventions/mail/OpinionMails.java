package fr.subventions.mail;

import fr.subventions.consultation.OpinionEvent;
import fr.subventions.consultation.OpinionService;
import fr.subventions.consultation.OpinionView;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.system.UserDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The e-mails of the opinions asked of other services ({@link OpinionEvent}), written to the outbox in the step's own
 * transaction: the question, its reminder and its withdrawal to the one asked — the colleague named, or each member of
 * the service asked —; the deadline passed and the opinion given to the asking officer. Staff only: an opinion, its
 * question and its author never reach the applicant.
 */
@Component
class OpinionMails {

    private static final Logger LOG = LoggerFactory.getLogger(OpinionMails.class);

    private final OpinionService opinions;
    private final SubsidyRequestService requests;
    private final UserDirectory users;
    private final MailOutbox outbox;
    private final MailSettings settings;
    private final Clock clock;
    private final String authority;

    OpinionMails(OpinionService opinions, SubsidyRequestService requests, UserDirectory users, MailOutbox outbox,
            MailSettings settings, Clock clock, @Value("${subventions.authority.name}") String authority) {
        this.opinions = opinions;
        this.requests = requests;
        this.users = users;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.authority = authority;
    }

    @EventListener
    void on(OpinionEvent event) {
        if (!settings.isEnabled()) {
            return;
        }
        List<MailOutbox.Message> messages;
        try {
            messages = messages(event);
        } catch (RuntimeException e) {
            // a step never fails for its e-mail
            LOG.error("No e-mail for {} of opinion {}: {}", event.kind(), event.opinionId(), e.toString(), e);
            return;
        }
        messages.forEach(outbox::enqueue);
    }

    private List<MailOutbox.Message> messages(OpinionEvent event) {
        OpinionView opinion = opinions.view(event.opinionId());
        SubsidyRequest request = requests.byId(event.requestId());
        Map<String, Object> model = model(opinion, request);
        return switch (event.kind()) {
            case ASKED -> to(MailTemplate.OPINION_ASKED, asked(opinion), request, model);
            case REMINDER_DUE -> to(MailTemplate.OPINION_REMINDER, asked(opinion), request, model);
            case WITHDRAWN -> to(MailTemplate.OPINION_WITHDRAWN, asked(opinion), request, model);
            case OVERDUE -> to(MailTemplate.OPINION_OVERDUE, users.person(opinion.askedBy()).stream().toList(), request,
                    model);
            case GIVEN -> to(MailTemplate.OPINION_GIVEN, users.person(opinion.askedBy()).stream().toList(), request, model);
        };
    }

    /** The colleague asked, or each member of the service asked, who has an address. */
    private List<UserDirectory.Person> asked(OpinionView opinion) {
        return opinion.askedOf().user() != null ? users.person(opinion.askedOf().user()).stream().toList()
                : users.membersOf(opinion.askedOf().group());
    }

    /** What the request's and the opinion's e-mails say: the request as filed, the question, the opinion once given. */
    private Map<String, Object> model(OpinionView opinion, SubsidyRequest request) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("authority", authority);
        model.put("reference", request.reference());
        model.put("title", request.title());
        model.put("applicantName", request.applicant().name());
        model.put("representative", request.applicant().representative());
        model.put("fiscalYear", String.valueOf(request.fiscalYear()));
        model.put("requestedAmount", Money.format(request.requestedAmount()));
        model.put("submittedOn", FrenchText.date(LocalDate.ofInstant(request.submittedAt(), clock.getZone())));
        model.put("status", request.status().label());
        model.put("dossierUrl", settings.link("/gestion/demandes/" + request.reference()));
        model.put("askedOf", opinion.askedOf().label());
        model.put("askedBy", opinion.askedByName());
        model.put("question", opinion.question());
        model.put("dueOn", FrenchText.date(opinion.dueOn()));
        model.put("confidential", opinion.confidential());
        model.put("verdict", opinion.verdictLabel() == null ? "" : opinion.verdictLabel().toLowerCase(Locale.FRANCE));
        model.put("givenBy", opinion.givenByName() == null ? "" : opinion.givenByName());
        model.put("givenOn", opinion.givenAt() == null ? ""
                : FrenchText.date(LocalDate.ofInstant(opinion.givenAt(), clock.getZone())));
        model.put("givenLate", opinion.givenLate());
        model.put("withdrawalReason", opinion.withdrawalReason() == null ? "" : opinion.withdrawalReason());
        return model;
    }

    private List<MailOutbox.Message> to(MailTemplate template, List<UserDirectory.Person> people, SubsidyRequest request,
            Map<String, Object> model) {
        List<MailOutbox.Message> messages = new ArrayList<>();
        for (UserDirectory.Person person : people) {
            Map<String, Object> own = new LinkedHashMap<>(model);
            own.put("recipientName", person.name());
            messages.add(new MailOutbox.Message(template, person.email(), null, request.id(), request.reference(), null,
                    own, null));
        }
        return messages;
    }
}
