package fr.subventions.backoffice;

import fr.subventions.shared.Caller;
import fr.subventions.submission.RequestStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worklist read from our tables and the engine's, by SQL ({@link WorklistSql}): a page of requests with its tabs'
 * counters, the same list streamed for an export, what the filters offer, and each user's kept query.
 */
@Service
class WorklistService {

    /** Hibernate writes an Instant in UTC where the column has no time zone (MariaDB); read it back the same way. */
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    /** Rows the driver fetches at a time when it streams an export (MariaDB's driver streams with a fetch size). */
    private static final int FETCH = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final WorklistCounters counters;
    private final WorklistTasks tasks;
    private final WorklistPreferenceRepository preferences;
    private final IdentityService identity;
    private final CommandExecutor commands;
    private final Clock clock;

    WorklistService(NamedParameterJdbcTemplate jdbc, DataSource dataSource, WorklistCounters counters, WorklistTasks tasks,
            WorklistPreferenceRepository preferences, IdentityService identity, ProcessEngineConfigurationImpl engine,
            Clock clock) {
        this.jdbc = jdbc;
        JdbcTemplate stream = new JdbcTemplate(dataSource);
        stream.setFetchSize(FETCH);
        this.streaming = new NamedParameterJdbcTemplate(stream);
        this.counters = counters;
        this.tasks = tasks;
        this.preferences = preferences;
        this.identity = identity;
        this.commands = engine.getCommandExecutorTxRequired();
        this.clock = clock;
    }

    /** A page of the worklist and its tabs' counters. */
    public WorklistPage page(WorklistQuery query, Caller caller) {
        Map<WorklistTab, Long> counts = counts(caller);
        WorklistSql.Context context = context(caller, counts.get(WorklistTab.TO_DO));
        WorklistSql sql = new WorklistSql(query, context);
        // unfiltered, the tab's counter is the list's length
        long total = query.filtered() ? jdbc.queryForObject(sql.count(), sql.parameters(), Long.class)
                : counts.get(query.tab());
        List<Long> ids = jdbc.queryForList(sql.ids(), sql.parameters(), Long.class);
        List<WorklistRow> rows = new ArrayList<>();
        if (!ids.isEmpty()) {
            Map<Long, WorklistRow> byId = new HashMap<>();
            MapSqlParameterSource parameters = new MapSqlParameterSource("ids", ids)
                    .addValue("staffKeys", context.staffKeys().isEmpty() ? Set.of("-") : context.staffKeys())
                    .addValue("user", context.user());
            jdbc.query(WorklistSql.linesOf(), parameters, rs -> {
                WorklistRow row = row(rs, context.today(), rs.getLong("open_tasks") > 0, rs.getLong("unread"));
                byId.put(row.id(), row);
            });
            ids.stream().map(byId::get).filter(Objects::nonNull).forEach(rows::add);
        }
        return new WorklistPage(query, counts, rows, total);
    }

