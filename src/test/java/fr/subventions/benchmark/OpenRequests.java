package fr.subventions.benchmark;

import fr.subventions.backoffice.WorklistWords;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many open requests, fast: copies of template requests that the real processes brought to a stage, written with bulk
 * JDBC inserts into our tables and the engine's.
 *
 * <p>For each template (a request and its process instance) it reads every row the engine and the application hold for
 * it — runtime executions, tasks, their candidate groups and the authorizations the engine gave those groups on them
 * (READ and UPDATE on the task: without them no officer would see a copy), variables, event subscriptions (the
 * withdrawal, the message a request waits for), timer jobs; the history of the instance, its activities and tasks;
 * the request, its co-financing and its history — and writes {@code copies} copies, each with fresh ids and an applicant
 * of its own ({@link Applicants}, with the worklist's search words for it): every UUID in a copied row
 * (ids, parent and instance references, activity instance ids like {@code Task_X:uuid}) is replaced, the same way
 * within one copy, except the ids the copies share with the template (process definitions, deployments, job
 * definitions); the business key and the request's reference become the copy's reference, the variable
 * {@code requestId} its new id. The fresh ids increase ({@link #nextId()}): InnoDB stores a table in its primary key's
 * order, and random UUIDs as keys scatter 2.4 million inserts over every page of each table (33 minutes for 100 000
 * requests with a 128 MiB buffer pool); increasing keys append. Documents, reservations and conventions are not
 * copied (the task list reads none of them). The engine then sees each copy as a process instance of its own: a
 * copy's task can be completed.
 */
final class OpenRequests {

    private static final Pattern UUID_PATTERN = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int ROWS_PER_INSERT = 400;

    private final String url;
    private final String user;
    private final String password;
    /** This run's prefix: {@code z} sorts after the engine's hexadecimal UUIDs, then the run's start in base 36. */
    private final String prefix = "z" + String.format("%9s", Long.toString(System.currentTimeMillis(), 36)).replace(' ', '0')
            + "-";
    private long counter;

    OpenRequests(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    record Template(long requestId, String reference, String processInstanceId) {
    }

    /** A table's rows for one template: the query that reads them, with the template's values bound. */
    private record Source(String table, String where, Object param) {
    }

    /** Writes {@code copies} copies of the template; {@code first} numbers the copies' references. Answers the rows written. */
    long copy(Template template, int copies, long first, String referencePrefix) throws Exception {
        try (Connection c = DriverManager.getConnection(url + "?nullDatabaseMeansCurrent=true", user, password)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION foreign_key_checks = 0");
                s.execute("SET SESSION unique_checks = 0");
            }
            Set<String> shared = sharedIds(c);
            List<String> taskIds = strings(c, "select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?", template.processInstanceId());
            List<String> hiTaskIds = strings(c, "select ID_ from ACT_HI_TASKINST where PROC_INST_ID_ = ?",
                    template.processInstanceId());
            List<Source> sources = new ArrayList<>();
            String pi = template.processInstanceId();
            sources.add(new Source("ACT_RU_EXECUTION", "PROC_INST_ID_ = ?", pi));
            sources.add(new Source("ACT_RU_TASK", "PROC_INST_ID_ = ?", pi));
            for (String task : taskIds) {
                sources.add(new Source("ACT_RU_IDENTITYLINK", "TASK_ID_ = ?", task));
            }
            for (String task : taskIds) {
                // the engine's default authorization for the task's candidate group: without it the copies are
                // invisible to the officers, and the task list's authorization check joins 2 rows instead of 60 000
                sources.add(new Source("ACT_RU_AUTHORIZATION", "RESOURCE_TYPE_ = 7 and RESOURCE_ID_ = ?", task));
            }
            sources.add(new Source("ACT_RU_VARIABLE", "PROC_INST_ID_ = ?", pi));
            sources.add(new Source("ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_ = ?", pi));
            sources.add(new Source("ACT_RU_JOB", "PROCESS_INSTANCE_ID_ = ?", pi));
            sources.add(new Source("ACT_HI_PROCINST", "PROC_INST_ID_ = ?", pi));
            sources.add(new Source("ACT_HI_ACTINST", "PROC_INST_ID_ = ?", pi));
            sources.add(new Source("ACT_HI_TASKINST", "PROC_INST_ID_ = ?", pi));
            for (String task : hiTaskIds) {
                sources.add(new Source("ACT_HI_IDENTITYLINK", "TASK_ID_ = ?", task));
            }
            sources.add(new Source("subsidy_request", "id = ?", template.requestId()));
            sources.add(new Source("request_cofinancing", "request_id = ?", template.requestId()));
            sources.add(new Source("stage_event", "request_id = ?", template.requestId()));

            long nextRequestId = single(c, "select coalesce(max(id), 0) + 1 from subsidy_request");
            // each copy's own applicant, and the search's words for it (Applicants, WorklistWords)
            Rows words = new Rows();
            words.columns = List.of("request_id", "word");
            long nextEventId = single(c, "select coalesce(max(id), 0) + 1 from stage_event");
            Map<String, Rows> byTable = new LinkedHashMap<>();
            for (Source source : sources) {
                Rows rows = byTable.computeIfAbsent(source.table(), t -> new Rows());
                rows.read(c, source);
            }
            byTable.put("worklist_word", words);
            long written = 0;
            int batch = 200;
            for (int from = 0; from < copies; from += batch) {
                int to = Math.min(copies, from + batch);
                Map<String, List<Object[]>> out = new HashMap<>();
                for (int n = from; n < to; n++) {
                    Map<String, String> ids = new HashMap<>();
                    long requestId = nextRequestId + n;
                    String reference = referencePrefix + String.format("%07d", first + n);
                    for (Map.Entry<String, Rows> table : byTable.entrySet()) {
                        Rows rows = table.getValue();
                        for (Object[] row : rows.values) {
                            Object[] copy = row.clone();
                            for (int i = 0; i < copy.length; i++) {
                                copy[i] = map(copy[i], rows.columns.get(i), template, reference, requestId, ids, shared,
                                        this);
                            }
                            if (table.getKey().equals("stage_event")) {
                                copy[rows.columns.indexOf("id")] = nextEventId++;
                            }
                            if (table.getKey().equals("subsidy_request")) {
                                out.computeIfAbsent("worklist_word", t -> new ArrayList<>())
                                        .addAll(asApplicant(copy, rows.columns, reference, first + n));
                            }
                            if (table.getKey().equals("ACT_RU_VARIABLE") || table.getKey().equals("ACT_HI_VARINST")) {
                                int name = rows.columns.indexOf("NAME_");
                                if ("requestId".equals(copy[name])) {
                                    copy[rows.columns.indexOf("LONG_")] = requestId;
                                    copy[rows.columns.indexOf("TEXT_")] = String.valueOf(requestId);
                                }
                            }
                            out.computeIfAbsent(table.getKey(), t -> new ArrayList<>()).add(copy);
                        }
                    }
                }
                for (Map.Entry<String, List<Object[]>> table : out.entrySet()) {
                    written += insert(c, table.getKey(), byTable.get(table.getKey()).columns, table.getValue());
                }
                c.commit();
            }
            return written;
        }
    }

    /**
     * Assigns {@code count} open tasks of the task definition to the user, as the user's claims would have: the task's
     * assignee (and its history's), and the authorization the engine writes for an assignee
     * ({@code DefaultAuthorizationProvider.newTaskAssignee}: a grant to the user of the task's runtime permissions, READ
     * and UPDATE, on the TASK resource; no historic-task grant, historic instance permissions being off). Idempotent:
     * tasks the user already holds count, so a database kept from an earlier run ({@code bench.reuseData}) gets only the
     * missing ones. The tasks are taken evenly over the queue, not its newest. Answers how many were assigned now.
     */
    int assign(String assignee, String taskDefinitionKey, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(url + "?nullDatabaseMeansCurrent=true", user, password)) {
            c.setAutoCommit(false);
            long held;
            try (PreparedStatement p = c.prepareStatement(
                    "select count(*) from ACT_RU_TASK where ASSIGNEE_ = ? and TASK_DEF_KEY_ = ?")) {
                p.setString(1, assignee);
                p.setString(2, taskDefinitionKey);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    held = r.getLong(1);
                }
            }
            if (held >= count) {
                return 0;
            }
            List<String> free = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "select ID_ from ACT_RU_TASK where ASSIGNEE_ is null and TASK_DEF_KEY_ = ? order by ID_")) {
                p.setString(1, taskDefinitionKey);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        free.add(r.getString(1));
                    }
                }
            }
            int wanted = (int) Math.min(count - held, free.size());
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < wanted; i++) {
                chosen.add(free.get((int) ((long) i * free.size() / wanted)));
            }
            Timestamp now = new Timestamp(System.currentTimeMillis());
            try (PreparedStatement task = c.prepareStatement(
                    "update ACT_RU_TASK set ASSIGNEE_ = ?, REV_ = REV_ + 1, LAST_UPDATED_ = ? where ID_ = ? and ASSIGNEE_ is null");
                    PreparedStatement history = c.prepareStatement("update ACT_HI_TASKINST set ASSIGNEE_ = ? where ID_ = ?");
                    PreparedStatement grant = c.prepareStatement("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_,"
                            + " USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_, REMOVAL_TIME_, ROOT_PROC_INST_ID_)"
                            + " select ?, 1, 1, null, ?, 7, ?, 6, null, null from dual where not exists (select 1 from"
                            + " ACT_RU_AUTHORIZATION where TYPE_ = 1 and USER_ID_ = ? and RESOURCE_TYPE_ = 7 and RESOURCE_ID_ = ?)")) {
                for (String id : chosen) {
                    task.setString(1, assignee);
                    task.setTimestamp(2, now);
                    task.setString(3, id);
                    task.executeUpdate();
                    history.setString(1, assignee);
                    history.setString(2, id);
                    history.executeUpdate();
                    // one at a time: the driver's bulk protocol does not take an INSERT … SELECT
                    grant.setString(1, nextId());
                    grant.setString(2, assignee);
                    grant.setString(3, id);
                    grant.setString(4, assignee);
                    grant.setString(5, id);
                    grant.executeUpdate();
                }
            }
            c.commit();
            return wanted;
        }
    }

    /**
     * Gives the copied request its own applicant (name, SIRET, RNA) and a date at its stage up to four months back, so
     * that the worklist's search and sort by days work on data like the authority's; answers its search words' rows.
     */
    private static List<Object[]> asApplicant(Object[] request, List<String> columns, String reference, long number) {
        Applicants.Applicant applicant = Applicants.of(number);
        request[columns.indexOf("applicant_name")] = applicant.name();
        request[columns.indexOf("applicant_siret")] = applicant.siret();
        if (request[columns.indexOf("applicant_rna")] != null) {
            request[columns.indexOf("applicant_rna")] = applicant.rna();
        }
        int since = columns.indexOf("status_since");
        long daysBack = (number * 37) % 120;
        if (request[since] instanceof Timestamp at) {
            request[since] = Timestamp.from(at.toInstant().minus(Duration.ofDays(daysBack)));
        } else if (request[since] instanceof LocalDateTime at) {
            request[since] = at.minusDays(daysBack);
        }
        Long id = ((Number) request[columns.indexOf("id")]).longValue();
        return WorklistWords.of(reference, applicant.name(),
                (String) request[columns.indexOf("title")]).stream().map(word -> new Object[] {id, word}).toList();
    }

    private static Object map(Object value, String column, Template template, String reference, long requestId,
            Map<String, String> ids, Set<String> shared, OpenRequests copier) {
        if (value instanceof String text) {
            if (text.equals(template.reference())) {
                return reference;
            }
            if (column.equals("idempotency_key")) {
                return null;
            }
            Matcher m = UUID_PATTERN.matcher(text);
            if (!m.find()) {
                return text;
            }
            StringBuilder out = new StringBuilder();
            do {
                String found = m.group();
                m.appendReplacement(out, shared.contains(found) ? found
                        : ids.computeIfAbsent(found, k -> copier.nextId()));
            } while (m.find());
            m.appendTail(out);
            return out.toString();
        }
        if ((column.equals("id") || column.equals("request_id")) && value instanceof Number number
                && number.longValue() == template.requestId()) {
            return requestId;
        }
        return value;
    }

    /**
     * A fresh id of a UUID's 36 characters — it fits wherever the template had a UUID, alone or inside a longer id
     * ({@code Task_X:…}) — greater than every id of the database, and than the previous one: this run's prefix, then
     * a counter padded with zeros. A later run's prefix sorts after an earlier run's.
     */
    String nextId() {
        String number = Long.toString(++counter);
        return prefix + "0".repeat(36 - prefix.length() - number.length()) + number;
    }

    /** Ids the copies share with their template: definitions and deployments, never an instance's. */
    private static Set<String> sharedIds(Connection c) throws Exception {
        Set<String> shared = new HashSet<>();
        for (String query : List.of("select ID_ from ACT_RE_PROCDEF", "select DEPLOYMENT_ID_ from ACT_RE_PROCDEF",
                "select ID_ from ACT_RE_DEPLOYMENT", "select ID_ from ACT_RU_JOBDEF", "select ID_ from ACT_RE_CAMFORMDEF",
                "select ID_ from ACT_RE_DECISION_DEF", "select ID_ from ACT_GE_BYTEARRAY where DEPLOYMENT_ID_ is not null")) {
            for (String id : strings(c, query, null)) {
                Matcher m = UUID_PATTERN.matcher(id);
                while (m.find()) {
                    shared.add(m.group());
                }
            }
        }
        return shared;
    }

    private static final class Rows {
        List<String> columns;
        final List<Object[]> values = new ArrayList<>();

        void read(Connection c, Source source) throws Exception {
            try (PreparedStatement p = c.prepareStatement("select * from " + source.table() + " where " + source.where())) {
                p.setObject(1, source.param());
                try (ResultSet r = p.executeQuery()) {
                    ResultSetMetaData meta = r.getMetaData();
                    if (columns == null) {
                        columns = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            columns.add(meta.getColumnName(i));
                        }
                    }
                    while (r.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = r.getObject(i + 1);
                        }
                        values.add(row);
                    }
                }
            }
        }
    }

    private static long insert(Connection c, String table, List<String> columns, List<Object[]> rows) throws Exception {
        String one = "(" + String.join(",", Collections.nCopies(columns.size(), "?")) + ")";
        int perStatement = Math.max(1, Math.min(ROWS_PER_INSERT, 60_000 / columns.size()));
        long written = 0;
        for (int from = 0; from < rows.size(); from += perStatement) {
            int to = Math.min(rows.size(), from + perStatement);
            StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (")
                    .append(String.join(",", columns.stream().map(col -> "`" + col + "`").toList())).append(") values ");
            for (int r = from; r < to; r++) {
                sql.append(r == from ? "" : ",").append(one);
            }
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                int at = 1;
                for (int r = from; r < to; r++) {
                    for (Object value : rows.get(r)) {
                        p.setObject(at++, value);
                    }
                }
                written += p.executeUpdate();
            }
        }
        return written;
    }

    private static List<String> strings(Connection c, String sql, Object param) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (param != null) {
                p.setObject(1, param);
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    if (r.getString(1) != null) {
                        out.add(r.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
