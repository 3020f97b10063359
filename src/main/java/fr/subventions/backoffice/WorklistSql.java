package fr.subventions.backoffice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The worklist's SQL, read-only, on H2 and MariaDB alike: the conditions of a tab, its filters and search, and the
 * order of a column, every value bound. Requests are ours (subsidy_request); where the process waits is the engine's:
 * a request's staff tasks are found through the variable {@code requestId} that its process instances carry (the
 * request's and its payment's), joined on Camunda's ids and numbers only — the engine's MariaDB tables have another
 * collation than ours, and a reference compared across the two can use neither's index.
 *
 * <p>Over 300 lines: every clause of the worklist — tabs, filters, search, sort, a page's columns, the export's — in
 * one place, so that the plans MariaDB makes of them are read and tuned together.
 */
final class WorklistSql {

    /** What a query needs besides its criteria: task keys, who asks and their groups, today, tasks waiting to be taken. */
    record Context(Set<String> staffKeys, Set<String> offeredKeys, String user, Set<String> groups, LocalDate today,
            long toDoCount) {
    }

    /** The requests on which an opinion is awaited from :user, by name or as a member of one of :groups. */
    static final String OPINIONS_AWAITED = "select o.request_id from opinion_request o where o.state = 'ASKED'"
            + " and (o.asked_user = :user or o.asked_group in (:groups))";

    /** Above this many tasks to take, « À traiter » walks the requests in order and looks each one's tasks up. */
    static final long MANY_TASKS = 2_000;

    /** The stage's next deadline: the same rule as {@link WorklistRow#deadline}. */
    static final String DEADLINE = "case when r.status = 'INCOMPLETE' then r.missing_items_due"
            + " when r.status = 'AWAITING_SIGNATURES' and c.beneficiary_signed_on is null then c.valid_until"
            + " when r.status = 'AWAITING_FINANCIAL_REPORT' and ps.report_received_on is null then ps.report_due_on end";
    static final String DEADLINE_JOINS = " left join convention c on c.request_id = r.id"
            + " left join payment_schedule ps on ps.request_id = r.id";

    /**
     * Since when request r waits for its applicant's answer to an officer's question (package collaboration's
     * message_thread): never once it is closed or withdrawn, which waits for nothing any more.
     */
    static final String AWAITING_REPLY = "(select case when r.status <> 'CLOSED' then mt.awaiting_reply_since end"
            + " from message_thread mt where mt.request_id = r.id)";
    /** The requests that wait for an answer: the few rows of message_thread so marked, by their index. */
    private static final String AWAITING_REPLY_FILTER = "r.status <> 'CLOSED' and r.id in (select mt.request_id from"
            + " message_thread mt where mt.awaiting_reply_since is not null)";
    /**
     * How many of request r's applicant messages the user (:user) has not read: those after their mark, each looked up
     * by the index on (request_id, side, id); for a page's lines only.
     */
    static final String UNREAD = "(select count(*) from request_message m where m.request_id = r.id and m.side ="
            + " 'APPLICANT' and m.id > coalesce((select k.last_read_message_id from message_read_mark k where"
            + " k.request_id = r.id and k.username = :user), 0))";
    private static final String AWAITING_JOIN = " left join message_thread wt on wt.request_id = r.id";

    /** The staff tasks of request r (a correlated subquery's FROM and WHERE). */
    private static final String TASKS_OF_REQUEST = " from ACT_RU_VARIABLE v join ACT_RU_TASK t on t.PROC_INST_ID_ ="
            + " v.PROC_INST_ID_ where v.NAME_ = 'requestId' and v.LONG_ = r.id and t.TASK_DEF_KEY_ in (:staffKeys)";
    /** The requests of the tasks that match the condition that follows. */
    private static final String REQUESTS_OF_TASKS = "r.id in (select v.LONG_ from ACT_RU_TASK t join ACT_RU_VARIABLE v"
            + " on v.PROC_INST_ID_ = t.PROC_INST_ID_ and v.NAME_ = 'requestId' where ";

