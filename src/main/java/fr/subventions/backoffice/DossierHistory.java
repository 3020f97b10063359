package fr.subventions.backoffice;

import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.StageEvent;
import fr.subventions.submission.SubsidyRequest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** The dossier page's « Historique »: each step of the request, and since when it waits at its current stage. */
public final class DossierHistory {

    private DossierHistory() {
    }

    /** One step of the request's history. */
    public record HistoryLine(LocalDateTime at, String actor, RequestStatus stage, String result) {

        static HistoryLine of(StageEvent e, ZoneId zone) {
            return new HistoryLine(DossierView.local(e.at(), zone), e.actor(), e.stage(), e.result());
        }
    }

    /**
     * When the request reached its current stage: the first of the last steps at that stage, so that a reminder or a
     * signature recorded since does not restart the count.
     */
    static LocalDateTime reachedCurrentStage(SubsidyRequest request, List<HistoryLine> history, ZoneId zone) {
        LocalDateTime since = history.isEmpty() ? DossierView.local(request.submittedAt(), zone)
                : history.get(history.size() - 1).at();
        for (int i = history.size() - 1; i >= 0 && history.get(i).stage() == request.status(); i--) {
            since = history.get(i).at();
        }
        return since;
    }
}
