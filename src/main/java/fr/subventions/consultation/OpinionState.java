package fr.subventions.consultation;

/**
 * Where an opinion request stands, as stored: awaited, given (in time or late), or withdrawn — by its asker, or with
 * the request. Being late is not stored: it is the clock's ({@link OpinionStatus}).
 */
public enum OpinionState {
    ASKED,
    GIVEN,
    WITHDRAWN
}
