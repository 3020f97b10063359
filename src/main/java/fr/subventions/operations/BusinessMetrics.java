package fr.subventions.operations;

import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.VoteDecision;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The business gauges of /actuator/prometheus, read from the application's tables and the engine when Prometheus
 * scrapes: requests per stage, agenda items decided, documents generated, open incidents, the budget lines' credits
 * per fiscal year, and the outbox's e-mails per status. One scrape reads them all from one snapshot of six queries, taken at most once per
 * {@code subventions.metrics.snapshot-ttl}; a database that does not answer gives NaN, not a failed scrape.
 *
 * <p>They count what is in the shared database, so every node of a cluster reports the same figures: aggregate them
 * across instances with {@code max}, not {@code sum}.
 */
@Component
class BusinessMetrics implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(BusinessMetrics.class);

    static final String REQUESTS = "subventions.requests";
    static final String AGENDA_ITEMS = "subventions.agenda.items.decided";
    static final String DOCUMENTS = "subventions.documents.generated";
    static final String INCIDENTS = "subventions.incidents.open";
    static final String BUDGET_VOTED = "subventions.budget.voted";
    static final String BUDGET_RESERVED = "subventions.budget.reserved";
    static final String BUDGET_COMMITTED = "subventions.budget.committed";
    static final String MAILS = "subventions.mails";
    static final List<String> MAIL_STATUSES = List.of("PENDING", "SENDING", "SENT", "FAILED");

    private static final List<String> GENERATED_TYPES = Arrays.stream(DocumentType.values())
            .filter(DocumentType::generated).map(Enum::name).toList();

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final Duration ttl;
    private final Clock clock = Clock.systemUTC();
    private final Set<Integer> registeredYears = ConcurrentHashMap.newKeySet();

    private volatile MeterRegistry registry;
    private volatile Snapshot snapshot;

    BusinessMetrics(JdbcTemplate jdbc, RuntimeService runtime,
            @Value("${subventions.metrics.snapshot-ttl:PT10S}") Duration ttl) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.ttl = ttl;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (RequestStatus status : RequestStatus.values()) {
            gauge(REQUESTS, "Subsidy requests at each stage", s -> s.requests(status.name()))
                    .tag("stage", status.name()).register(registry);
        }
        for (VoteDecision decision : VoteDecision.values()) {
            gauge(AGENDA_ITEMS, "Agenda items decided by an assembly, by decision", s -> s.agendaItems(decision.name()))
                    .tag("decision", decision.name()).register(registry);
        }
        for (String type : GENERATED_TYPES) {
            gauge(DOCUMENTS, "Documents the application generated and filed, by type", s -> s.documents(type))
                    .tag("type", type).register(registry);
        }
        gauge(INCIDENTS, "Open incidents of the process engine (failed jobs after their retries)", Snapshot::incidents)
                .register(registry);
        for (String status : MAIL_STATUSES) {
            gauge(MAILS, "E-mails of the outbox, by status", s -> s.mails(status)).tag("status", status).register(registry);
        }
    }

    /** The fiscal years' budget gauges, as soon as the application is up; a later year is added when first seen. */
    @EventListener(ApplicationReadyEvent.class)
    void registerBudgetYears() {
        snapshot();
    }

    private Gauge.Builder<BusinessMetrics> gauge(String name, String description, ToDoubleFunction<Snapshot> value) {
        return Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.snapshot())).description(description);
    }

    /** The figures of at most {@code ttl} ago, read anew otherwise. */
    synchronized Snapshot snapshot() {
        Instant now = clock.instant();
        if (snapshot == null || !now.isBefore(snapshot.takenAt().plus(ttl))) {
            snapshot = read(now);
            snapshot.budget().keySet().forEach(this::registerBudgetYear);
        }
        return snapshot;
    }

    private Snapshot read(Instant now) {
        try {
            Map<String, Long> requests = countBy("select status, count(*) from subsidy_request group by status");
            Map<String, Long> items = countBy(
                    "select decision, count(*) from agenda_item where decision is not null group by decision");
            String placeholders = GENERATED_TYPES.stream().map(t -> "?").collect(Collectors.joining(", "));
            // a .docx and its PDF/A rendition are one document produced
            Map<String, Long> documents = countBy("select type, count(*) from request_document where type in ("
                    + placeholders + ") and media_type <> 'application/pdf' group by type", GENERATED_TYPES.toArray());
            Map<Integer, Credits> budget = new HashMap<>();
            jdbc.query("select fiscal_year, sum(voted), sum(reserved), sum(committed) from budget_line group by fiscal_year",
                    row -> {
                        budget.put(row.getInt(1), new Credits(orZero(row.getBigDecimal(2)), orZero(row.getBigDecimal(3)),
                                orZero(row.getBigDecimal(4))));
                    });
            long incidents = runtime.createIncidentQuery().count();
            Map<String, Long> mails = countBy("select status, count(*) from mail_outbox group by status");
            return new Snapshot(now, requests, items, documents, incidents, budget, mails);
        } catch (RuntimeException e) {
            LOG.warn("Business metrics unavailable: {}", e.toString());
            return new Snapshot(now, null, null, null, -1, Map.of(), null);
        }
    }

    private Map<String, Long> countBy(String sql, Object... arguments) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, row -> {
            counts.put(row.getString(1), row.getLong(2));
        }, arguments);
        return counts;
    }

    private void registerBudgetYear(int year) {
        MeterRegistry meters = registry;
        if (meters == null || !registeredYears.add(year)) {
            return;
        }
        String fiscalYear = Integer.toString(year);
        gauge(BUDGET_VOTED, "Voted credits of the fiscal year's budget lines", s -> s.budget(year, Credits::voted))
                .tag("fiscal_year", fiscalYear).baseUnit("euros").register(meters);
        gauge(BUDGET_RESERVED, "Credits reserved on the fiscal year's budget lines by favourable instructions",
                s -> s.budget(year, Credits::reserved)).tag("fiscal_year", fiscalYear).baseUnit("euros").register(meters);
        gauge(BUDGET_COMMITTED, "Credits committed on the fiscal year's budget lines",
                s -> s.budget(year, Credits::committed)).tag("fiscal_year", fiscalYear).baseUnit("euros").register(meters);
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    record Credits(BigDecimal voted, BigDecimal reserved, BigDecimal committed) {
    }

    /** One reading of every figure; null maps (and -1 incidents) when the database did not answer. */
    record Snapshot(Instant takenAt, Map<String, Long> requests, Map<String, Long> agendaItems,
            Map<String, Long> documentsByType, long incidentCount, Map<Integer, Credits> budget,
            Map<String, Long> mailsByStatus) {

        double mails(String status) {
            return mailsByStatus == null ? Double.NaN : mailsByStatus.getOrDefault(status, 0L);
        }

        double requests(String status) {
            return requests == null ? Double.NaN : requests.getOrDefault(status, 0L);
        }

        double agendaItems(String decision) {
            return agendaItems == null ? Double.NaN : agendaItems.getOrDefault(decision, 0L);
        }

        double documents(String type) {
            return documentsByType == null ? Double.NaN : documentsByType.getOrDefault(type, 0L);
        }

        double incidents() {
            return incidentCount < 0 ? Double.NaN : incidentCount;
        }

        double budget(int year, Function<Credits, BigDecimal> amount) {
            Credits credits = budget.get(year);
            return credits == null ? Double.NaN : amount.apply(credits).doubleValue();
        }
    }
}
