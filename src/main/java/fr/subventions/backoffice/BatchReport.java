package fr.subventions.backoffice;

import java.util.List;

/**
 * What a batch action did, request by request in the order given: each one done, with what was done, or refused, with
 * the reason — and how many of each.
 */
public record BatchReport(BatchAction action, String actionLabel, int done, int refused, List<Line> results) {

    public enum Status {
        DONE,
        REFUSED
    }

    /**
     * One request's outcome.
     *
     * @param detail what was done, for a request done
     * @param reason why nothing was done, for a request refused
     */
    public record Line(String reference, Status status, String detail, String reason) {

        static Line done(String reference, String detail) {
            return new Line(reference, Status.DONE, detail, null);
        }

        static Line refused(String reference, String reason) {
            return new Line(reference, Status.REFUSED, null, reason);
        }
    }

    static BatchReport of(BatchAction action, List<Line> lines) {
        int done = (int) lines.stream().filter(l -> l.status() == Status.DONE).count();
        return new BatchReport(action, action.label(), done, lines.size() - done, List.copyOf(lines));
    }

    /** The requests refused, then those done: what the summary page lists. */
    public List<Line> refusedLines() {
        return results.stream().filter(l -> l.status() == Status.REFUSED).toList();
    }

    public List<Line> doneLines() {
        return results.stream().filter(l -> l.status() == Status.DONE).toList();
    }
}
