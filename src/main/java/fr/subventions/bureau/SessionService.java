package fr.subventions.bureau;

import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import fr.subventions.shared.Texts;
import fr.subventions.shared.Violations;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.RequestWithdrawn;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestRepository;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.TaskCompleter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A séance from its preparation to its closing: agenda, attendance, the vote on each item. */
@Service
@Transactional
public class SessionService {

    private final AssemblySessionRepository sessions;
    private final AgendaItemRepository items;
    private final MemberRepository members;
    private final SubsidyRequestService requestService;
    private final SubsidyRequestRepository requests;
    private final RuntimeService runtime;
    private final TaskCompleter tasks;
    private final Clock clock;
    private final MemberInterestRepository interests;
    private final fr.subventions.shared.Sequences sequences;
    private final ConflictFlagRepository flags;
    private final ProxyRegistry proxies;
    private final AttendanceMovementRepository movements;

    SessionService(AssemblySessionRepository sessions, AgendaItemRepository items, MemberRepository members,
            SubsidyRequestService requestService, SubsidyRequestRepository requests, RuntimeService runtime,
            TaskCompleter tasks, Clock clock, MemberInterestRepository interests,
            fr.subventions.shared.Sequences sequences, ConflictFlagRepository flags, ProxyRegistry proxies,
            AttendanceMovementRepository movements) {
        this.flags = flags;
        this.proxies = proxies;
        this.movements = movements;
        this.interests = interests;
        this.sequences = sequences;
        this.sessions = sessions;
        this.items = items;
        this.members = members;
        this.requestService = requestService;
        this.requests = requests;
        this.runtime = runtime;
        this.tasks = tasks;
        this.clock = clock;
    }

    public static String businessKey(Long sessionId) {
        return "seance-" + sessionId;
    }

    public AssemblySession create(CreateSession command) {
        Violations v = new Violations();
        v.check(command.body() != null, "body", "l'assemblée est obligatoire : BUREAU ou CONSEIL");
        v.check(command.date() != null, "date", "la date de la séance est obligatoire (AAAA-MM-JJ)");
        if (command.place() == null || command.place().isBlank()) {
            v.add("place", "le lieu de la séance est obligatoire");
        } else {
            v.check(command.place().length() <= 200, "place", "au plus 200 caractères");
            Texts.check(v, "place", command.place());
        }
        v.check(command.convocationSentOn() != null, "convocationSentOn", "la date d'envoi de la convocation est obligatoire");
        v.check(command.urgencyReason() == null || command.urgencyReason().length() <= 1000, "urgencyReason",
                "au plus 1000 caractères");
        Texts.check(v, "urgencyReason", command.urgencyReason());
        if (command.date() != null && command.convocationSentOn() != null) {
            v.check(command.convocationSentOn().isBefore(command.date()), "convocationSentOn",
                    "la convocation est envoyée avant la séance");
        }
        Member president = memberOf(v, "presidentId", command.presidentId(), command.body(), command.date());
        Member secretary = memberOf(v, "secretaryId", command.secretaryId(), command.body(), command.date());
        v.throwIfAny();
        AssemblySession session = sessions.saveAndFlush(new AssemblySession(command.body(), command.date(),
                command.place().trim(), president, secretary, command.convocationSentOn(),
                command.urgencyReason() == null || command.urgencyReason().isBlank() ? null : command.urgencyReason().strip()));
        session.attachProcess(runtime.startProcessInstanceByKey(AssemblySessionProcess.KEY, businessKey(session.id()),
                Map.of(AssemblySessionProcess.VAR_SESSION_ID, session.id())).getId());
        return session;
    }

    @Transactional(readOnly = true)
    public AssemblySession get(Long id) {
        return sessions.findById(id).orElseThrow(() -> new NotFoundException("Séance inconnue : " + id));
    }

    /**
     * The séance, to record what happened at its sitting: refused before its day, in the authority's time zone
     * ({@link AssemblySession#requireHeldBy}). The API's calls and Tasklist's completions both come through here.
     */
    private AssemblySession held(Long id) {
        AssemblySession session = get(id);
        session.requireHeldBy(today());
        return session;
    }

    /** The date in the authority's time zone, the clock's. */
    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    /** A deliberation of the year, for publication. */
    public record DecidedItem(String number, java.time.LocalDate date, String title, java.math.BigDecimal amount,
            VoteDecision decision, Tally tally, int inOffice, int fiscalYear) {
    }

