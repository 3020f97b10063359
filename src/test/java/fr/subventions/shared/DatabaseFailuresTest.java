package fr.subventions.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.TransactionSystemException;

/** The causes as MariaDB's driver, MyBatis, Hibernate and Spring wrap them, classified once for every caller. */
class DatabaseFailuresTest {

    /** What Connector/J throws for ER_LOCK_DEADLOCK, as the engine wraps it. */
    static final Exception DEADLOCK = new ProcessEnginePersistenceException("flush",
            new RuntimeException(new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213)));
    /** ER_LOCK_WAIT_TIMEOUT, as Spring translates it. */
    static final Exception LOCK_WAIT = new CannotAcquireLockException("select for update",
            new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205));

    @Test
    void aDeadlockIsAConcurrentChangeAndALockFailure() {
        assertThat(DatabaseFailures.isDeadlock(DEADLOCK)).isTrue();
        assertThat(DatabaseFailures.isConcurrentChange(DEADLOCK)).isTrue();
        assertThat(DatabaseFailures.isLockFailure(DEADLOCK)).isTrue();
        assertThat(DatabaseFailures.isUnreachable(DEADLOCK)).isFalse();
        // H2 and the standard say it with the SQLState alone
        assertThat(DatabaseFailures.isDeadlock(new SQLException("Deadlock detected", "40001", 40001))).isTrue();
    }

    @Test
    void aLockWaitTimeoutIsALockFailureButNoConcurrentChange() {
        assertThat(DatabaseFailures.isLockFailure(LOCK_WAIT)).isTrue();
        assertThat(DatabaseFailures.isDeadlock(LOCK_WAIT)).isFalse();
        assertThat(DatabaseFailures.isConcurrentChange(LOCK_WAIT)).isFalse();
        assertThat(DatabaseFailures.isLockFailure(new PessimisticLockingFailureException("lock"))).isTrue();
    }

    @Test
    void anOptimisticLockIsAConcurrentChangeOnly() {
        Exception optimistic = new ProcessEnginePersistenceException("flush", new OptimisticLockingException("UPDATE"));
        assertThat(DatabaseFailures.isConcurrentChange(optimistic)).isTrue();
        assertThat(DatabaseFailures.isLockFailure(optimistic)).isFalse();
        assertThat(DatabaseFailures.isDeadlock(optimistic)).isFalse();
    }

    @Test
    void anUnreachableDatabaseIsFoundInCausesAndInAFailedRollback() {
        assertThat(DatabaseFailures.isUnreachable(new RuntimeException(
                new SQLTransientConnectionException("pool: connection is not available")))).isTrue();
        assertThat(DatabaseFailures.isUnreachable(new SQLException("Socket error", "08000", 0))).isTrue();
        assertThat(DatabaseFailures.isUnreachable(new SQLException("Connection is closed"))).isTrue();
        TransactionSystemException rollback = new TransactionSystemException("rollback failed");
        rollback.addSuppressed(new SQLException("Connection refused", "08S01", 0));
        assertThat(DatabaseFailures.isUnreachable(rollback)).isTrue();
        assertThat(DatabaseFailures.isUnreachable(new SQLException("Duplicate entry", "23000", 1062))).isFalse();
        assertThat(DatabaseFailures.isConcurrentChange(new SQLException("Duplicate entry", "23000", 1062))).isFalse();
    }
}
