package fr.subventions.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what another process or the job executor does, and fails with what was awaited. */
public final class Waiting {

    private Waiting() {
    }

    /** Polls every half second, at most this long. */
    public static void upTo(Duration limit, String what, BooleanSupplier done) throws InterruptedException {
        long until = System.currentTimeMillis() + limit.toMillis();
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("still waiting after " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(500);
        }
    }
}
