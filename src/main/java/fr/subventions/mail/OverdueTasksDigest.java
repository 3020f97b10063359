package fr.subventions.mail;

import fr.subventions.shared.FrenchText;
import fr.subventions.system.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The officers' reminder: once a day, each officer gets one e-mail listing the tasks of their groups
 * ({@code subventions.mail.tasks.groups}) that wait too long — past their due date, or, without one, for longer than
 * {@code subventions.mail.tasks.overdue-after} — a task claimed by someone going to them alone. Written once per
 * officer and day, whichever node runs it first (a unique key in the outbox).
 */
@Component
class OverdueTasksDigest {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueTasksDigest.class);

    private final TaskService taskService;
    private final UserDirectory users;
    private final MailOutbox outbox;
    private final MailSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;

    OverdueTasksDigest(TaskService taskService, UserDirectory users, MailOutbox outbox, MailSettings settings, Clock clock,
            PlatformTransactionManager transactions) {
        this.taskService = taskService;
        this.users = users;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Writes today's digests; answers how many were written (none twice for the same officer and day). */
    public int send() {
        if (!settings.isEnabled() || settings.getTasks().getGroups().isEmpty()) {
            return 0;
        }
        Instant now = Instant.now(clock);
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Date lateBefore = Date.from(now.atZone(zone).minus(settings.getTasks().getOverdueAfter()).toInstant());
        List<String> groups = settings.getTasks().getGroups();
        List<Task> late = taskService.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().active()
                .list().stream()
                .filter(t -> t.getDueDate() != null ? t.getDueDate().before(Date.from(now)) : t.getCreateTime().before(lateBefore))
                .sorted(Comparator.comparing(Task::getCreateTime).thenComparing(Task::getId)).toList();
        if (late.isEmpty()) {
            return 0;
        }
        Map<String, List<String>> byUser = new TreeMap<>();
        Map<String, List<UserDirectory.Person>> members = new HashMap<>();
        Map<String, UserDirectory.Person> people = new HashMap<>();
        for (Task task : late) {
            Set<UserDirectory.Person> recipients = new LinkedHashSet<>();
            if (task.getAssignee() != null) {
                users.person(task.getAssignee()).ifPresent(recipients::add);
            } else {
                for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                            && groups.contains(link.getGroupId())) {
                        recipients.addAll(members.computeIfAbsent(link.getGroupId(), users::membersOf));
                    }
                }
            }
            String line = line(task, zone);
            for (UserDirectory.Person person : recipients) {
                people.put(person.id(), person);
                byUser.computeIfAbsent(person.id(), id -> new ArrayList<>()).add(line);
            }
        }
        int written = 0;
        for (Map.Entry<String, List<String>> entry : byUser.entrySet()) {
            UserDirectory.Person person = people.get(entry.getKey());
            String dedup = "taches-en-attente:" + person.id() + ":" + today;
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("recipientName", person.name());
            model.put("taskCount", String.valueOf(entry.getValue().size()));
            model.put("tasks", entry.getValue());
            model.put("overdueAfterDays", String.valueOf(settings.getTasks().getOverdueAfter().getDays()));
            model.put("today", FrenchText.date(today));
            // officers work in the back office: its worklist, and the séances from its menu
            model.put("worklistUrl", settings.link("/gestion"));
            try {
                Boolean queued = transaction.execute(s -> !outbox.exists(dedup) && outbox.enqueue(new MailOutbox.Message(
                        MailTemplate.OVERDUE_TASKS, person.email(), null, null, null, null, model, dedup)));
                if (Boolean.TRUE.equals(queued)) {
                    written++;
                }
            } catch (DataIntegrityViolationException alreadyThere) {
                // another node wrote this officer's digest of the day at the same moment
            }
        }
        LOG.info("Daily digest of {} late task(s) written for {} officer(s)", late.size(), written);
        return written;
    }

    /**
     * "– « Vérifier la complétude SUB-2025-0001 — Association … » – en attente depuis le 3 juillet 2025": the task's name
     * says which request or séance it is about (TaskNaming).
     */
    private static String line(Task task, ZoneId zone) {
        LocalDate created = LocalDate.ofInstant(task.getCreateTime().toInstant(), zone);
        return "– « " + task.getName() + " » – en attente depuis le " + FrenchText.date(created)
                + (task.getDueDate() == null ? ""
                        : ", échéance le " + FrenchText.date(LocalDate.ofInstant(task.getDueDate().toInstant(), zone)));
    }
}
