package fr.subventions.backoffice;

import fr.subventions.backoffice.DossierDocuments.DocumentLine;
import fr.subventions.consultation.Colleagues;
import fr.subventions.consultation.OpinionService;
import fr.subventions.consultation.OpinionStatus;
import fr.subventions.consultation.OpinionView;
import fr.subventions.consultation.Recipient;
import fr.subventions.consultation.Verdict;
import fr.subventions.shared.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The dossier page's « Avis des services » ({@code consultation}): the opinions asked on the request that the caller may
 * see — a confidential one only by the officers, its asker and the one asked —, each with the documents sent with its
 * question; the opinions awaited from the caller, each with its form; and, for an instructing officer, the form that
 * asks for new ones, with the services and colleagues that can be consulted and the dossier's documents to send.
 */
@Component
public class DossierOpinions {

    private final OpinionService opinions;
    private final Colleagues colleagues;
    private final Clock clock;

    DossierOpinions(OpinionService opinions, Colleagues colleagues, Clock clock) {
        this.opinions = opinions;
        this.colleagues = colleagues;
        this.clock = clock;
    }

    /** The section for this member of staff; {@code files} are the dossier's documents the caller may read. */
    Section of(String reference, Caller caller, List<DocumentLine> files) {
        ZoneId zone = clock.getZone();
        List<Line> lines = new ArrayList<>();
        for (OpinionView view : opinions.of(reference, caller)) {
            lines.add(new Line(view, DossierView.local(view.askedAt(), zone), DossierView.local(view.givenAt(), zone),
                    DossierView.local(view.withdrawnAt(), zone),
                    files.stream().filter(f -> view.documentIds().contains(f.id())).toList()));
        }
        boolean officer = caller.groups().contains(Caller.OFFICERS);
        List<Choice> services = new ArrayList<>();
        opinions.services().forEach((group, label) -> services.add(new Choice(Recipient.group(group).key(), label)));
        List<Choice> staff = !officer ? List.of() : colleagues.staff().stream()
                .filter(c -> !c.id().equals(caller.username()))
                .map(c -> new Choice(Recipient.user(c.id()).key(), c.label())).toList();
        LocalDate today = LocalDate.now(clock);
        return new Section(lines, officer, services, staff, files, today.plusDays(1));
    }

    /**
     * The section: its opinions, whether the caller may ask for more, and what the asking form offers — the services,
     * the colleagues (the caller aside), the dossier's documents, the earliest deadline.
     */
    public record Section(List<Line> opinions, boolean mayAsk, List<Choice> services, List<Choice> colleagues,
            List<DocumentLine> documents, LocalDate earliestDue) {

        /** The opinions awaited from the caller, whose forms the page shows first. */
        public List<Line> toGive() {
            return opinions.stream().filter(line -> line.view().mayGive()).toList();
        }

        /** The opinions one may give, in the order of the form. */
        public List<Verdict> verdicts() {
            return List.of(Verdict.values());
        }

        /** Those the instruction form sets beside the report: every one asked, but the withdrawn ones. */
        public List<Line> forReport() {
            return opinions.stream().filter(line -> line.view().state() != OpinionStatus.WITHDRAWN).toList();
        }
    }

    /** An opinion request, its times in the authority's zone, and the documents sent with it that the caller may read. */
    public record Line(OpinionView view, LocalDateTime askedAt, LocalDateTime givenAt, LocalDateTime withdrawnAt,
            List<DocumentLine> documents) {

        /** The form's fields' ids carry the opinion's: several forms may share the page. */
        public String field(String name) {
            return name + "-" + view.id();
        }
    }

    /** A service or a colleague to tick: the form's value ({@code group:finances}, {@code user:finances}) and label. */
    public record Choice(String key, String label) {
    }
}
