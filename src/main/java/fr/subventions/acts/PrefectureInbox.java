package fr.subventions.acts;

import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the prefecture's replies the tiers de télétransmission leaves in the inbox folder: each applied to its act
 * ({@link PrefectureReplies}), then moved to {@code traites/}; one that is no reply, names no act of ours or repeats an
 * acknowledgement is moved to {@code refuses/} with the reason beside it, and changes nothing.
 */
@Component
public class PrefectureInbox {

    private static final Logger LOG = LoggerFactory.getLogger(PrefectureInbox.class);

    private final TransmissionFolders folders;
    private final PrefectureReplies replies;

    PrefectureInbox(TransmissionFolders folders, PrefectureReplies replies) {
        this.folders = folders;
        this.replies = replies;
    }

    /** Applies every reply waiting in the inbox; answers how many were applied. */
    public int readAll() {
        int applied = 0;
        for (Path file : folders.waiting()) {
            try {
                Act act = replies.apply(folders.read(file));
                folders.processed(file);
                LOG.info("Prefecture's reply {} applied to act {}: {}", file.getFileName(), act.number(), act.state());
                applied++;
            } catch (InvalidInputException e) {
                folders.refused(file, String.join(" ; ", e.errors().stream().map(FieldError::message).toList()));
            } catch (NotFoundException | StageConflictException e) {
                folders.refused(file, e.getMessage());
            }
        }
        return applied;
    }
}
