package fr.subventions.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * An opinion's deadline and the moments its timers fire, in the authority's time zone ({@code subventions.time-zone}):
 *
 * <ul>
 * <li>the deadline is a day after today — an opinion asked today for today could never be reminded nor given in
 * time —, and at most {@code max-delay-days} ahead;</li>
 * <li>the reminder goes at {@code reminder-time}, {@code reminder-days-before} days before the deadline; when the
 * opinion is asked too late for that, at the first such time after it was asked — at the latest the morning of the
 * deadline itself, never before the request for the opinion;</li>
 * <li>the deadline passes at midnight at the end of its day: the asking officer is told then. An opinion is late when
 * given on a later day; it is received all the same.</li>
 * </ul>
 */
public final class OpinionDeadlines {

    private final ZoneId zone;
    private final int reminderDaysBefore;
    private final LocalTime reminderTime;
    private final int maxDelayDays;

    public OpinionDeadlines(ZoneId zone, int reminderDaysBefore, LocalTime reminderTime, int maxDelayDays) {
        this.zone = zone;
        this.reminderDaysBefore = reminderDaysBefore;
        this.reminderTime = reminderTime;
        this.maxDelayDays = maxDelayDays;
    }

    static OpinionDeadlines of(OpinionSettings settings, ZoneId zone) {
        return new OpinionDeadlines(zone, settings.getReminderDaysBefore(), settings.getReminderTime(),
                settings.getMaxDelayDays());
    }

    /** Why this deadline cannot be set today, in French; empty when it can. */
    public Optional<String> refusal(LocalDate dueOn, LocalDate today) {
        if (dueOn == null) {
            return Optional.of("l'échéance est obligatoire : le jour où l'avis est attendu au plus tard");
        }
        if (!dueOn.isAfter(today)) {
            return Optional.of("l'échéance doit tomber après aujourd'hui");
        }
        if (dueOn.isAfter(today.plusDays(maxDelayDays))) {
            return Optional.of("l'échéance doit tomber dans les " + maxDelayDays + " jours");
        }
        return Optional.empty();
    }

    /** When the one asked is reminded of an opinion asked at {@code askedAt}, due {@code dueOn}. */
    public ZonedDateTime reminderAt(Instant askedAt, LocalDate dueOn) {
        ZonedDateTime asked = askedAt.atZone(zone);
        ZonedDateTime planned = dueOn.minusDays(reminderDaysBefore).atTime(reminderTime).atZone(zone);
        if (planned.isAfter(asked)) {
            return planned;
        }
        ZonedDateTime next = asked.toLocalDate().atTime(reminderTime).atZone(zone);
        if (!next.isAfter(asked)) {
            next = asked.toLocalDate().plusDays(1).atTime(reminderTime).atZone(zone);
        }
        ZonedDateTime latest = dueOn.atTime(reminderTime).atZone(zone);
        return next.isAfter(latest) && latest.isAfter(asked) ? latest : next;
    }

    /** When the deadline has passed: midnight at the end of its day. */
    public ZonedDateTime overdueAt(LocalDate dueOn) {
        return dueOn.plusDays(1).atStartOfDay(zone);
    }

    /** An opinion still awaited on that day is late. */
    public boolean late(LocalDate dueOn, LocalDate today) {
        return today.isAfter(dueOn);
    }

    /** An opinion given at that moment came after its deadline. */
    public boolean givenLate(LocalDate dueOn, Instant givenAt) {
        return givenAt.atZone(zone).toLocalDate().isAfter(dueOn);
    }
}
