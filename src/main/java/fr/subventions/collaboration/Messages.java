package fr.subventions.collaboration;

import fr.subventions.shared.Caller;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import fr.subventions.shared.Texts;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentView;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.system.UserDirectory;
import fr.subventions.workflow.TaskCompleter;
import fr.subventions.workflow.TaskCompleter.OpenTask;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The thread of messages between a request's applicant and the authority's staff: the applicant who filed it and staff
 * read and write there, anybody else is answered 404 as for an unknown request. Plain text, with files checked as
 * every upload is; an officer's message may ask for an answer, and the request then waits for the applicant's. Each
 * message goes to the other side by e-mail ({@link MessageSent}). Sent messages are never changed nor deleted; a
 * closed or withdrawn request keeps its thread readable and takes no new message.
 */
@Service
@Transactional
public class Messages {

    /** A message's text, trimmed: 1 to 5 000 characters. */
    public static final int MAX_TEXT = 5000;
    /** Files joined to one message at most. */
    public static final int MAX_FILES = 5;
    /** The staff groups that work a request's tasks, and so hear of the applicant's messages. */
    static final List<String> STAFF_GROUPS = List.of(Caller.OFFICERS, Caller.SECRETARIAT, Caller.FINANCE);

    private final SubsidyRequestService requests;
    private final DocumentService documents;
    private final RequestMessageRepository messages;
    private final MessageThreadRepository threads;
    private final MessageReadMarkRepository marks;
    private final TaskCompleter tasks;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate marking;

