package fr.subventions.consultation;

/**
 * A step of an opinion request that the people concerned hear of by e-mail (package {@code mail}, which listens):
 * published inside the transaction that takes it, so that a step rolled back tells nobody.
 */
public record OpinionEvent(Long opinionId, Long requestId, Kind kind) {

    public enum Kind {
        /** Asked: the one asked (the colleague, or each member of the service) gets the question. */
        ASKED,
        /** The deadline nears: the one asked is reminded. */
        REMINDER_DUE,
        /** The deadline passed without an opinion: the asking officer is told. */
        OVERDUE,
        /** The opinion is given: its asker is told. */
        GIVEN,
        /** Withdrawn, by its asker or with the request: the one asked need not answer any more. */
        WITHDRAWN
    }
}
