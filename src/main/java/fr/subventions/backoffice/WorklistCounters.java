package fr.subventions.backoffice;

import fr.subventions.submission.RequestStatus;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tabs' counters. Counting each stage reads an index entry per request, and « À traiter » one per task waiting to
 * be taken: some 25 ms with 100 000 open requests, more than a page itself. Those are the same for every user (of the
 * same groups), so they are kept for a few seconds ({@code subventions.worklist.counters-ttl}, 5 s; 0 in the tests): a
 * counter may lag a colleague's action by that much, never the user's own list, which is always read afresh. « Mes
 * dossiers », the user's own, is counted each time from an index of a few hundred entries, and « Avis à donner » from
 * the opinions awaited.
 */
@Component
class WorklistCounters {

    private final NamedParameterJdbcTemplate jdbc;
    private final long ttlNanos;
    private volatile Kept<Map<RequestStatus, Long>> stages;
    private final Map<Set<String>, Kept<Long>> toDo = new ConcurrentHashMap<>();

    WorklistCounters(NamedParameterJdbcTemplate jdbc,
            @Value("${subventions.worklist.counters-ttl:PT5S}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttlNanos = ttl.toNanos();
    }

    private record Kept<T>(T value, long at) {
    }

    /** Requests per stage. */
    Map<RequestStatus, Long> stages() {
        Kept<Map<RequestStatus, Long>> kept = stages;
        if (kept == null || expired(kept.at())) {
            Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
            for (RequestStatus status : RequestStatus.values()) {
                counts.put(status, 0L);
            }
            jdbc.getJdbcTemplate().query("select status, count(*) from subsidy_request group by status",
                    rs -> {
                        counts.put(RequestStatus.valueOf(rs.getString(1)), rs.getLong(2));
                    });
            kept = new Kept<>(Map.copyOf(counts), System.nanoTime());
            stages = kept;
        }
        return kept.value();
    }

    /** Tasks of these definitions that nobody has taken. */
    long toDo(Set<String> taskKeys) {
        if (taskKeys.isEmpty()) {
            return 0;
        }
        Kept<Long> kept = toDo.get(taskKeys);
        if (kept == null || expired(kept.at())) {
            Long count = jdbc.queryForObject("select count(*) from ACT_RU_TASK where ASSIGNEE_ is null"
                    + " and TASK_DEF_KEY_ in (:keys)", Map.of("keys", taskKeys), Long.class);
            kept = new Kept<>(count, System.nanoTime());
            toDo.put(Set.copyOf(taskKeys), kept);
        }
        return kept.value();
    }

    /** Tasks of these definitions the user holds: never kept. */
    long mine(String user, Set<String> taskKeys) {
        if (taskKeys.isEmpty()) {
            return 0;
        }
        return jdbc.queryForObject("select count(*) from ACT_RU_TASK where ASSIGNEE_ = :user and TASK_DEF_KEY_ in (:keys)",
                Map.of("user", user, "keys", taskKeys), Long.class);
    }

    /** Requests on which an opinion is awaited from the user, by name or through a group: never kept. */
    long opinions(String user, Set<String> groups) {
        return jdbc.queryForObject("select count(distinct request_id) from (" + WorklistSql.OPINIONS_AWAITED + ") a",
                Map.of("user", user, "groups", groups.isEmpty() ? Set.of("-") : groups), Long.class);
    }

    private boolean expired(long at) {
        return System.nanoTime() - at >= ttlNanos;
    }
}
