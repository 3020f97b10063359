package fr.subventions.bureau;

import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import fr.subventions.shared.Texts;
import fr.subventions.shared.Violations;
import fr.subventions.submission.Applicant;
import fr.subventions.submission.Rna;
import fr.subventions.submission.Siret;
import fr.subventions.submission.SubsidyRequestRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of members' interests — boards they sit on, bodies they are designated to — and the secretariat's
 * flags on an item: together they say who takes no part in a vote (L2131-11, L1111-6).
 */
@Service
@Transactional
class RegisterOfInterests {

    private final SessionService sessions;
    private final MemberRepository members;
    private final MemberInterestRepository interests;
    private final ConflictFlagRepository flags;
    private final SubsidyRequestRepository requests;
    private final Clock clock;

    RegisterOfInterests(SessionService sessions, MemberRepository members, MemberInterestRepository interests,
            ConflictFlagRepository flags, SubsidyRequestRepository requests, Clock clock) {
        this.sessions = sessions;
        this.members = members;
        this.interests = interests;
        this.flags = flags;
        this.requests = requests;
        this.clock = clock;
    }

    /** Records a line of the register of interests. */
    public MemberInterest declareInterest(Long memberId, InterestKind kind, String organisation, String siret, String rna,
            LocalDate since, LocalDate until) {
        Violations v = new Violations();
        Member member = members.findById(memberId).orElseThrow(() -> new NotFoundException("Membre inconnu : " + memberId));
        v.check(kind != null, "kind", "la nature de l'intérêt est obligatoire : BOARD ou DESIGNATION");
        v.check(organisation != null && !organisation.isBlank() && organisation.length() <= 200, "organisation",
                "le nom de l'organisme est obligatoire (200 caractères au plus)");
        Texts.check(v, "organisation", organisation);
        boolean hasSiret = siret != null && !siret.isBlank();
        boolean hasRna = rna != null && !rna.isBlank();
        v.check(hasSiret || hasRna, "siret", "indiquez le SIRET ou le numéro RNA de l'organisme");
        v.check(!hasSiret || Siret.isValid(siret), "siret", "numéro SIRET invalide");
        v.check(!hasRna || Rna.isValid(rna), "rna", "numéro RNA invalide");
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

    /** The secretariat sets a member aside on an item, or lifts the flag, with a reason kept in the audit trail. */
    public ConflictFlag flagConflict(Long sessionId, String reference, Long memberId, boolean standingAside, String reason,
            String actor) {
        AssemblySession session = sessions.get(sessionId);
        AgendaItem item = session.item(reference);
        if (item.isSettled()) {
            throw new StageConflictException("Le point " + reference + " a déjà été " + (item.withdrawn() ? "retiré." : "voté."));
        }
        Violations v = new Violations();
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
        return flags.findByAgendaItemIdOrderByIdAsc(sessions.get(sessionId).item(reference).id());
    }

    /**
     * Who takes no part in the vote on the item, with the reason: the members the register shows interested in the
     * applicant on the séance's day, present or represented; then the secretariat's flags, added or lifted by hand,
     * which have the last word.
     */
    Map<Long, String> standingAside(AgendaItem item, Roll roll) {
        Applicant applicant = requests.findById(item.requestId()).orElseThrow().applicant();
        Map<Long, String> aside = ConflictPolicy.standingAside(interests.findBySiretOrRna(applicant.siret(),
                applicant.rna()).stream().filter(i -> i.concerns(applicant.siret(), applicant.rna(),
                item.session().sessionDate())).toList(), roll);
        for (ConflictFlag flag : flags.findByAgendaItemIdOrderByIdAsc(item.id())) {
            if (flag.standingAside() && (roll.isPresent(flag.memberId()) || roll.isRepresented(flag.memberId()))) {
                aside.put(flag.memberId(), flag.reason());
            } else if (!flag.standingAside()) {
                aside.remove(flag.memberId());
            }
        }
        return aside;
    }
}
