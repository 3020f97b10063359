package fr.subventions.bureau;

import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.Money;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.Sequences;
import fr.subventions.shared.StageConflictException;
import fr.subventions.shared.Violations;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vote on each item, in the law's order: the quorum (L2121-17), then the members standing aside (L2131-11), then
 * the ballots and the majority ({@link VotePolicy}), then the deliberation's number.
 */
@Service
@Transactional
public class Voting {

    private final SessionService sessions;
    private final AgendaItemRepository items;
    private final Attendance attendance;
    private final RegisterOfInterests register;
    private final SubsidyRequestService requestService;
    private final TaskCompleter tasks;
    private final Sequences sequences;
    private final Clock clock;

    Voting(SessionService sessions, AgendaItemRepository items, Attendance attendance, RegisterOfInterests register,
            SubsidyRequestService requestService, TaskCompleter tasks, Sequences sequences, Clock clock) {
        this.sessions = sessions;
        this.items = items;
        this.attendance = attendance;
        this.register = register;
        this.requestService = requestService;
        this.tasks = tasks;
        this.sequences = sequences;
        this.clock = clock;
    }

    /**
     * Votes on one item, or adjourns it; refused without quorum. The vote is applied here, then the item's vote task
     * is completed, whose listener finds the item settled.
     */
    public Tally vote(Long sessionId, String reference, CastVote vote, String actor) {
        AssemblySession session = sessions.held(sessionId);
        AgendaItem item = session.item(reference);
        if (session.status() == SessionStatus.PREPARATION || session.status() == SessionStatus.CONVENED) {
            throw new StageConflictException("Vote impossible : la présence des membres n'a pas été enregistrée, la séance n'est pas ouverte.");
        }
        session.requireStatus(SessionStatus.SITTING, "voter");
        if (item.isSettled()) {
            throw new StageConflictException("Le point " + reference + " a déjà été " + (item.withdrawn() ? "retiré." : "voté."));
        }
        applyVote(item.id(), vote);
        tasks.completeInstance(AssemblySessionProcess.KEY, SessionService.businessKey(sessionId),
                AssemblySessionProcess.TASK_VOTE_ITEM, AssemblySessionProcess.VAR_AGENDA_ITEM_ID, item.id(), Map.of(),
                actor, "Le point " + reference + " n'attend pas de vote.");
        return item.tally();
    }

    /**
     * Records the vote on an item, or its adjournment; answers whether the assembly decided it (adopted or rejected),
     * so that its extract is due. An item already settled — withdrawn, adjourned for want of quorum, or voted through
     * {@link #vote} — is left as it is.
     */
    public boolean applyVote(Long itemId, CastVote vote) {
        AgendaItem item = items.findById(itemId).orElseThrow(() -> new NotFoundException("Point inconnu : " + itemId));
        if (item.isSettled()) {
            return item.isDecided();
        }
        AssemblySession session = sessions.held(item.session());
        Roll roll = attendance.rollOf(session);
        if (vote.adjourned()) {
            item.takeRoll(Seat.of(roll, roll.inOffice()), !roll.quorumReached());
            item.adjourn(Instant.now(clock));
            return false;
        }
        requireQuorum(session, item, roll);
        requireAmendable(item, vote.amended());
        item.takeRoll(Seat.of(roll, roll.inOffice()), !roll.quorumReached());
        Map<Long, String> aside = register.standingAside(item, roll);
        if (vote.secret() != null) {
            recordSecretVote(item, roll, vote, aside);
        } else {
            refuseVotesOfMembersStandingAside(vote.marked(), aside);
            List<Cast> ballots = ConflictPolicy.apply(VotePolicy.ballots(roll, vote.marked()), aside);
            item.recordVote(ballots, VotePolicy.tally(ballots, session.president().id()), aside, Instant.now(clock));
        }
        item.number(deliberationNumber(session));
        if (vote.amended() != null && item.decision() == VoteDecision.ADOPTED && vote.amended().compareTo(item.amount()) < 0) {
            item.amend(vote.amended());
        }
        return true;
    }

