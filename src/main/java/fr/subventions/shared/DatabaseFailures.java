package fr.subventions.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a failed database call means for its caller, read from the whole chain of causes (the engine, MyBatis,
 * Hibernate and Spring each wrap the driver's exception their own way): another transaction changed the same rows,
 * a lock could not be had, or the database cannot be reached at all.
 */
public final class DatabaseFailures {

    /** MariaDB's ER_LOCK_DEADLOCK; SQLState 40001 is the standard's serialization failure (MariaDB and H2). */
    private static final int MARIADB_DEADLOCK = 1213;

    private DatabaseFailures() {
    }

    /**
     * Another transaction changed the same rows first: an optimistic lock (the engine's or JPA's), or a deadlock the
     * database broke by rolling this one back. Trying again, or telling the user someone else acted, is right.
     */
    public static boolean isConcurrentChange(Throwable e) {
        return anyCause(e, cause -> cause instanceof OptimisticLockingException
                || cause instanceof OptimisticLockingFailureException) || isDeadlock(e);
    }

    /** The database chose this transaction as a deadlock's victim and rolled it back. */
    public static boolean isDeadlock(Throwable e) {
        // Connector/J throws SQLState class 40 (transaction rollback) as SQLTransactionRollbackException
        return anyCause(e, cause -> cause instanceof SQLTransactionRollbackException
                || (cause instanceof SQLException sql
                        && (sql.getErrorCode() == MARIADB_DEADLOCK || "40001".equals(sql.getSQLState()))));
    }

    /** A deadlock, or a lock waited for in vain (a lock wait timeout): the transaction was rolled back. */
    public static boolean isLockFailure(Throwable e) {
        return isDeadlock(e) || anyCause(e, cause -> cause instanceof PessimisticLockingFailureException);
    }

    /** The database is down or unreachable (a restart, a network cut): the call can simply be made again later. */
    public static boolean isUnreachable(Throwable e) {
        return anyCause(e, cause -> cause instanceof CannotCreateTransactionException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof ConnectException
                // SQLState class 08: connection exceptions; the pool's own "Connection is closed" has no state
                || (cause instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                        || "Connection is closed".equals(sql.getMessage()))));
    }

    /** Whether the exception, one of its causes, or one of theirs suppressed (a failed rollback, say) matches. */
    private static boolean anyCause(Throwable e, Predicate<Throwable> test) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (anyCause(suppressed, test)) {
                    return true;
                }
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }
}
