package fr.subventions.collaboration;

import fr.subventions.shared.Caller;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import fr.subventions.shared.Texts;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.system.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's internal notes on a dossier. Anybody but staff is answered 404, as for an unknown request: an applicant
 * learns nothing of them, not even that there are any. A note is corrected by its author alone (403 for the others),
 * within its {@link CorrectionWindow} (409 after).
 */
@Service
@Transactional
public class InternalNotes {

    /** A note's text, trimmed: 1 to 5 000 characters. */
    public static final int MAX_TEXT = 5000;

    private final SubsidyRequestService requests;
    private final InternalNoteRepository notes;
    private final UserDirectory users;
    private final Clock clock;

    InternalNotes(SubsidyRequestService requests, InternalNoteRepository notes, UserDirectory users, Clock clock) {
        this.requests = requests;
        this.notes = notes;
        this.users = users;
        this.clock = clock;
    }

    /** A note on a page, in the authority's local time. */
    public record Line(NoteView note, LocalDateTime writtenAt, LocalDateTime editedAt, LocalDateTime editableUntil) {
    }

    /** The request's notes, oldest first. */
    @Transactional(readOnly = true)
    public List<NoteView> list(String reference, Caller caller) {
        SubsidyRequest request = staffRequest(reference, caller);
        Instant now = Instant.now(clock);
        return notes.findByRequestIdOrderById(request.id()).stream().map(n -> view(n, caller, now)).toList();
    }

    /** The same notes for the dossier page. */
    @Transactional(readOnly = true)
    public List<Line> lines(String reference, Caller caller) {
        ZoneId zone = clock.getZone();
        return list(reference, caller).stream().map(n -> new Line(n, local(n.writtenAt(), zone), local(n.editedAt(), zone),
                local(n.editableUntil(), zone))).toList();
    }

    public NoteView write(String reference, String text, Caller caller) {
        SubsidyRequest request = staffRequest(reference, caller);
        String checked = check(text);
        Instant now = Instant.now(clock);
        InternalNote note = notes.save(new InternalNote(request.id(), caller.username(), users.name(caller.username()),
                checked, now));
        return view(note, caller, now);
    }

    /** Its author corrects the note, within the day after writing it. */
    public NoteView correct(String reference, Long id, String text, Caller caller) {
        SubsidyRequest request = staffRequest(reference, caller);
        InternalNote note = notes.findById(id).filter(n -> n.requestId().equals(request.id()))
                .orElseThrow(() -> new NotFoundException("Note inconnue : " + id));
        if (!note.author().equals(caller.username())) {
            throw new AccessDeniedException("only its author corrects a note");
        }
        Instant now = Instant.now(clock);
        if (!CorrectionWindow.isOpen(note.writtenAt(), now)) {
            LocalDateTime written = local(note.writtenAt(), clock.getZone());
            throw new StageConflictException("Cette note ne peut plus être modifiée : une note interne se corrige dans les "
                    + "24 heures qui suivent son écriture (écrite le " + FrenchText.date(written.toLocalDate()) + " à "
                    + String.format("%02d:%02d", written.getHour(), written.getMinute())
                    + ") ; elle est désormais figée. Écrivez une nouvelle note pour la compléter.");
        }
        note.correct(check(text), now);
        return view(note, caller, now);
    }

    /** The request, for staff; 404 for anybody else, as for a request that does not exist. */
    private SubsidyRequest staffRequest(String reference, Caller caller) {
        if (!caller.isStaff()) {
            throw new NotFoundException("Demande inconnue : " + reference);
        }
        return requests.get(reference, caller);
    }

    private static String check(String text) {
        String note = text == null ? "" : text.strip();
        if (note.isEmpty()) {
            throw new InvalidInputException("text", "écrivez la note");
        }
        if (note.length() > MAX_TEXT) {
            throw new InvalidInputException("text", "au plus " + MAX_TEXT + " caractères (la note en compte "
                    + note.length() + ")");
        }
        if (!Texts.isClean(note)) {
            throw new InvalidInputException("text", Texts.message(Texts.forbidden(note)));
        }
        return note;
    }

    private static NoteView view(InternalNote note, Caller caller, Instant now) {
        return new NoteView(note.id(), note.author(), note.authorName(), note.writtenAt(), note.editedAt(),
                CorrectionWindow.closesAt(note.writtenAt()), note.author().equals(caller.username())
                        && CorrectionWindow.isOpen(note.writtenAt(), now), note.text());
    }

    private static LocalDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
    }
}
