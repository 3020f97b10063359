package fr.subventions.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** A clock that tests move, so that the seed case can be replayed in 2023. */
public class MutableClock extends Clock {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The moved time, or null: the system's. */
    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    /**
     * Moves the application's time and the engine's with it, so that the timers the domain dates (a convention's
     * lapse, a report's reminders) fall due in the replayed time, not at once against the real date.
     */
    public void set(LocalDate date) {
        set(date.atTime(10, 0).atZone(PARIS).toInstant());
    }

    /** To the instant, for the edges of a day: 23:30 UTC in winter is already the next day in Paris. */
    public void set(Instant instant) {
        this.now = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** Back to the system's time, which goes on. */
    public void reset() {
        this.now = null;
        ClockUtil.reset();
    }

    @Override
    public ZoneId getZone() {
        return PARIS;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return now == null ? Clock.system(zone) : Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        Instant moved = now;
        return moved == null ? Instant.now() : moved;
    }
}
