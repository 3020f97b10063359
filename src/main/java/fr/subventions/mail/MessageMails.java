package fr.subventions.mail;

import fr.subventions.collaboration.MessageSent;
import fr.subventions.collaboration.Side;
import fr.subventions.shared.Money;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.system.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A message of a request's thread goes to the other side by e-mail, written to the outbox in the transaction that
 * filed it: staff's to the applicant (the request's address, a copy to their account's), the applicant's to the
 * officer who has the request's current task, or else to the members of that task's group — the instructing officers
 * when the request waits at no staff task. The e-mail carries the text and the files' names; the files stay on the
 * thread, downloaded from the portal or the dossier page. Internal notes are never told: the event carries none.
 */
@Component
class MessageMails {

    private static final Logger LOG = LoggerFactory.getLogger(MessageMails.class);

    private final Notifications notifications;
    private final SubsidyRequestService requests;
    private final UserDirectory users;
    private final MailOutbox outbox;
    private final MailSettings settings;

    MessageMails(Notifications notifications, SubsidyRequestService requests, UserDirectory users, MailOutbox outbox,
            MailSettings settings) {
        this.notifications = notifications;
        this.requests = requests;
        this.users = users;
        this.outbox = outbox;
        this.settings = settings;
    }

    @EventListener
    void on(MessageSent sent) {
        if (!settings.isEnabled()) {
            return;
        }
        List<MailOutbox.Message> messages;
        SubsidyRequest request = requests.byId(sent.requestId());
        try {
            messages = messages(sent, request);
        } catch (RuntimeException e) {
            // a message is never refused for its e-mail
            LOG.error("No e-mail for message {} of {}: {}", sent.messageId(), request.reference(), e.toString(), e);
            return;
        }
        messages.forEach(outbox::enqueue);
    }

    private List<MailOutbox.Message> messages(MessageSent sent, SubsidyRequest request) {
        Map<String, Object> model = notifications.common(request);
        model.put("author", sent.authorName());
        // the text line by line, its paragraphs kept: a placeholder's value would make one line of it
        model.put("text", List.of(sent.text().split("\\R", -1)));
        model.put("attachments", sent.attachments().stream().map(name -> "– " + name).toList());
        if (sent.side() == Side.STAFF) {
            model.put("question", sent.question());
            model.put("portalUrl", settings.link("/portail/demandes/" + request.reference()));
            model.put("grantedAmount", request.grantedAmount() == null ? "" : Money.format(request.grantedAmount()));
            return List.of(notifications.toApplicant(MailTemplate.MESSAGE_TO_APPLICANT, request, model, null));
        }
        return notifications.toOfficers(MailTemplate.MESSAGE_FROM_APPLICANT, request, model, officers(sent));
    }

    /** Who has the task, if they can be written to; else the members of its groups, each once. */
    private List<UserDirectory.Person> officers(MessageSent sent) {
        if (sent.taskAssignee() != null) {
            var assignee = users.person(sent.taskAssignee());
            if (assignee.isPresent()) {
                return List.of(assignee.get());
            }
        }
        List<UserDirectory.Person> members = new ArrayList<>();
        for (String group : sent.taskGroups()) {
            users.membersOf(group).stream().filter(p -> members.stream().noneMatch(m -> m.id().equals(p.id())))
                    .forEach(members::add);
        }
        return members;
    }
}
