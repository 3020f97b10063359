package fr.subventions.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A document's file copied straight from the database to a stream, keeping no entity: for an export that sends the
 * files of hundreds of requests one after the other ({@code backoffice.DossierBundle}), so that only one file is held
 * at a time. Whoever it is for, as {@link DocumentService#withContent}: the export lists what its caller may see through
 * {@link DocumentService#views} first.
 */
@Component
public class DocumentContents {

    private final JdbcTemplate jdbc;

    DocumentContents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the document's file to {@code out}; whether the document was there. */
    @Transactional(readOnly = true)
    public boolean copy(Long documentId, OutputStream out) {
        Boolean found = jdbc.query("select content from request_document where id = ?", rs -> {
            if (!rs.next()) {
                return false;
            }
            try (InputStream in = rs.getBinaryStream(1)) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }, documentId);
        return Boolean.TRUE.equals(found);
    }
}