    /** After the vote: the request learns the decision (nothing to tell a request withdrawn meanwhile). */
    public void publishOutcome(Long itemId, String actor) {
        AgendaItem item = items.findById(itemId).orElseThrow();
        if (!item.withdrawn()) {
            requestService.recordVote(item.requestId(), item.decision(), item.votedAmount(), item.session().label(), actor);
        }
    }

    /** The assembly deliberates with the majority of its members in office present, unless convened again (L2121-17). */
    private static void requireQuorum(AssemblySession session, AgendaItem item, Roll roll) {
        if (!roll.quorumReached() && !session.deliberatesWithoutQuorum()) {
            throw new StageConflictException("Quorum non atteint pour le point n° " + item.position() + " : "
                    + roll.presentCount() + " membres présents pour " + roll.membersInOffice() + " en exercice, il en faut "
                    + roll.quorum() + " ; les pouvoirs ne comptent pas (article L2121-17 du CGCT). Le point ne peut être "
                    + "voté : attendez des arrivées, ajournez-le, ou convoquez à nouveau l'assemblée à trois jours au moins "
                    + "d'intervalle ; elle délibérera alors sans condition de quorum.");
        }
    }

    /** An amendment lowers the amount: only the proposed amount is reserved on the credits. */
    private static void requireAmendable(AgendaItem item, BigDecimal amended) {
        if (amended != null && (amended.signum() <= 0 || amended.compareTo(item.amount()) > 0)) {
            throw new InvalidInputException("amount", "le montant voté doit être positif et ne peut "
                    + "dépasser le montant proposé (" + Money.format(item.amount()) + "), seul réservé sur les crédits");
        }
    }

    /** The tellers' counts must account for every voter, the members standing aside left out. */
    private void recordSecretVote(AgendaItem item, Roll roll, CastVote vote, Map<Long, String> aside) {
        if (vote.namesAnyone()) {
            throw new InvalidInputException("secret", "un scrutin secret n'enregistre aucun nom");
        }
        List<Cast> voters = ConflictPolicy.apply(VotePolicy.ballots(roll, Map.of()), aside).stream()
                .filter(c -> c.choice() != Choice.NOT_PARTICIPATING).toList();
        int proxies = (int) voters.stream().filter(Cast::byProxy).count();
        int standing = roll.presentCount() + roll.proxyCount() - voters.size();
        item.recordSecretVote(VotePolicy.secretTally(vote.secret(), voters.size(), proxies, standing), aside,
                Instant.now(clock));
    }

    /** The secretariat cannot record a vote for a member the register of interests sets aside. */
    private static void refuseVotesOfMembersStandingAside(Map<Choice, List<Long>> marked, Map<Long, String> aside) {
        Violations v = new Violations();
        for (Map.Entry<Choice, List<Long>> entry : marked.entrySet()) {
            if (entry.getKey() == Choice.NOT_PARTICIPATING) {
                continue;
            }
            for (int i = 0; i < entry.getValue().size(); i++) {
                Long id = entry.getValue().get(i);
                if (aside.containsKey(id)) {
                    v.add(VotePolicy.fieldOf(entry.getKey()) + "[" + i + "]", "le membre " + id + " ne prend pas part au vote : "
                            + aside.get(id) + " (article L2131-11 du CGCT)");
                }
            }
        }
        v.throwIfAny();
    }

    /**
     * "B2023_0001": the body's letter, the year, a number without gaps per body and year, taken in the vote's own
     * transaction so that a refused vote uses none.
     */
    private String deliberationNumber(AssemblySession session) {
        int year = session.sessionDate().getYear();
        long number = sequences.nextWithoutGap("deliberation-" + session.body().name() + "-" + year);
        return session.body().name().charAt(0) + String.valueOf(year) + "_" + String.format("%04d", number);
    }
}