    static final String TAKER = "(select max(t.ASSIGNEE_)" + TASKS_OF_REQUEST + ")";
    static final String OPEN_TASKS = "(select count(*)" + TASKS_OF_REQUEST + " and t.ASSIGNEE_ is null)";
    /** Separates the services of a request's lines; no service name holds a control character. */
    static final String SEPARATOR = "\u001f";
    static final String RESERVED_SERVICES = "(select group_concat(distinct l.service order by l.service separator '"
            + SEPARATOR + "') from budget_reservation br join budget_line l on l.id = br.budget_line_id"
            + " where br.request_id = r.id)";
    static final String COMMITTED_SERVICES = "(select group_concat(distinct l.service order by l.service separator '"
            + SEPARATOR + "') from budget_commitment bc join budget_line l on l.id = bc.budget_line_id"
            + " where bc.request_id = r.id)";
    private static final String FIRST_SERVICE = "coalesce((select min(l.service) from budget_reservation br join budget_line l"
            + " on l.id = br.budget_line_id where br.request_id = r.id), (select min(l.service) from budget_commitment bc"
            + " join budget_line l on l.id = bc.budget_line_id where bc.request_id = r.id))";
    /** The stages in the order a request goes through them, not the enumeration's order in the database. */
    private static final String STAGE_ORDER = "case r.status when 'SUBMITTED' then 0 when 'INCOMPLETE' then 1"
            + " when 'IN_INSTRUCTION' then 2 when 'AWAITING_AGENDA' then 3 when 'ON_AGENDA' then 4"
            + " when 'AWAITING_SIGNATURES' then 5 when 'AWAITING_IMPUTATION' then 6 when 'AWAITING_PAYMENT' then 7"
            + " when 'AWAITING_FINANCIAL_REPORT' then 8 when 'AWAITING_CLOSURE' then 9 else 10 end";

    /** A line's own columns and its deadline's. */
    private static final String REQUEST_COLUMNS = "r.id, r.reference, r.applicant_name, r.applicant_siret,"
            + " r.applicant_rna, r.title, r.theme, r.fiscal_year, r.requested_amount, r.proposed_amount, r.granted_amount,"
            + " r.status, r.status_since, r.missing_items_due, c.valid_until, c.beneficiary_signed_on, ps.report_due_on,"
            + " ps.report_received_on";
    /** The columns of a page's lines, each one's services and taker looked up for it alone. */
    static final String COLUMNS = REQUEST_COLUMNS + ", " + RESERVED_SERVICES + " reserved_services, " + COMMITTED_SERVICES
            + " committed_services, " + TAKER + " taken_by, " + AWAITING_REPLY + " awaiting_reply_since";

    /**
     * Who has taken each request, and the services of its lines, for a whole list at once: a subquery per line is run
     * again for every line MariaDB sorts (an export of 100 000 lines took 26 s for that alone, 1 s joined).
     */
    private static final String TAKERS = " left join (select v.LONG_ request_id, max(t.ASSIGNEE_) taken_by"
            + " from ACT_RU_TASK t join ACT_RU_VARIABLE v on v.PROC_INST_ID_ = t.PROC_INST_ID_ and v.NAME_ = 'requestId'"
            + " where t.ASSIGNEE_ is not null and t.TASK_DEF_KEY_ in (:staffKeys) group by v.LONG_) tk"
            + " on tk.request_id = r.id";
    private static final String SERVICES = " left join (select br.request_id, group_concat(distinct l.service"
            + " order by l.service separator '" + SEPARATOR + "') services from budget_reservation br join budget_line l"
            + " on l.id = br.budget_line_id group by br.request_id) rs on rs.request_id = r.id"
            + " left join (select bc.request_id, group_concat(distinct l.service order by l.service separator '"
            + SEPARATOR + "') services from budget_commitment bc join budget_line l on l.id = bc.budget_line_id"
            + " group by bc.request_id) cs on cs.request_id = r.id";
    /** The columns of an export's lines, in order, with {@link #TAKERS} and {@link #SERVICES} joined. */
    private static final String EXPORT_COLUMNS = REQUEST_COLUMNS + ", rs.services reserved_services,"
            + " cs.services committed_services, tk.taken_by, case when r.status <> 'CLOSED' then wt.awaiting_reply_since"
            + " end awaiting_reply_since";

    private static final Pattern SIRET = Pattern.compile("\\d{14}");
    private static final Pattern SIREN = Pattern.compile("\\d{9}");
    private static final Pattern RNA = Pattern.compile("[Ww]\\d{9}");
    private static final Pattern REFERENCE = Pattern.compile("(?i)SUB-[0-9A-Z-]*");

    private final WorklistQuery query;
    private final Context context;
    private final List<String> conditions = new ArrayList<>();
    private final MapSqlParameterSource parameters = new MapSqlParameterSource();
    private boolean deadlineJoins;
    /** Whether {@link #TAKERS} is joined: for an export, and to sort by who has taken the request. */
    private boolean takersJoined;
    /** Whether the threads are joined: to sort by the wait for an answer. */
    private boolean threadsJoined;

