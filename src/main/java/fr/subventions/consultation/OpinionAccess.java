package fr.subventions.consultation;

import fr.subventions.shared.Caller;

/**
 * Who sees an opinion request and who acts on it — the one rule for the API, the pages, the report and the e-mails.
 *
 * <ul>
 * <li>An applicant never: the opinions prepare the decision (CRPA L311-2), as the instruction report does.</li>
 * <li>Staff (and administrators) see the opinions of every request, except a confidential one, which only the
 * instructing officers ({@code instructeurs}), its asker and the one(s) asked — the colleague named, or the members of
 * the service asked — see: another expert consulted on the same request does not (as in Démarches Simplifiées).</li>
 * <li>The opinion is given by the one asked: the colleague named, or any member of the service asked.</li>
 * <li>A request for an opinion is withdrawn by its asker, or by an administrator.</li>
 * </ul>
 */
public final class OpinionAccess {

    private OpinionAccess() {
    }

    public static boolean maySee(OpinionRequest opinion, Caller caller) {
        if (!caller.isStaff() && !caller.isAdministrator()) {
            return false;
        }
        if (!opinion.confidential()) {
            return true;
        }
        return caller.groups().contains(Caller.OFFICERS) || opinion.askedBy().equals(caller.username())
                || isAsked(opinion, caller);
    }

    /** The caller is the one asked: the colleague named, or a member of the service asked. */
    public static boolean isAsked(OpinionRequest opinion, Caller caller) {
        return opinion.askedUser() != null ? opinion.askedUser().equals(caller.username())
                : caller.groups().contains(opinion.askedGroup());
    }

    public static boolean mayWithdraw(OpinionRequest opinion, Caller caller) {
        return opinion.askedBy().equals(caller.username()) || caller.isAdministrator();
    }
}
