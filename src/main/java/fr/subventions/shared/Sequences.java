package fr.subventions.shared;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-tolerant numbering that never hands out a number twice, on H2 and MariaDB alike: the row lock taken by the
 * increment serialises concurrent callers, and the separate transaction releases it at once.
 */
@Component
public class Sequences {

    private final JdbcTemplate jdbc;

    Sequences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long next(String name) {
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
