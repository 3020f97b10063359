package fr.subventions.budget;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counter of a fiscal year's engagement numbers, created with the year's budget lines, before any commitment draws
 * from it. Engagement numbers are drawn without gaps, inside the commitment's transaction
 * ({@code Sequences.nextWithoutGap}), and the first ones of a year drawn at the same moment would otherwise race to
 * insert the counter: on MariaDB the losers of the duplicate key keep a shared lock they then want to upgrade, and
 * deadlock (16 of 20 concurrent first commitments failed so). With the counter there, every commitment only updates
 * it and queues on its row.
 */
@Component
class EngagementNumbers {

    private final JdbcTemplate jdbc;

    EngagementNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String series(int fiscalYear) {
        return "engagement-" + fiscalYear;
    }

    /**
     * Creates the year's counter at zero if it is not there yet, in the caller's transaction (the lines' creation), so
     * that it is there exactly when they are. Nothing here updates the row afterwards: a concurrent creation only
     * waits, then finds it.
     */
    @Transactional
    public void ensureCounter(int fiscalYear) {
        if (jdbc.queryForObject("select count(*) from sequence_counter where name = ?", Integer.class,
                series(fiscalYear)) > 0) {
            return;
        }
        try {
            jdbc.update("insert into sequence_counter (name, last_value) values (?, 0)", series(fiscalYear));
        } catch (DuplicateKeyException createdMeanwhile) {
            // another import created it first: what was wanted
        }
    }
}
