package fr.subventions.budget;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Runs a transaction again when the database gave it up for a lock: chosen as a deadlock victim, or a lock wait that
 * timed out. Such a transaction was rolled back whole, so running it again is safe. MariaDB does this under load even
 * when every change of credits takes its lines in the same order: the first engagement numbers of a fiscal year, drawn
 * at the same moment, race to create their counter (a duplicate key leaves each loser a shared lock that it then
 * wants to upgrade). Only for work that opens its own transaction: a failed attempt must not be part of a larger one.
 */
final class LockRetry {

    static final int ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(LockRetry.class);

    private LockRetry() {
    }

    static <T> T run(String what, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isLockFailure(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new CannotAcquireLockException(what + ": still refused for a lock after " + ATTEMPTS
                            + " attempts", e);
                }
                LOG.warn("{}: refused for a lock (attempt {} of {}), trying again: {}", what, attempt, ATTEMPTS,
                        mostSpecific(e).getMessage());
                pause(attempt);
            }
        }
    }

    /** A deadlock or a lock wait timeout, as Spring or the JDBC driver reports it, however deeply the engine wraps it. */
    static boolean isLockFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PessimisticLockingFailureException || cause instanceof SQLTransactionRollbackException) {
                return true;
            }
            // MariaDB: 1213 deadlock, 1205 lock wait timeout
            if (cause instanceof SQLException sql && (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable mostSpecific(Throwable e) {
        Throwable last = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            last = cause;
        }
        return last;
    }

    /** A short random pause, longer at each attempt, so that the transactions that collided do not collide again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotAcquireLockException("interrupted while waiting to try again", e);
        }
    }
}
