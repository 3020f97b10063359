package fr.subventions.budget;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transaction again when the database chose it as a deadlock victim: it was rolled back whole, so running it
 * again is safe, and the database resolves deadlocks at once. MariaDB does this under load even when every change of
 * credits takes its lines in the same order: the first engagement numbers of a fiscal year, drawn at the same moment,
 * race to create the year's counter (a duplicate key leaves each loser a shared lock that it then wants to upgrade).
 * A lock wait that timed out is not tried again: it has already waited long (50 s on MariaDB). Only for work that
 * opens its own transaction: a failed attempt must not be part of a larger one.
 */
final class DeadlockRetry {

    static final int ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(DeadlockRetry.class);

    private DeadlockRetry() {
    }

    static <T> T run(String what, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
                LOG.warn("{}: chosen as a deadlock victim (attempt {} of {}), trying again", what, attempt, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    /** A deadlock, however deeply Spring and the engine wrap the driver's exception: SQLSTATE 40001, MariaDB 1213. */
    static boolean isDeadlock(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException
                    || cause instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213)) {
                return true;
            }
        }
        return false;
    }

    /** A short random pause, longer at each attempt, so that the transactions that collided do not collide again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try again", e);
        }
    }
}
