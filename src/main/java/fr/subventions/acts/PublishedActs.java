package fr.subventions.acts;

import fr.subventions.shared.NotFoundException;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.RequestDocument;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The acts online (R2131-1): what /actes lists and serves, to everyone, without login. */
@Service
@Transactional(readOnly = true)
public class PublishedActs {

    /** Acts on one page of /actes and in the feed. */
    static final int PAGE_SIZE = 50;

    private final ActRepository acts;
    private final DocumentService documents;

    PublishedActs(ActRepository acts, DocumentService documents) {
        this.acts = acts;
        this.documents = documents;
    }

    /** A page of the published acts, newest first; each criterion optional (already checked). */
    public List<Act> search(Integer year, String number, String words, int page) {
        return acts.published(year, blankToNull(number) == null ? null : number.strip().toUpperCase(Locale.ROOT),
                blankToNull(words) == null ? null : words.strip().toLowerCase(Locale.FRENCH),
                PageRequest.of(page, PAGE_SIZE + 1));
    }

    /** The signed PDF/A of a published act; an act not yet online is unknown here. */
    public RequestDocument pdf(String number) {
        Act act = acts.findByKindAndNumber(ActKind.DELIBERATION, number)
                .or(() -> acts.findByKindAndNumber(ActKind.DELIBERATION_LIST, number))
                .or(() -> acts.findByKindAndNumber(ActKind.CONVENTION, number))
                .filter(a -> a.publishedAt() != null)
                .orElseThrow(() -> new NotFoundException("Acte non publié ou inconnu : " + number));
        return documents.withContent(act.documentId())
                .orElseThrow(() -> new NotFoundException("Acte non publié ou inconnu : " + number));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