    WorklistSql(WorklistQuery query, Context context) {
        this.query = query;
        this.context = context;
        // never an empty IN list: a key no diagram has
        parameters.addValue("staffKeys", context.staffKeys().isEmpty() ? Set.of("-") : context.staffKeys());
        parameters.addValue("offeredKeys", context.offeredKeys().isEmpty() ? Set.of("-") : context.offeredKeys());
        parameters.addValue("user", context.user());
        parameters.addValue("groups", context.groups().isEmpty() ? Set.of("-") : context.groups());
        parameters.addValue("today", context.today());
        tab();
        filters();
        if (query.search() != null) {
            search(query.search());
        }
        if (query.sort() == WorklistSort.DEADLINE) {
            deadlineJoins = true;
        }
        if (query.sort() == WorklistSort.TAKEN_BY) {
            takersJoined = true;
        }
        if (query.sort() == WorklistSort.AWAITING_REPLY) {
            threadsJoined = true;
        }
    }

    MapSqlParameterSource parameters() {
        return parameters;
    }

    /** One page of the requests' ids, in order. */
    String ids() {
        parameters.addValue("limit", query.size());
        parameters.addValue("offset", (long) (query.page() - 1) * query.size());
        return "select r.id from subsidy_request r" + joins() + where() + orderBy() + " limit :limit offset :offset";
    }

    String count() {
        return "select count(*) from subsidy_request r" + joins() + where();
    }

    /** Every line, in order, for an export. */
    String lines() {
        return "select " + EXPORT_COLUMNS + " from subsidy_request r" + DEADLINE_JOINS + TAKERS + SERVICES + AWAITING_JOIN
                + where() + orderBy();
    }

    /**
     * The lines of the given requests (:ids), whether a task waits to be taken included, and how many of their
     * applicant's messages the user (:user) has not read.
     */
    static String linesOf() {
        return "select " + COLUMNS + ", " + OPEN_TASKS + " open_tasks, " + UNREAD + " unread from subsidy_request r"
                + DEADLINE_JOINS + " where r.id in (:ids)";
    }

    private String joins() {
        return (deadlineJoins ? DEADLINE_JOINS : "") + (takersJoined ? TAKERS : "") + (threadsJoined ? AWAITING_JOIN : "");
    }

    private String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private void tab() {
        switch (query.tab()) {
            case TO_DO -> {
                // the counter, kept a few seconds, only chooses the way: the list itself is always read afresh
                if (context.offeredKeys().isEmpty()) {
                    conditions.add("1 = 0");
                } else if (context.toDoCount() > MANY_TASKS) {
                    // Most requests have one: walking them in the page's order finds a page at once. A count, not
                    // EXISTS, which MariaDB would turn into a semi-join reading every such task first
                    conditions.add("(select count(*) from ACT_RU_VARIABLE v join ACT_RU_TASK t on t.PROC_INST_ID_ ="
                            + " v.PROC_INST_ID_ where v.NAME_ = 'requestId' and v.LONG_ = r.id and t.ASSIGNEE_ is null"
                            + " and t.TASK_DEF_KEY_ in (:offeredKeys)) > 0");
                } else {
                    conditions.add(REQUESTS_OF_TASKS + "t.ASSIGNEE_ is null and t.TASK_DEF_KEY_ in (:offeredKeys))");
                }
            }
            case MINE -> conditions.add(REQUESTS_OF_TASKS + "t.ASSIGNEE_ = :user and t.TASK_DEF_KEY_ in (:staffKeys))");
            case OPINIONS -> conditions.add("r.id in (" + OPINIONS_AWAITED + ")");
            case ALL -> {
            }
            default -> {
                conditions.add("r.status = :tabStage");
                parameters.addValue("tabStage", query.tab().stage().name());
            }
        }
    }