    @Transactional(readOnly = true)
    public List<DecidedItem> decidedItems(int year) {
        return sessions.findAllByOrderBySessionDateDesc().stream()
                .filter(s -> s.sessionDate().getYear() == year)
                .sorted(java.util.Comparator.comparing(AssemblySession::sessionDate))
                .flatMap(s -> s.items().stream()
                        .filter(i -> i.decision() == VoteDecision.ADOPTED || i.decision() == VoteDecision.REJECTED)
                        .map(i -> new DecidedItem(i.deliberationNumber(), s.sessionDate(), i.title(), i.grantedAmount(),
                                i.decision(), i.tally(), i.seats().isEmpty() ? s.attendance().size() : i.seats().size(),
                                requests.findById(i.requestId()).map(r -> r.fiscalYear()).orElse(year))))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<SessionView> all() {
        return sessions.findAllByOrderBySessionDateDesc().stream().map(SessionView::of).toList();
    }

    /** What the séance page shows: the séance, who sits, and each item's ballots. */
    @Transactional(readOnly = true)
    public SessionPage page(Long id) {
        AssemblySession session = get(id);
        List<Member> bureau = inOffice(session);
        Map<Long, AttendanceEntry> sheet = new java.util.HashMap<>();
        session.attendance().forEach(a -> sheet.put(a.memberId(), a));
        Roll roll = session.attendance().isEmpty() ? null : rollOf(session);
        List<SessionPage.Seat> seats = bureau.stream().map(m -> {
            AttendanceEntry entry = sheet.get(m.id());
            return new SessionPage.Seat(m.id(), m.fullName(), entry == null || entry.present(),
                    entry == null ? null : entry.proxyHolderId());
        }).toList();
        List<SessionPage.Item> agenda = session.items().stream().map(i -> new SessionPage.Item(i.id(), i.position(),
                i.reference(), i.title(), i.theme(), i.amount(), i.withdrawn() ? "WITHDRAWN" : i.decision() == null ? null
                : i.decision().name(), i.tally(), i.isSettled(), i.adjournedForLackOfQuorum(), i.withoutQuorum())).toList();
        Map<Long, String> names = new java.util.HashMap<>();
        bureau.forEach(m -> names.put(m.id(), m.fullName()));
        List<String> moves = movements.findBySessionIdOrderByIdAsc(id).stream().map(m -> m.describe(names::get)).toList();
        return new SessionPage(SessionView.of(session), seats, agenda, roll == null ? bureau.size() / 2 + 1 : roll.quorum(),
                roll == null ? null : roll.presentCount(), roll == null ? null : roll.proxyCount(),
                roll != null && roll.quorumReached(), session.deliberatesWithoutQuorum(), moves);
    }

    @Transactional(readOnly = true)
    public SessionView view(Long id) {
        return SessionView.of(get(id));
    }

    /** The requests on the séance's agenda, withdrawn ones left out. */
    @Transactional(readOnly = true)
    public List<Long> requestsOnAgenda(Long sessionId) {
        return get(sessionId).items().stream().filter(i -> !i.withdrawn()).map(AgendaItem::requestId).toList();
    }

    /** Puts instructed requests on the agenda; each request's process then waits for the vote. */
    public List<AgendaItem> addToAgenda(Long sessionId, List<String> references, String actor) {
        AssemblySession session = get(sessionId);
        session.requireStatus(SessionStatus.PREPARATION, "modifier l'ordre du jour");
        Violations v = new Violations();
        v.check(references != null && !references.isEmpty(), "references", "indiquez au moins une demande");
        List<SubsidyRequest> found = new ArrayList<>();
        for (int i = 0; references != null && i < references.size(); i++) {
            String reference = references.get(i);
            Optional<SubsidyRequest> request = reference == null ? Optional.empty() : requests.findByReference(reference.trim());
            if (request.isEmpty()) {
                v.add("references[" + i + "]", "demande inconnue : " + reference);
            } else if (found.contains(request.get())) {
                v.add("references[" + i + "]", "la demande " + reference + " figure deux fois");
            } else {
                found.add(request.get());
            }
        }
        v.throwIfAny();
        List<AgendaItem> added = new ArrayList<>();
        for (SubsidyRequest request : found) {
            if (request.status() != RequestStatus.AWAITING_AGENDA) {
                throw new StageConflictException("La demande " + request.reference() + " ne peut être inscrite : elle est au statut « "
                        + request.status().label() + " » (il faut une instruction favorable).");
            }
            added.add(session.addItem(request.id(), request.reference(), request.title(), request.theme(),
                    request.proposedAmount()));
            requestService.placeOnAgenda(request.id(), session.label(), actor);
        }
        sessions.flush();
        return added;
    }

    /** Fixes the agenda and sends the convocation: the séance process produces the convocation and its agenda. */
    public void convene(Long sessionId, String actor) {
        get(sessionId).requireStatus(SessionStatus.PREPARATION, "arrêter l'ordre du jour");
        tasks.complete(AssemblySessionProcess.KEY, businessKey(sessionId), AssemblySessionProcess.TASK_PREPARE_AGENDA,
                Map.of(), actor, "préparation de l'ordre du jour");
    }

    /** Records who sits: the first sheet opens the séance; later ones record arrivals and departures. */
    public Roll recordAttendance(Long sessionId, Map<String, Object> sheet, String actor) {
        AssemblySession session = held(sessionId);
        if (session.status() == SessionStatus.PREPARATION) {
            throw new StageConflictException("L'ordre du jour de la séance " + sessionId + " n'est pas arrêté : "
                    + "envoyez d'abord la convocation.");
        }
        if (session.status() == SessionStatus.CONVENED) {
            tasks.complete(AssemblySessionProcess.KEY, businessKey(sessionId), AssemblySessionProcess.TASK_RECORD_ATTENDANCE,
                    sheet, actor, "enregistrement des présences (la convocation est en cours de production, réessayez)");
            return rollOf(get(sessionId));
        }
        session.requireStatus(SessionStatus.SITTING, "enregistrer les présences");
        return applyAttendance(sessionId, AttendanceSheet.from(sheet::get), actor);
    }

    /**
     * An arrival or a departure during the séance, before the next item is called: a member leaving may give a proxy
     * to a present member; a proxy the leaving member held lapses. Answers the roll from now on, quorum included.
     */
    public Roll recordMovement(Long sessionId, Long memberId, String kind, Long proxyToId, String actor) {
        AssemblySession session = held(sessionId);
        if (session.status() != SessionStatus.SITTING) {
            throw new StageConflictException("La séance " + sessionId + " n'est pas en cours (" + session.status().label()
                    + ") : les arrivées et départs s'enregistrent entre l'ouverture et la clôture.");
        }
        Roll current = rollOf(session);
        Roll next;
        if ("ARRIVAL".equals(kind)) {
            if (proxyToId != null) {
                throw new fr.subventions.shared.InvalidInputException("proxyToId", "un membre qui arrive ne donne pas pouvoir");
            }
            next = current.withArrival(memberId);
        } else if ("DEPARTURE".equals(kind)) {
            next = current.withDeparture(memberId, proxyToId);
        } else {
            throw new fr.subventions.shared.InvalidInputException("kind", "ARRIVAL (arrivée) ou DEPARTURE (départ) attendu : " + kind);
        }
        return seat(session, next, Map.of(), actor);
    }

    @Transactional(readOnly = true)
    public List<AttendanceMovement> movements(Long sessionId) {
        get(sessionId);
        return movements.findBySessionIdOrderByIdAsc(sessionId);
    }

    /** Closing the agenda convenes the séance: the convocation goes to the members in office. */
    public void closeAgenda(Long sessionId) {
        AssemblySession session = get(sessionId);
        session.convene(inOffice(session).stream().map(Member::id).toList());
    }

    /** The items of a closed agenda, read by the process's multi-instance: one vote per item still on it. */
    @Transactional(readOnly = true)
    public List<Long> agendaItemIds(Long sessionId) {
        return get(sessionId).items().stream().filter(i -> !i.withdrawn()).map(AgendaItem::id).toList();
    }

    /** The first sheet opens the séance; a later one records the arrivals and departures it shows. */
    public Roll applyAttendance(Long sessionId, AttendanceSheet sheet, String actor) {
        AssemblySession session = held(sessionId);
        if (session.status() == SessionStatus.PREPARATION) {
            throw new StageConflictException("La séance " + sessionId + " n'est pas convoquée : l'ordre du jour doit être arrêté d'abord.");
        }
        session.open();
        List<Long> inOffice = inOffice(session).stream().map(Member::id).toList();
        // A sheet that lists only the absent (as the Tasklist form does) means everybody else is present
        List<Long> present = sheet.present() != null ? sheet.present()
                : inOffice.stream().filter(id -> !sheet.absent().contains(id)).toList();
        Map<Integer, Roll.Proxy> lines = proxies.resolve(session, sheet.proxies());
        Roll roll = Roll.of(inOffice, present, sheet.absent(), lines);
        Map<Long, Long> named = new java.util.HashMap<>();
        lines.values().stream().filter(p -> p.proxyId() != null).forEach(p -> named.put(p.fromId(), p.proxyId()));
        return seat(session, roll, named, actor);
    }

    /**
     * Writes the roll on the sheet: each proxy with its written proxy in the register, and, once the séance sits, the
     * arrivals and departures since the last sheet, logged before the next item.
     */
    private Roll seat(AssemblySession session, Roll roll, Map<Long, Long> namedProxies, String actor) {
        Map<Long, AttendanceEntry> before = new java.util.HashMap<>();
        session.attendance().forEach(e -> before.put(e.memberId(), e));
        List<AttendanceEntry> entries = new ArrayList<>();
        for (Long id : roll.inOffice().stream().sorted().toList()) {
            Long holder = roll.holderOf(id);
            Long proxyId = null;
            if (holder != null) {
                AttendanceEntry previous = before.get(id);
                Long onSheet = previous != null && holder.equals(previous.proxyHolderId()) ? previous.proxyId() : null;
                proxyId = proxies.proxyFor(session, id, holder, namedProxies.get(id), onSheet, actor).id();
            }
            entries.add(new AttendanceEntry(session, id, roll.isPresent(id), holder, proxyId));
        }
        if (!before.isEmpty()) {
            logMovements(session, before, roll, actor);
        }
        session.replaceAttendance(entries);
        return roll;
    }

    private void logMovements(AssemblySession session, Map<Long, AttendanceEntry> before, Roll roll, String actor) {
        Integer next = session.nextItemPosition();
        Instant now = Instant.now(clock);
        for (Long id : roll.inOffice().stream().sorted().toList()) {
            AttendanceEntry was = before.get(id);
            boolean wasPresent = was == null || was.present();
            Long wasHolder = was == null ? null : was.proxyHolderId();
            AttendanceMovement.Kind kind = null;
            Long holder = roll.holderOf(id);
            if (!wasPresent && roll.isPresent(id)) {
                kind = AttendanceMovement.Kind.ARRIVAL;
            } else if (wasPresent && !roll.isPresent(id)) {
                kind = AttendanceMovement.Kind.DEPARTURE;
            } else if (!roll.isPresent(id) && !java.util.Objects.equals(wasHolder, holder)) {
                kind = holder == null ? AttendanceMovement.Kind.PROXY_ENDED : AttendanceMovement.Kind.PROXY_GIVEN;
                holder = holder == null ? wasHolder : holder;
            }
            if (kind != null) {
                movements.save(new AttendanceMovement(session.id(), id, kind, holder, next, now, actor));
            }
        }
    }

    /** Votes on one item (public ballot), or adjourns it; refused without quorum. */
    public Tally vote(Long sessionId, String reference, Map<String, Object> ballot, String actor) {
        AssemblySession session = held(sessionId);
        AgendaItem item = itemOf(session, reference);
        if (session.status() == SessionStatus.PREPARATION || session.status() == SessionStatus.CONVENED) {
            throw new StageConflictException("Vote impossible : la présence des membres n'a pas été enregistrée, la séance n'est pas ouverte.");
        }
        session.requireStatus(SessionStatus.SITTING, "voter");
        if (item.isSettled()) {
            throw new StageConflictException("Le point " + reference + " a déjà été " + (item.withdrawn() ? "retiré." : "voté."));
        }
        tasks.completeInstance(AssemblySessionProcess.KEY, businessKey(sessionId), AssemblySessionProcess.TASK_VOTE_ITEM,
                AssemblySessionProcess.VAR_AGENDA_ITEM_ID, item.id(), ballot, actor,
                "Le point " + reference + " n'attend pas de vote.");
        return items.findById(item.id()).orElseThrow().tally();
    }

    /** Answers whether the assembly decided the item (adopted or rejected), so that its extract is due. */
    public boolean applyVote(Long itemId, Map<Choice, List<Long>> marked, boolean adjourned) {
        return applyVote(itemId, marked, adjourned, null);
    }

    /** With a {@link SecretBallot}, the counts only: a secret ballot records no names. */
    public boolean applyVote(Long itemId, Map<Choice, List<Long>> marked, boolean adjourned, SecretBallot secret) {
        return applyVote(itemId, marked, adjourned, secret, null);
    }

    /** With the amount voted when the assembly amends the proposal down (null: the proposal as it stands). */
    public boolean applyVote(Long itemId, Map<Choice, List<Long>> marked, boolean adjourned, SecretBallot secret,
            java.math.BigDecimal amended) {
        AgendaItem item = items.findById(itemId).orElseThrow(() -> new NotFoundException("Point inconnu : " + itemId));
        if (item.withdrawn()) {
            return false;
        }
        if (item.adjournedForLackOfQuorum()) {
            return false;
        }
        AssemblySession session = item.session();
        session.requireHeldBy(today());
        Roll roll = rollOf(session);
        if (adjourned) {
            item.takeRoll(Seat.of(roll, roll.inOffice()), !roll.quorumReached());
            item.adjourn(Instant.now(clock));
            return false;
        }
        if (!roll.quorumReached() && !session.deliberatesWithoutQuorum()) {
            throw new StageConflictException("Quorum non atteint pour le point n° " + item.position() + " : "
                    + roll.presentCount() + " membres présents pour " + roll.membersInOffice() + " en exercice, il en faut "
                    + roll.quorum() + " ; les pouvoirs ne comptent pas (article L2121-17 du CGCT). Le point ne peut être "
                    + "voté : attendez des arrivées, ajournez-le, ou convoquez à nouveau l'assemblée à trois jours au moins "
                    + "d'intervalle ; elle délibérera alors sans condition de quorum.");
        }
        if (amended != null && (amended.signum() <= 0 || amended.compareTo(item.amount()) > 0)) {
            throw new fr.subventions.shared.InvalidInputException("amount", "le montant voté doit être positif et ne peut "
                    + "dépasser le montant proposé (" + fr.subventions.shared.Money.format(item.amount())
                    + "), seul réservé sur les crédits");
        }
        item.takeRoll(Seat.of(roll, roll.inOffice()), !roll.quorumReached());
        SubsidyRequest request = requests.findById(item.requestId()).orElseThrow();
        Map<Long, String> aside = ConflictPolicy.standingAside(interests.findBySiretOrRna(request.applicant().siret(),
                request.applicant().rna()).stream().filter(i -> i.concerns(request.applicant().siret(),
                request.applicant().rna(), session.sessionDate())).toList(), roll);
        // the secretariat's flags, added or lifted by hand, have the last word
        for (ConflictFlag flag : flags.findByAgendaItemIdOrderByIdAsc(item.id())) {
            if (flag.standingAside() && (roll.isPresent(flag.memberId()) || roll.isRepresented(flag.memberId()))) {
                aside.put(flag.memberId(), flag.reason());
            } else if (!flag.standingAside()) {
                aside.remove(flag.memberId());
            }
        }
        if (secret != null) {
            if (marked.values().stream().anyMatch(list -> !list.isEmpty())) {
                throw new fr.subventions.shared.InvalidInputException("secret", "un scrutin secret n'enregistre aucun nom");
            }
            List<Cast> voters = ConflictPolicy.apply(VotePolicy.ballots(roll, Map.of()), aside).stream()
                    .filter(c -> c.choice() != Choice.NOT_PARTICIPATING).toList();
            int proxies = (int) voters.stream().filter(Cast::byProxy).count();
            int standing = roll.presentCount() + roll.proxyCount() - voters.size();
            item.recordSecretVote(VotePolicy.secretTally(secret, voters.size(), proxies, standing), aside, Instant.now(clock));
            item.number(deliberationNumber(session));
            amendIfAdopted(item, amended);
            return true;
        }
        refuseVotesOfMembersStandingAside(marked, aside);
        List<Cast> ballots = ConflictPolicy.apply(VotePolicy.ballots(roll, marked), aside);
        item.recordVote(ballots, VotePolicy.tally(ballots, session.president().id()), aside, Instant.now(clock));
        item.number(deliberationNumber(session));
        amendIfAdopted(item, amended);
        return true;
    }

    private static void amendIfAdopted(AgendaItem item, java.math.BigDecimal amended) {
        if (amended != null && item.decision() == VoteDecision.ADOPTED && amended.compareTo(item.amount()) < 0) {
            item.amend(amended);
        }
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

    /** The secretariat cannot record a vote for a member the register of interests sets aside. */
    private void refuseVotesOfMembersStandingAside(Map<Choice, List<Long>> marked, Map<Long, String> aside) {
        fr.subventions.shared.Violations v = new fr.subventions.shared.Violations();
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

    /** The secretariat sets a member aside on an item, or lifts the flag, with a reason kept in the audit trail. */
    public ConflictFlag flagConflict(Long sessionId, String reference, Long memberId, boolean standingAside, String reason,
            String actor) {
        AssemblySession session = get(sessionId);
        AgendaItem item = itemOf(session, reference);
        if (item.isSettled()) {
            throw new StageConflictException("Le point " + reference + " a déjà été " + (item.withdrawn() ? "retiré." : "voté."));
        }
        fr.subventions.shared.Violations v = new fr.subventions.shared.Violations();
        v.check(memberId != null && members.findById(memberId).filter(m -> m.body() == session.body()).isPresent(),
                "memberId", "membre inconnu de cette assemblée : " + memberId);
        v.check(reason != null && !reason.isBlank() && reason.length() <= 1000, "reason",
                "le motif est obligatoire (1000 caractères au plus)");
        Texts.check(v, "reason", reason);
        v.throwIfAny();
        return flags.save(new ConflictFlag(item.id(), memberId, standingAside, reason.strip(), actor, Instant.now(clock)));
    }

    @Transactional(readOnly = true)
    public List<ConflictFlag> conflictFlags(Long sessionId, String reference) {
        return flags.findByAgendaItemIdOrderByIdAsc(itemOf(get(sessionId), reference).id());
    }

    /** Records a line of the register of interests. */
    public MemberInterest declareInterest(Long memberId, InterestKind kind, String organisation, String siret, String rna,
            java.time.LocalDate since, java.time.LocalDate until) {
        fr.subventions.shared.Violations v = new fr.subventions.shared.Violations();
        Member member = members.findById(memberId).orElseThrow(() -> new NotFoundException("Membre inconnu : " + memberId));
        v.check(kind != null, "kind", "la nature de l'intérêt est obligatoire : BOARD ou DESIGNATION");
        v.check(organisation != null && !organisation.isBlank() && organisation.length() <= 200, "organisation",
                "le nom de l'organisme est obligatoire (200 caractères au plus)");
        Texts.check(v, "organisation", organisation);
        boolean hasSiret = siret != null && !siret.isBlank();
        boolean hasRna = rna != null && !rna.isBlank();
        v.check(hasSiret || hasRna, "siret", "indiquez le SIRET ou le numéro RNA de l'organisme");
        v.check(!hasSiret || fr.subventions.submission.Siret.isValid(siret), "siret", "numéro SIRET invalide");
        v.check(!hasRna || fr.subventions.submission.Rna.isValid(rna), "rna", "numéro RNA invalide");
        v.check(since != null, "since", "la date de début est obligatoire");
        v.check(since == null || until == null || !until.isBefore(since), "until", "la fin précède le début");
        v.throwIfAny();
        return interests.save(new MemberInterest(member, kind, organisation.strip(), hasSiret ? siret : null,
                hasRna ? rna : null, since, until));
    }

    @Transactional(readOnly = true)
    public List<MemberInterest> interestsOf(Long memberId) {
        members.findById(memberId).orElseThrow(() -> new NotFoundException("Membre inconnu : " + memberId));
        return interests.findByMemberIdOrderBySince(memberId);
    }

    /** After the vote: the request learns the decision (nothing to tell a request withdrawn meanwhile). */
    public void publishOutcome(Long itemId, String actor) {
        AgendaItem item = items.findById(itemId).orElseThrow();
        if (!item.withdrawn()) {
            requestService.recordVote(item.requestId(), item.decision(), item.votedAmount(), item.session().label(), actor);
        }
    }

    /**
     * The séance lacks quorum (at its opening, or after departures): its items still to vote are adjourned for want of
     * quorum, the assembly is convened again at least three days later with those items on the agenda, and that séance
     * deliberates without quorum (L2121-17). The first séance is closed when nothing else keeps it open.
     */
    public AssemblySession reconvene(Long sessionId, Reconvening command, String actor) {
        AssemblySession first = held(sessionId);
        if (first.status() != SessionStatus.SITTING) {
            throw new StageConflictException("La séance " + sessionId + " n'est pas en cours (" + first.status().label()
                    + ") : seule une séance ouverte sans quorum est convoquée à nouveau.");
        }
        if (first.reconvenedAsId() != null) {
            throw new StageConflictException("La séance " + sessionId + " a déjà été convoquée à nouveau : séance n° "
                    + first.reconvenedAsId() + ".");
        }
        if (first.deliberatesWithoutQuorum()) {
            throw new StageConflictException("La séance " + sessionId + " a été convoquée à nouveau faute de quorum : elle "
                    + "délibère sans condition de quorum (article L2121-17 du CGCT), il n'y a pas lieu de la convoquer encore.");
        }
        Roll roll = rollOf(first);
        if (roll.quorumReached()) {
            throw new StageConflictException("Le quorum est atteint (" + roll.presentCount() + " membres présents, il en faut "
                    + roll.quorum() + ") : l'assemblée peut délibérer, il n'y a pas lieu de la convoquer à nouveau.");
        }
        List<AgendaItem> pending = first.items().stream().filter(i -> !i.isSettled()).toList();
        if (pending.isEmpty()) {
            throw new StageConflictException("Tous les points de la séance " + sessionId + " sont traités : rien à reporter.");
        }
        Violations v = new Violations();
        v.check(command.date() != null, "date", "la date de la nouvelle séance est obligatoire (AAAA-MM-JJ)");
        v.check(command.date() == null || Convocation.isReconveningTimely(first.sessionDate(), command.date()), "date",
                "la nouvelle séance se tient à trois jours au moins d'intervalle de la séance du "
                        + fr.subventions.shared.FrenchText.date(first.sessionDate()) + ", soit le "
                        + fr.subventions.shared.FrenchText.date(Convocation.earliestReconvening(first.sessionDate()))
                        + " au plus tôt (article L2121-17 du CGCT)");
        v.check(command.convocationSentOn() != null, "convocationSentOn", "la date d'envoi de la nouvelle convocation est obligatoire");
        v.check(command.convocationSentOn() == null || !command.convocationSentOn().isBefore(first.sessionDate()),
                "convocationSentOn", "la nouvelle convocation part après la séance restée sans quorum, le "
                        + fr.subventions.shared.FrenchText.date(first.sessionDate()) + " au plus tôt");
        v.throwIfAny();
        AssemblySession next = create(new CreateSession(first.body(), command.date(),
                command.place() == null || command.place().isBlank() ? first.place() : command.place(),
                first.president().id(), first.secretary().id(), command.convocationSentOn(), command.urgencyReason()));
        next.reconvenedFrom(first);
        first.reconvenedAs(next);
        Instant now = Instant.now(clock);
        for (AgendaItem item : pending) {
            item.takeRoll(Seat.of(roll, roll.inOffice()), true);
            item.adjournForLackOfQuorum(now);
            tasks.completeInstance(AssemblySessionProcess.KEY, businessKey(sessionId), AssemblySessionProcess.TASK_VOTE_ITEM,
                    AssemblySessionProcess.VAR_AGENDA_ITEM_ID, item.id(), Map.of("adjourned", true), actor,
                    "Le point " + item.reference() + " n'attend pas de vote.");
        }
        // each request, back to awaiting an agenda, goes on the agenda of the séance convened again
        addToAgenda(next.id(), pending.stream().filter(i -> !i.withdrawn()).map(AgendaItem::reference).toList(), actor);
        if (tasks.isWaitingAt(AssemblySessionProcess.KEY, businessKey(sessionId), AssemblySessionProcess.TASK_CLOSE_SESSION)) {
            requestClosing(sessionId, actor);
        }
        return next;
    }

    public void close(Long sessionId) {
        held(sessionId).close();
    }

    public void requestClosing(Long sessionId, String actor) {
        AssemblySession session = held(sessionId);
        session.requireClosable();
        tasks.complete(AssemblySessionProcess.KEY, businessKey(sessionId), AssemblySessionProcess.TASK_CLOSE_SESSION,
                Map.of(), actor, "clôture de la séance (des points restent à voter)");
    }

    @Transactional(readOnly = true)
    public Roll rollOf(AssemblySession session) {
        List<AttendanceEntry> entries = session.attendance();
        if (entries.isEmpty()) {
            throw new StageConflictException("La présence des membres n'a pas été enregistrée.");
        }
        Map<Integer, Roll.Proxy> proxies = new LinkedHashMap<>();
        for (AttendanceEntry entry : entries) {
            if (entry.proxyHolderId() != null) {
                proxies.put(proxies.size(), new Roll.Proxy(entry.memberId(), entry.proxyHolderId()));
            }
        }
        return Roll.of(entries.stream().map(AttendanceEntry::memberId).toList(),
                entries.stream().filter(AttendanceEntry::present).map(AttendanceEntry::memberId).toList(), List.of(),
                proxies);
    }

    /** The roll an item was voted (or adjourned) on; before that, the séance's current roll. */
    @Transactional(readOnly = true)
    public Roll rollOf(AgendaItem item) {
        return item.seats().isEmpty() ? rollOf(item.session()) : Seat.roll(item.seats());
    }

    /** Who sits now: the latest sheet with the arrivals and departures since. */
    @Transactional(readOnly = true)
    public Roll currentRoll(Long sessionId) {
        return rollOf(get(sessionId));
    }

    /** The roll at the opening of the séance, before any arrival or departure. */
    @Transactional(readOnly = true)
    public Roll openingRoll(AssemblySession session) {
        return session.openingSeats().isEmpty() ? rollOf(session) : Seat.roll(session.openingSeats());
    }

    /** The members in office on the séance's date. */
    @Transactional(readOnly = true)
    public List<Member> inOffice(AssemblySession session) {
        return members.inOfficeOn(session.body(), session.sessionDate());
    }

    @Transactional(readOnly = true)
    public AgendaItem agendaItem(Long itemId) {
        return items.findById(itemId).orElseThrow(() -> new NotFoundException("Point inconnu : " + itemId));
    }

    /** The item on which an assembly decided the request (adopted or rejected), if it has. */
    @Transactional(readOnly = true)
    public Optional<AgendaItem> decisionOn(Long requestId) {
        return items.findByRequestId(requestId).stream()
                .filter(i -> i.decision() == VoteDecision.ADOPTED || i.decision() == VoteDecision.REJECTED)
                .reduce((first, second) -> second);
    }

    /** Every agenda item the request was put on, in the order it was placed: an adjourned request has several. */
    @Transactional(readOnly = true)
    public List<AgendaItem> agendaOf(Long requestId) {
        return items.findByRequestId(requestId).stream().sorted(java.util.Comparator.comparing(AgendaItem::id)).toList();
    }

    @Transactional(readOnly = true)
    public List<Member> membersInOffice(AssemblyBody body, java.time.LocalDate on) {
        return members.inOfficeOn(body, on);
    }

    /** A request withdrawn while on an agenda leaves it: removed in preparation, marked withdrawn during the séance. */
    @EventListener
    public void onRequestWithdrawn(RequestWithdrawn event) {
        for (AgendaItem item : items.findByRequestId(event.requestId())) {
            if (item.isSettled()) {
                continue;
            }
            AssemblySession session = item.session();
            if (session.status() == SessionStatus.PREPARATION) {
                session.removeItem(item);
            } else if (session.status() == SessionStatus.CONVENED) {
                // the séance's vote tasks do not exist yet: the item will get none
                item.markWithdrawn(Instant.now(clock));
            } else if (session.status() == SessionStatus.SITTING) {
                item.markWithdrawn(Instant.now(clock));
                tasks.completeInstance(AssemblySessionProcess.KEY, businessKey(session.id()),
                        AssemblySessionProcess.TASK_VOTE_ITEM, AssemblySessionProcess.VAR_AGENDA_ITEM_ID, item.id(),
                        Map.of(), "système", "Le point " + item.reference() + " n'attend pas de vote.");
            }
        }
    }

    private AgendaItem itemOf(AssemblySession session, String reference) {
        return session.items().stream().filter(i -> i.reference().equals(reference)).findFirst()
                .orElseThrow(() -> new NotFoundException("La demande " + reference + " n'est pas inscrite à l'ordre du jour de la séance "
                        + session.id()));
    }

    private Member memberOf(Violations v, String field, Long id, AssemblyBody body, java.time.LocalDate on) {
        if (id == null) {
            v.add(field, "obligatoire");
            return null;
        }
        Optional<Member> member = members.findById(id);
        if (member.isEmpty()) {
            v.add(field, "membre inconnu : " + id);
            return null;
        }
        if (body != null && member.get().body() != body) {
            v.add(field, member.get().fullName() + " n'est pas membre du " + body.label());
        } else if (on != null && !member.get().inOfficeOn(on)) {
            v.add(field, member.get().fullName() + " n'est pas en exercice le " + fr.subventions.shared.FrenchText.date(on));
        }
        return member.get();
    }
}
