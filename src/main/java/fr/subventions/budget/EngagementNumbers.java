package fr.subventions.budget;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counter of a fiscal year's engagement numbers, created before any commitment draws from it. Engagement numbers
 * are drawn without gaps, inside the commitment's transaction ({@code Sequences.nextWithoutGap}), and the first ones of
 * a year, drawn at the same moment, would race to insert the counter: on MariaDB the losers of a duplicate key keep a
 * shared lock they then want to upgrade, and deadlock (16 of 20 concurrent first commitments failed so). Created here
 * in a short transaction of its own, before the commitment's, the counter is there and every commitment only updates
 * it, queueing on its row.
 */
@Component
class EngagementNumbers {

    private static final Logger LOG = LoggerFactory.getLogger(EngagementNumbers.class);

    private final JdbcTemplate jdbc;

    EngagementNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String series(int fiscalYear) {
        return "engagement-" + fiscalYear;
    }

    /**
     * Creates the year's counter at zero if it is not there, in a transaction of its own: a concurrent creation is as
     * good, and any other failure only leaves the commitment to create the counter itself, as it always could.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void prepare(int fiscalYear) {
        try {
            if (jdbc.queryForObject("select count(*) from sequence_counter where name = ?", Integer.class,
                    series(fiscalYear)) == 0) {
                jdbc.update("insert into sequence_counter (name, last_value) values (?, 0)", series(fiscalYear));
            }
        } catch (DuplicateKeyException createdMeanwhile) {
            // another imputation created it first: what was wanted
        } catch (DataAccessException e) {
            LOG.warn("Counter of the engagement numbers of {} not created beforehand: {}", fiscalYear, e.getMessage());
        }
    }
}