    Messages(SubsidyRequestService requests, DocumentService documents, RequestMessageRepository messages,
            MessageThreadRepository threads, MessageReadMarkRepository marks, TaskCompleter tasks, UserDirectory users,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.requests = requests;
        this.documents = documents;
        this.messages = messages;
        this.threads = threads;
        this.marks = marks;
        this.tasks = tasks;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.marking = new TransactionTemplate(transactions);
        marking.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A message to write: its text, whether it asks for an answer (staff only), its files. */
    public record Draft(String text, Boolean question, List<Upload> files) {

        public Draft {
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    /** A file sent with a message, as received. */
    public record Upload(String filename, byte[] content) {
    }

    /**
     * The thread as the pages show it, the authority's local time: each message with whether the reader had not read
     * it before this visit, since when the request waits for the applicant's answer (null if it does not), and whether
     * it still takes messages.
     */
    public record Thread(List<Line> messages, LocalDateTime awaitingReplySince, boolean open) {

        public long unread() {
            return messages.stream().filter(Line::unread).count();
        }
    }

    /** A message of the thread on a page. */
    public record Line(MessageView message, LocalDateTime sentAt, boolean unread) {
    }

    /** The thread through the API, oldest first; staff's reading marks it read for them. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<MessageView> list(String reference, Caller caller) {
        SubsidyRequest request = requests.get(reference, caller);
        List<RequestMessage> thread = messages.findByRequestIdOrderById(request.id());
        markRead(request.id(), thread, caller);
        return views(request, thread, caller, id -> "/api/documents/" + id + "/content");
    }

    /**
     * The thread for a page, its files linked by {@code link}; for staff, the applicant's messages they had not read
     * are marked so, then read: opening the dossier page reads the thread.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Thread thread(String reference, Caller caller, Function<Long, String> link) {
        SubsidyRequest request = requests.get(reference, caller);
        List<RequestMessage> thread = messages.findByRequestIdOrderById(request.id());
        long lastRead = caller.isStaff() ? marks.findByRequestIdAndUsername(request.id(), caller.username())
                .map(MessageReadMark::lastReadMessageId).orElse(0L) : Long.MAX_VALUE;
        markRead(request.id(), thread, caller);
        ZoneId zone = clock.getZone();
        List<MessageView> views = views(request, thread, caller, link);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < thread.size(); i++) {
            RequestMessage message = thread.get(i);
            lines.add(new Line(views.get(i), LocalDateTime.ofInstant(message.sentAt(), zone),
                    message.side() == Side.APPLICANT && message.id() > lastRead));
        }
        Instant awaiting = awaitingReplySince(request);
        return new Thread(lines, awaiting == null ? null : LocalDateTime.ofInstant(awaiting, zone),
                request.status() != RequestStatus.CLOSED);
    }

    /**
     * Since when the request waits for its applicant's answer to an officer's question; null when it does not — nothing
     * asked, answered since, or the request closed or withdrawn, which waits for nothing any more.
     */
    Instant awaitingReplySince(SubsidyRequest request) {
        if (request.status() == RequestStatus.CLOSED) {
            return null;
        }
        return threads.findById(request.id()).map(MessageThread::awaitingReplySince).orElse(null);
    }

    /**
     * Writes a message on the request's thread: by its applicant, or by staff, who may ask for an answer. Everything is
     * checked before anything is filed — the text, the question, every file — and refused in one answer; a closed or
     * withdrawn request takes no message (409).
     */
    public MessageView send(String reference, Draft draft, Caller caller) {
        return send(reference, draft, caller, caller.isStaff() ? Side.STAFF : Side.APPLICANT);
    }

    /**
     * Writes as the request's applicant, from their portal: only the account that filed the request does (404 for
     * anybody else, staff included: staff write from the dossier page).
     */
    public MessageView sendAsApplicant(String reference, Draft draft, Caller caller) {
        SubsidyRequest request = requests.get(reference, caller);
        if (!request.isOwnedBy(caller.username())) {
            throw new NotFoundException("Demande inconnue : " + reference);
        }
        return send(reference, draft, caller, Side.APPLICANT);
    }

    private MessageView send(String reference, Draft draft, Caller caller, Side side) {
        SubsidyRequest request = requests.get(reference, caller);
        if (request.status() == RequestStatus.CLOSED) {
            throw new StageConflictException("La demande " + reference + " est close (" + outcome(request)
                    + ") : ses messages restent consultables, mais elle n'en reçoit plus de nouveaux.");
        }
        String text = check(draft, side);
        Instant now = Instant.now(clock);
        List<Long> attachments = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Upload file : draft.files()) {
            RequestDocument document = documents.attachToMessage(request, file.filename(), file.content(), caller.username());
            attachments.add(document.id());
            names.add(document.filename());
        }
        boolean question = side == Side.STAFF && Boolean.TRUE.equals(draft.question());
        RequestMessage message = messages.save(new RequestMessage(request.id(), side, caller.username(),
                users.name(caller.username()), text, question, now, attachments));
        MessageThread thread = threads.findById(request.id()).orElseGet(() -> new MessageThread(request.id()));
        thread.record(message);
        threads.save(thread);
        String assignee = null;
        List<String> groups = List.of();
        if (side == Side.APPLICANT) {
            Optional<OpenTask> task = staffTask(reference);
            assignee = task.map(OpenTask::holder).map(TaskCompleter.Holder::userId).orElse(null);
            groups = task.map(t -> t.candidateGroups().stream().filter(STAFF_GROUPS::contains).toList())
                    .orElse(List.of(Caller.OFFICERS));
        }
        events.publishEvent(new MessageSent(request.id(), message.id(), side, message.author(), message.authorName(),
                text, question, names, assignee, groups));
        return views(request, List.of(message), caller, id -> "/api/documents/" + id + "/content").get(0);
    }

    /** The request's first open task offered to staff: where its work is now. */
    private Optional<OpenTask> staffTask(String reference) {
        return tasks.openTasks(reference).stream()
                .filter(task -> task.candidateGroups().stream().anyMatch(STAFF_GROUPS::contains)).findFirst();
    }

    /** The text trimmed, or every reason to refuse the message at once. */
    private String check(Draft draft, Side side) {
        List<FieldError> errors = new ArrayList<>();
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.isEmpty()) {
            errors.add(new FieldError("text", "écrivez le message"));
        } else if (text.length() > MAX_TEXT) {
            errors.add(new FieldError("text", "au plus " + MAX_TEXT + " caractères (le message en compte "
                    + text.length() + ")"));
        } else if (!Texts.isClean(text)) {
            errors.add(new FieldError("text", Texts.message(Texts.forbidden(text))));
        }
        if (side == Side.APPLICANT && Boolean.TRUE.equals(draft.question())) {
            errors.add(new FieldError("question", "seul le service instructeur demande une réponse : écrivez votre "
                    + "message sans cette case"));
        }
        if (draft.files().size() > MAX_FILES) {
            errors.add(new FieldError("files", "au plus " + MAX_FILES + " fichiers par message"));
        } else {
            for (Upload file : draft.files()) {
                try {
                    documents.check(file.filename(), file.content());
                } catch (InvalidInputException e) {
                    String name = file.filename() == null || file.filename().isBlank() ? "fichier sans nom"
                            : "« " + file.filename().strip() + " »";
                    e.errors().forEach(error -> errors.add(new FieldError("files", name + " : " + error.message())));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return text;
    }

    /**
     * Staff's mark moved to the thread's last message, in a short transaction of its own: reading never fails for it.
     * The same user reading the same thread twice at one instant writes one mark; the other finds it taken and
     * leaves it.
     */
    private void markRead(Long requestId, List<RequestMessage> thread, Caller caller) {
        if (!caller.isStaff() || thread.isEmpty()) {
            return;
        }
        Long last = thread.get(thread.size() - 1).id();
        try {
            marking.executeWithoutResult(status -> {
                MessageReadMark mark = marks.findByRequestIdAndUsername(requestId, caller.username())
                        .orElseGet(() -> new MessageReadMark(requestId, caller.username()));
                if (mark.readUpTo(last, Instant.now(clock))) {
                    marks.save(mark);
                }
            });
        } catch (DataIntegrityViolationException concurrent) {
            // marked at the same instant by the same user's other reading
        }
    }

    private List<MessageView> views(SubsidyRequest request, List<RequestMessage> thread, Caller caller,
            Function<Long, String> link) {
        Map<Long, DocumentView> files = thread.stream().anyMatch(m -> !m.attachments().isEmpty())
                ? documents.views(request, caller).stream().collect(Collectors.toMap(DocumentView::id, d -> d))
                : Map.of();
        return thread.stream().map(m -> new MessageView(m.id(), m.side(), m.author(), m.authorName(), m.sentAt(),
                m.question(), m.text(), m.attachments().stream().map(files::get).filter(d -> d != null)
                        .map(d -> new MessageView.Attachment(d.id(), d.filename(), d.mediaType(), d.size(),
                                link.apply(d.id()))).toList())).toList();
    }

    private static String outcome(SubsidyRequest request) {
        return request.outcome() == null ? "clôturée" : request.outcome().label().toLowerCase(Locale.FRANCE);
    }
}