    /** Every line of the query, in its order, one at a time from the database's cursor to the sink. */
    @Transactional(readOnly = true)
    public void export(WorklistQuery query, Caller caller, LineSink sink) {
        WorklistSql.Context context = context(caller, counters.toDo(tasks.offeredTo(caller)));
        WorklistSql sql = new WorklistSql(query, context);
        streaming.query(sql.lines(), sql.parameters(), rs -> {
            try {
                sink.accept(row(rs, context.today(), false, 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** What receives an export's lines. */
    @FunctionalInterface
    interface LineSink {
        void accept(WorklistRow row) throws IOException;
    }

    /** The tabs' counters for this user. */
    Map<WorklistTab, Long> counts(Caller caller) {
        Map<RequestStatus, Long> stages = counters.stages();
        Map<WorklistTab, Long> counts = new EnumMap<>(WorklistTab.class);
        counts.put(WorklistTab.TO_DO, counters.toDo(tasks.offeredTo(caller)));
        counts.put(WorklistTab.MINE, counters.mine(caller.username(), tasks.staff()));
        counts.put(WorklistTab.OPINIONS, counters.opinions(caller.username(), caller.groups()));
        counts.put(WorklistTab.ALL, stages.values().stream().mapToLong(Long::longValue).sum());
        for (WorklistTab tab : WorklistTab.values()) {
            if (tab.stage() != null) {
                counts.put(tab, stages.getOrDefault(tab.stage(), 0L));
            }
        }
        return counts;
    }

    /** The choices the filters offer. */
    public Options options() {
        List<Integer> years = jdbc.getJdbcTemplate().queryForList(
                "select distinct fiscal_year from subsidy_request order by fiscal_year desc", Integer.class);
        List<String> assignees = jdbc.queryForList("select distinct ASSIGNEE_ from ACT_RU_TASK where ASSIGNEE_ is not null"
                + " and TASK_DEF_KEY_ in (:keys) order by ASSIGNEE_", Map.of("keys", keysOrNone(tasks.staff())), String.class);
        return new Options(years, services(), assignees);
    }

    /** What the filters offer: fiscal years of the requests, services of the budget lines, who holds a task now. */
    public record Options(List<Integer> fiscalYears, List<String> services, List<String> assignees) {
    }

    List<String> services() {
        return jdbc.getJdbcTemplate().queryForList("select distinct service from budget_line order by service", String.class);
    }

    /** Whether the id is one of the staff's (a Camunda user in a staff group), read without the engine's checks. */
    boolean isStaff(String userId) {
        return commands.execute(context -> context.runWithoutAuthorization(() -> {
            for (String group : List.of(Caller.OFFICERS, Caller.FINANCE, Caller.SECRETARIAT, Caller.ADMINISTRATORS)) {
                if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0) {
                    return true;
                }
            }
            return false;
        }));
    }

    /** The user's kept query, or the default one. */
    @Transactional(readOnly = true)
    public WorklistQuery kept(Caller caller) {
        return preferences.findById(caller.username()).map(WorklistPreference::query)
                .filter(Objects::nonNull).orElse(WorklistQuery.DEFAULT);
    }

    /** Keeps the user's query for their next visit; nothing is written when it is the one kept. */
    @Transactional
    public void keep(Caller caller, WorklistQuery query) {
        WorklistPreference preference = preferences.findById(caller.username())
                .orElseGet(() -> new WorklistPreference(caller.username()));
        if (preference.keep(query, clock.instant())) {
            preferences.save(preference);
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private WorklistSql.Context context(Caller caller, long toDoCount) {
        return new WorklistSql.Context(tasks.staff(), tasks.offeredTo(caller), caller.username(), caller.groups(), today(),
                toDoCount);
    }

    private static Set<String> keysOrNone(Set<String> keys) {
        return keys.isEmpty() ? Set.of("-") : keys;
    }

    private WorklistRow row(ResultSet rs, LocalDate today, boolean openTask, long unread) throws SQLException {
        RequestStatus stage = RequestStatus.valueOf(rs.getString("status"));
        Instant since = rs.getTimestamp("status_since", UTC).toInstant();
        Timestamp awaiting = rs.getTimestamp("awaiting_reply_since", UTC);
        String takenBy = rs.getString("taken_by");
        return new WorklistRow(rs.getLong("id"), rs.getString("reference"), rs.getString("applicant_name"),
                rs.getString("applicant_siret"), rs.getString("applicant_rna"), rs.getString("title"),
                rs.getString("theme"), services(rs.getString("reserved_services"), rs.getString("committed_services")),
                rs.getInt("fiscal_year"), rs.getBigDecimal("requested_amount"), rs.getBigDecimal("proposed_amount"),
                rs.getBigDecimal("granted_amount"), stage, since, WorklistRow.daysSince(since, today, clock.getZone()),
                takenBy, takenBy == null && openTask,
                WorklistRow.deadline(stage, rs.getObject("missing_items_due", LocalDate.class),
                        rs.getObject("valid_until", LocalDate.class), rs.getObject("beneficiary_signed_on", LocalDate.class),
                        rs.getObject("report_due_on", LocalDate.class), rs.getObject("report_received_on", LocalDate.class),
                        today), awaiting == null ? null : LocalDate.ofInstant(awaiting.toInstant(), clock.getZone()), unread);
    }

    /** The services of the proposed and the committed lines, each once, in alphabetical order. */
    private static String services(String reserved, String committed) {
        Set<String> all = new TreeSet<>();
        for (String list : new String[] {reserved, committed}) {
            if (list != null) {
                all.addAll(Arrays.asList(list.split(WorklistSql.SEPARATOR)));
            }
        }
        return all.isEmpty() ? null : String.join(", ", all);
    }

    /** A page of the worklist: the query it answers, the tabs' counters, its lines and how many match in all. */
    public record WorklistPage(WorklistQuery query, Map<WorklistTab, Long> counts, List<WorklistRow> rows, long total) {

        public long pages() {
            return Math.max(1, (total + query.size() - 1) / query.size());
        }
    }
}