    private void filters() {
        if (query.fiscalYear() != null) {
            conditions.add("r.fiscal_year = :fiscalYear");
            parameters.addValue("fiscalYear", query.fiscalYear());
        }
        if (query.theme() != null) {
            conditions.add("r.theme = :theme");
            parameters.addValue("theme", query.theme());
        }
        if (query.service() != null) {
            conditions.add("(exists (select 1 from budget_reservation br join budget_line l on l.id = br.budget_line_id"
                    + " where br.request_id = r.id and l.service = :service) or exists (select 1 from budget_commitment bc"
                    + " join budget_line l on l.id = bc.budget_line_id where bc.request_id = r.id and l.service = :service))");
            parameters.addValue("service", query.service());
        }
        if (query.stage() != null) {
            conditions.add("r.status = :stage");
            parameters.addValue("stage", query.stage().name());
        }
        if (query.takenBy() != null) {
            if (query.takenBy().equals(WorklistQuery.NOBODY)) {
                conditions.add("(select count(*)" + TASKS_OF_REQUEST + " and t.ASSIGNEE_ is not null) = 0");
            } else {
                conditions.add(REQUESTS_OF_TASKS + "t.ASSIGNEE_ = :takenBy and t.TASK_DEF_KEY_ in (:staffKeys))");
                parameters.addValue("takenBy", query.takenBy().equals(WorklistQuery.ME) ? context.user() : query.takenBy());
            }
        }
        if (query.amountMin() != null) {
            conditions.add("r.requested_amount >= :amountMin");
            parameters.addValue("amountMin", query.amountMin());
        }
        if (query.amountMax() != null) {
            conditions.add("r.requested_amount <= :amountMax");
            parameters.addValue("amountMax", query.amountMax());
        }
        if (query.awaitingReply()) {
            conditions.add(AWAITING_REPLY_FILTER);
        }
        if (query.overdue()) {
            // only these stages have a deadline: their index narrows the requests to look at
            conditions.add("r.status in ('INCOMPLETE', 'AWAITING_SIGNATURES', 'AWAITING_FINANCIAL_REPORT') and ("
                    + DEADLINE + ") < :today");
            deadlineJoins = true;
        }
    }

    /**
     * Each word of the search narrows the list: a SIRET (14 digits, spaces allowed), a SIREN (9 digits: every
     * establishment), an RNA number, the start of a reference, or the start of a word of the applicant's name, the
     * title or the reference (accents and case aside: {@link WorklistWords}).
     */
    private void search(String text) {
        String compact = text.replaceAll("[\\s\u00a0\u202f.]", "");
        if (SIRET.matcher(compact).matches()) {
            conditions.add("r.applicant_siret = :siret");
            parameters.addValue("siret", compact);
            return;
        }
        if (SIREN.matcher(compact).matches()) {
            conditions.add("r.applicant_siret like :siren");
            parameters.addValue("siren", compact + "%");
            return;
        }
        int n = 0;
        for (String token : text.split("[\\s\u00a0\u202f]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (RNA.matcher(token).matches()) {
                conditions.add("r.applicant_rna = :rna" + n);
                parameters.addValue("rna" + n++, token.toUpperCase(Locale.ROOT));
            } else if (REFERENCE.matcher(token).matches()) {
                conditions.add("r.reference like :reference" + n);
                parameters.addValue("reference" + n++, token.toUpperCase(Locale.ROOT) + "%");
            } else {
                for (String word : WorklistWords.terms(token)) {
                    conditions.add("r.id in (select w.request_id from worklist_word w where w.word like :word" + n + ")");
                    parameters.addValue("word" + n++, word + "%");
                }
            }
        }
    }

    /** The column's order, requests without a value last either way, then by id for a stable paging. */
    private String orderBy() {
        boolean descending = query.sort() == WorklistSort.DAYS ? !query.descending() : query.descending();
        String direction = descending ? " desc" : " asc";
        String expression = switch (query.sort()) {
            case REFERENCE -> "r.reference";
            case APPLICANT -> "r.applicant_name";
            case IDENTIFIER -> "r.applicant_siret";
            case TITLE -> "r.title";
            case THEME -> "r.theme";
            case SERVICE -> FIRST_SERVICE;
            case FISCAL_YEAR -> "r.fiscal_year";
            case REQUESTED -> "r.requested_amount";
            case PROPOSED -> "r.proposed_amount";
            case GRANTED -> "r.granted_amount";
            case STAGE -> STAGE_ORDER;
            // more days at the stage: reached earlier
            case DAYS -> "r.status_since";
            case TAKEN_BY -> "tk.taken_by";
            case DEADLINE -> "(" + DEADLINE + ")";
            case AWAITING_REPLY -> "(case when r.status <> 'CLOSED' then wt.awaiting_reply_since end)";
        };
        boolean nullable = switch (query.sort()) {
            case SERVICE, PROPOSED, GRANTED, TAKEN_BY, DEADLINE, AWAITING_REPLY -> true;
            default -> false;
        };
        String order = nullable ? "case when " + expression + " is null then 1 else 0 end, " + expression + direction
                : expression + direction;
        return " order by " + order + (query.sort() == WorklistSort.REFERENCE ? "" : ", r.id" + direction);
    }
}
