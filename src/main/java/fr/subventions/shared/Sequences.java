package fr.subventions.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbering that never hands out a number twice, on H2 and MariaDB alike: the row lock taken by the increment
 * serialises concurrent callers.
 */
@Component
public class Sequences {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate requiresNew;
    private final DataSource dataSource;
    /** MariaDB (or MySQL): numbers taken by one auto-committed statement, see {@link #nextOnMariaDb}. */
    private final boolean mariaDb;

    Sequences(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            DataSource dataSource) {
        this.jdbc = jdbc;
        this.requiresNew = new TransactionTemplate(transactions);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dataSource = dataSource;
        this.mariaDb = Boolean.TRUE.equals(jdbc.execute((Connection c) -> {
            String product = c.getMetaData().getDatabaseProductName();
            return product.equalsIgnoreCase("MariaDB") || product.equalsIgnoreCase("MySQL");
        }));
    }

    /**
     * A number that may be lost if the caller fails: fine for references, where a gap harms nobody. Taken in a short
     * transaction of its own, tried again when MariaDB picks it as a deadlock victim (two first numbers of a new
     * series inserted at once do deadlock there), so that concurrent submissions never fail for it.
     */
    public long next(String name) {
        if (mariaDb) {
            Long taken = nextOnMariaDb(name);
            if (taken != null) {
                return taken;
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return requiresNew.execute(status -> increment(name));
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt == 5) {
                    throw deadlock;
                }
                try {
                    Thread.sleep(5L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw deadlock;
                }
            }
        }
    }

    /**
     * On MariaDB, one auto-committed {@code UPDATE} that keeps the new value in the connection's {@code
     * LAST_INSERT_ID()}, read back after the commit: the counter's row is locked for that one statement only, where a
     * transaction of its own held it over four round trips (begin, update, read, commit). Every submission takes a
     * number from the same row, so that lock is what concurrent submissions queue on. Null when the series has no row
     * yet: its first number is taken the general way.
     */
    private Long nextOnMariaDb(String name) {
        for (int attempt = 1; ; attempt++) {
            try {
                return nextOnMariaDbOnce(name);
            } catch (SQLException e) {
                // the first number of a new series, inserted by another caller at this moment, can make MariaDB pick
                // this statement as a deadlock victim: it changed nothing, take the number again
                if (attempt == 5 || !DatabaseFailures.isDeadlock(e)) {
                    throw translated(name, e);
                }
                try {
                    Thread.sleep(5L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw translated(name, e);
                }
            }
        }
    }

    private DataAccessException translated(String name, SQLException e) {
        DataAccessException translated = jdbc.getExceptionTranslator().translate("numbering " + name,
                null, e);
        return translated != null ? translated
                : new UncategorizedSQLException("numbering " + name, null, e);
    }

    private Long nextOnMariaDbOnce(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                return null;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update sequence_counter set last_value = last_insert_id(last_value + 1) where name = ?")) {
                update.setString(1, name);
                if (update.executeUpdate() == 0) {
                    return null;
                }
            }
            try (Statement read = connection.createStatement();
                    ResultSet value = read.executeQuery("select last_insert_id()")) {
                value.next();
                return value.getLong(1);
            }
        }
    }

    /**
     * A number taken in the caller's transaction, so that a failure gives it back: gapless numbering (engagements),
     * at the price of holding the row lock until the caller commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long nextWithoutGap(String name) {
        return increment(name);
    }

    private long increment(String name) {
        if (jdbc.update("update sequence_counter set last_value = last_value + 1 where name = ?", name) == 0) {
            try {
                jdbc.update("insert into sequence_counter (name, last_value) values (?, 1)", name);
                return 1;
            } catch (DuplicateKeyException raced) {
                jdbc.update("update sequence_counter set last_value = last_value + 1 where name = ?", name);
            }
        }
        return jdbc.queryForObject("select last_value from sequence_counter where name = ?", Long.class, name);
    }
}
