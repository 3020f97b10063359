package fr.subventions.mail;

import fr.subventions.shared.Caller;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.submission.RequestMilestone;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.StageEvent;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.system.UserDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns each step of a request ({@link RequestMilestone}) into its e-mails, written to the outbox in the step's own
 * transaction: to the applicant — the address given in the request, with a copy to their portal account's when it
 * differs — and, for two steps, to officers: the missing documents supplied (to the officer who asked for them) and
 * an unsigned convention to follow up (to the secretariat).
 */
@Component
class Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final SubsidyRequestService requests;
    private final UserDirectory users;
    private final MailOutbox outbox;
    private final MailSettings settings;
    private final Clock clock;
    private final String authority;

    Notifications(SubsidyRequestService requests, UserDirectory users, MailOutbox outbox, MailSettings settings,
            Clock clock, @Value("${subventions.authority.name}") String authority) {
        this.requests = requests;
        this.users = users;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.authority = authority;
    }

    @EventListener
    void on(RequestMilestone milestone) {
        if (!settings.isEnabled()) {
            return;
        }
        List<MailOutbox.Message> messages;
        SubsidyRequest request = requests.byId(milestone.requestId());
        try {
            messages = messages(milestone, request);
        } catch (RuntimeException e) {
            // a step never fails for its e-mail
            LOG.error("No e-mail for {} of {}: {}", milestone.milestone(), request.reference(), e.toString(), e);
            return;
        }
        messages.forEach(outbox::enqueue);
    }

    private List<MailOutbox.Message> messages(RequestMilestone milestone, SubsidyRequest request) {
        MailTemplate template = MailTemplate.valueOf(milestone.milestone().name());
        Map<String, Object> model = common(request);
        model.putAll(milestone.details());
        return switch (milestone.milestone()) {
            case MISSING_ITEMS_SUPPLIED -> toOfficers(template, request, model, officersForMissingItems(request));
            case SIGNATURE_LATE -> toOfficers(template, request, model, users.membersOf(Caller.SECRETARIAT));
            default -> {
                applicantModel(milestone, request, model);
                yield List.of(toApplicant(template, request, model, milestone.documentId()));
            }
        };
    }

    /** The message to the applicant: the address given in the request, a copy to their account's when it differs. */
    MailOutbox.Message toApplicant(MailTemplate template, SubsidyRequest request, Map<String, Object> model,
            Long documentId) {
        String cc = users.person(request.submittedBy()).map(UserDirectory.Person::email).orElse(null);
        return new MailOutbox.Message(template, request.applicant().email(), cc, request.id(), request.reference(),
                documentId, model, null);
    }

    /** What every e-mail about a request can say. */
    Map<String, Object> common(SubsidyRequest request) {
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
        return model;
    }

    private void applicantModel(RequestMilestone milestone, SubsidyRequest request, Map<String, Object> model) {
        model.put("portalUrl", settings.link("/portail/demandes/" + request.reference()));
        model.putIfAbsent("grantedAmount", request.grantedAmount() == null ? "" : Money.format(request.grantedAmount()));
        switch (milestone.milestone()) {
            case MISSING_ITEMS_REQUESTED, INADMISSIBLE -> {
                model.put("missingItems", request.missingItems().stream().map(item -> "– " + item).toList());
                model.put("deadline", request.missingItemsDue() == null ? "" : FrenchText.date(request.missingItemsDue()));
                if (milestone.milestone() == RequestMilestone.Milestone.MISSING_ITEMS_REQUESTED) {
                    String comment = request.completenessComment();
                    model.put("comment", comment == null ? "" : comment.strip());
                }
            }
            // what follows the vote, as the template words it: the convention to sign, or else the payment
            case GRANTED -> model.put("convention", request.status() == RequestStatus.AWAITING_SIGNATURES);
            case CLOSED -> model.put("outcome", request.outcome() == null ? "" : request.outcome().label());
            case WITHDRAWN -> model.putIfAbsent("reason", "");
            default -> {
            }
        }
    }

    List<MailOutbox.Message> toOfficers(MailTemplate template, SubsidyRequest request, Map<String, Object> model,
            List<UserDirectory.Person> officers) {
        // officers work in the back office, on the dossier's page
        model.put("dossierUrl", settings.link("/gestion/demandes/" + request.reference()));
        List<MailOutbox.Message> messages = new ArrayList<>();
        for (UserDirectory.Person officer : officers) {
            Map<String, Object> own = new LinkedHashMap<>(model);
            own.put("recipientName", officer.name());
            messages.add(new MailOutbox.Message(template, officer.email(), null, request.id(), request.reference(), null,
                    own, null));
        }
        return messages;
    }

    /** The officer who found the request incomplete, if they can be written to; else every instructing officer. */
    private List<UserDirectory.Person> officersForMissingItems(SubsidyRequest request) {
        String asker = null;
        for (StageEvent event : request.history()) {
            if (event.stage() == RequestStatus.INCOMPLETE) {
                asker = event.actor();
            }
        }
        if (asker != null && users.isMember(asker, Caller.OFFICERS)) {
            var officer = users.person(asker);
            if (officer.isPresent()) {
                return List.of(officer.get());
            }
        }
        return users.membersOf(Caller.OFFICERS);
    }
}
