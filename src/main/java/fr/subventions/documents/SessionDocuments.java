package fr.subventions.documents;

import fr.subventions.budget.AgendaCredits;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AgendaItem;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.AttendanceMovement;
import fr.subventions.bureau.Ballot;
import fr.subventions.bureau.Choice;
import fr.subventions.bureau.Member;
import fr.subventions.bureau.MemberRepository;
import fr.subventions.bureau.Roll;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Tally;
import fr.subventions.instruction.ReportParagraphs;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.VoteDecision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The models of a séance's documents — its convocation, its minutes, each item's extract —, built from the séance. */
@Component
class SessionDocuments {

    record Convocation(String bodyLabel, String sessionDate, String place, String convocationSentOn, String president,
            List<String> agenda, List<String> credits) implements DocumentModel {
        @Override
        public DocumentType type() {
            return DocumentType.CONVOCATION;
        }
    }

    record Minutes(String bodyLabel, String sessionDate, String place, String president, String secretary,
            String convocationSentOn, String urgency, String inOffice, String present, String proxies, String absent,
            String quorum, List<String> quorumNotes, List<String> movements, List<String> presentMembers,
            List<String> proxyLines, List<String> absentMembers, List<String> items, List<String> adopted)
            implements DocumentModel {
        @Override
        public DocumentType type() {
            return DocumentType.MINUTES;
        }
    }

    record DeliberationExtract(String bodyLabel, String deciding, String sessionDate, String president,
            String secretary, String convocationSentOn, String members, List<String> quorumNote, String inOffice,
            String presentVoting, String proxies, List<String> presentMembers, List<String> absentMembers,
            List<String> proxyLines, List<String> notParticipating, String theme, String itemTitle, List<String> report,
            List<String> decisions, String forCount, String against, String abstention, String notVoting,
            String proxyVotes) implements DocumentModel {
        @Override
        public DocumentType type() {
            return DocumentType.DELIBERATION_EXTRACT;
        }

        /** « for » is a Java keyword: the count of votes for is {@code {{for}}} in the template all the same. */
        @Override
        public Map<String, Object> placeholders() {
            Map<String, Object> placeholders = DocumentModel.super.placeholders();
            placeholders.put("for", placeholders.remove("forCount"));
            return placeholders;
        }
    }

    private final SessionService sessions;
    private final Agenda agenda;
    private final Attendance attendance;
    private final MemberRepository members;
    private final AgendaCredits credits;
    private final Phrases phrases;
    private final Authority authority;

    SessionDocuments(SessionService sessions, Agenda agenda, Attendance attendance, MemberRepository members, AgendaCredits credits, Phrases phrases,
            Authority authority) {
        this.sessions = sessions;
        this.agenda = agenda;
        this.attendance = attendance;
        this.members = members;
        this.credits = credits;
        this.phrases = phrases;
        this.authority = authority;
    }

    Convocation convocation(AssemblySession session) {
        List<String> lines = new ArrayList<>();
        for (AgendaCredits.LineCredits c : credits.of(agenda.requestsOnAgenda(session.id()))) {
            lines.add(phrases.get("convocation.creditsLine", "code", c.code(), "label", c.label(),
                    "voted", Money.format(c.voted()), "availableBefore", Money.format(c.availableBefore()),
                    "proposed", Money.format(c.proposed()), "availableAfter", Money.format(c.availableAfter())));
        }
        if (!lines.isEmpty()) {
            lines.add(0, phrases.get("convocation.creditsHeading"));
        }
        return new Convocation(session.body().label(), FrenchText.longDate(session.sessionDate()), session.place(),
                FrenchText.date(session.convocationSentOn()), session.president().formalName(), agenda(session.items()),
                lines);
    }

    /** The items by theme, each theme a heading. */
    private List<String> agenda(List<AgendaItem> items) {
        Map<String, List<AgendaItem>> byTheme = new TreeMap<>();
        for (AgendaItem item : items) {
            byTheme.computeIfAbsent(item.theme(), t -> new ArrayList<>()).add(item);
        }
        List<String> lines = new ArrayList<>();
        byTheme.forEach((theme, themed) -> {
            lines.add("# " + theme);
            for (AgendaItem item : themed) {
                lines.add(phrases.get("convocation.agendaItem", "position", item.position(), "title", item.title(),
                        "reference", item.reference(), "amount", Money.format(item.amount())));
            }
        });
        return lines;
    }

    Minutes minutes(AssemblySession session) {
        Roll roll = attendance.openingRoll(session);
        Map<Long, Member> byId = membersOf(session);
        List<Long> ordered = byId.keySet().stream().sorted().toList();
        List<String> moves = new ArrayList<>();
        for (AttendanceMovement move : attendance.movements(session.id())) {
            moves.add(move.describe(id -> byId.get(id).fullName()));
        }
        if (!moves.isEmpty()) {
            moves.add(0, phrases.get("minutes.movementsHeading"));
        }
        List<String> items = new ArrayList<>();
        List<String> adopted = new ArrayList<>();
        for (AgendaItem item : session.items()) {
            items.add(phrases.get("minutes.item", "position", item.position(), "theme", item.theme(), "title",
                    item.title(), "reference", item.reference(), "amount", Money.format(item.amount())));
            items.addAll(result(session, item, byId));
            if (!item.withdrawn() && !item.adjournedForLackOfQuorum() && item.decision() == VoteDecision.ADOPTED) {
                adopted.add(phrases.get("minutes.adoptedDeliberation", "number", item.deliberationNumber(), "amount",
                        Money.format(item.grantedAmount()), "title", item.title(), "reference", item.reference()));
            }
        }
        return new Minutes(session.body().label(), FrenchText.longDate(session.sessionDate()), session.place(),
                session.president().fullName(), session.secretary().fullName(),
                FrenchText.date(session.convocationSentOn()),
                session.urgencyReason() == null ? "" : phrases.get("minutes.urgency", "reason", session.urgencyReason()),
                String.valueOf(roll.membersInOffice()), String.valueOf(roll.presentCount()),
                String.valueOf(roll.proxyCount()), String.valueOf(roll.absentCount() - roll.proxyCount()),
                phrases.get(roll.quorumReached() ? "minutes.quorumReached" : "minutes.quorumNotReached",
                        "present", roll.presentCount(), "required", roll.quorum()),
                quorumNotes(session), moves, presentMembers(ordered, roll, byId), proxyLines(ordered, roll, byId),
                absentMembers(ordered, roll, byId), items,
                adopted.isEmpty() ? List.of(phrases.get("minutes.noneAdopted")) : adopted);
    }

    /** What the minutes say of an item after its title: withdrawn, adjourned, or its vote with the names. */
    private List<String> result(AssemblySession session, AgendaItem item, Map<Long, Member> byId) {
        if (item.withdrawn()) {
            return List.of(phrases.get("minutes.withdrawn"));
        }
        Roll itemRoll = attendance.rollOf(item);
        if (item.adjournedForLackOfQuorum()) {
            return List.of(session.reconvenedAsId() == null
                    ? phrases.get("minutes.adjournedForLackOfQuorum", "present", itemRoll.presentCount(), "required",
                            itemRoll.quorum())
                    : phrases.get("minutes.adjournedForLackOfQuorumUntil", "present", itemRoll.presentCount(),
                            "required", itemRoll.quorum(), "date",
                            FrenchText.longDate(sessions.get(session.reconvenedAsId()).sessionDate())));
        }
        if (item.decision() == VoteDecision.ADJOURNED) {
            return List.of(phrases.get("minutes.adjourned"));
        }
        List<String> lines = new ArrayList<>();
        lines.add(phrases.get(item.withoutQuorum() ? "minutes.attendanceWithoutQuorum" : "minutes.attendance",
                "present", itemRoll.presentCount(), "represented", itemRoll.proxyCount()));
        Tally tally = item.tally();
        lines.add(phrases.get(item.secretBallot() ? "minutes.deliberationSecretBallot" : "minutes.deliberation",
                "number", item.deliberationNumber()));
        lines.add(phrases.get(item.decision() == VoteDecision.ADOPTED ? "minutes.adopted" : "minutes.rejected",
                "for", tally.forCount(), "against", tally.against(), "abstention", tally.abstention(), "notVoting",
                tally.notVoting(), "proxies", tally.proxies()));
        for (Choice choice : Choice.values()) {
            List<String> names = item.ballots().stream().filter(b -> b.choice() == choice)
                    .map(b -> b.byProxy() ? phrases.get("minutes.byProxy", "name", byId.get(b.memberId()).fullName())
                            : byId.get(b.memberId()).fullName())
                    .toList();
            if (!names.isEmpty() && choice != Choice.FOR) {
                lines.add(phrases.get("minutes.votes", "choice", phrases.get("minutes.choice." + choice.name()),
                        "names", String.join(", ", names)));
            }
        }
        return lines;
    }

    DeliberationExtract extract(AgendaItem item, SubsidyRequest request, boolean withConvention) {
        AssemblySession session = item.session();
        Roll roll = attendance.rollOf(item);
        Map<Long, Member> byId = roll.present().isEmpty() ? Map.of() : membersOf(session);
        List<Long> ordered = new ArrayList<>(byId.keySet());
        ordered.sort(Comparator.naturalOrder());
        Tally tally = item.tally();
        // A secret ballot keeps no names: those standing aside are known from the register only
        List<Long> notParticipating = item.secretBallot() ? item.standingAside().keySet().stream().sorted().toList()
                : item.ballots().stream().filter(b -> b.choice() == Choice.NOT_PARTICIPATING).map(Ballot::memberId)
                        .sorted().toList();
        List<String> aside = new ArrayList<>();
        Map<Long, String> reasons = item.standingAside();
        if (!notParticipating.isEmpty()) {
            aside.add(phrases.get("extract.notParticipatingHeading"));
            for (Long id : notParticipating) {
                String name = byId.get(id).fullName();
                aside.add(reasons.containsKey(id)
                        ? phrases.get("extract.notParticipatingBecause", "name", name, "reason", reasons.get(id))
                        : roll.isRepresented(id) && reasons.containsKey(roll.holderOf(id))
                                ? phrases.get("extract.notParticipatingByProxy", "name", name)
                                : phrases.get("extract.notParticipating", "name", name));
            }
        }
        return new DeliberationExtract(session.body().label(), session.body().deciding(),
                FrenchText.longDate(session.sessionDate()), session.president().formalName(),
                session.secretary().formalName(), FrenchText.date(session.convocationSentOn()),
                String.valueOf(roll.membersInOffice()), item.withoutQuorum() ? quorumNotes(session) : List.of(),
                String.valueOf(roll.membersInOffice()),
                String.valueOf(ordered.stream().filter(roll::isPresent).filter(id -> !notParticipating.contains(id))
                        .count()),
                String.valueOf(roll.proxyCount()), presentMembers(ordered, roll, byId),
                absentMembers(ordered, roll, byId), proxyLines(ordered, roll, byId), aside, item.theme(),
                phrases.get("extract.itemTitle", "applicantName", request.applicant().name(), "title", request.title()),
                ReportParagraphs.of(request.report()), decisions(item, request, withConvention),
                String.valueOf(tally.forCount()), String.valueOf(tally.against()), String.valueOf(tally.abstention()),
                String.valueOf(tally.notVoting()), String.valueOf(tally.proxies()));
    }

    /** A grant the convention rules left without a convention (optional, and not drawn up) names none. */
    private List<String> decisions(AgendaItem item, SubsidyRequest request, boolean withConvention) {
        String applicant = request.applicant().name();
        if (item.decision() == VoteDecision.ADOPTED) {
            return List.of(
                    phrases.get(withConvention ? "extract.grantWithConvention" : "extract.grant", "amount",
                            Money.format(item.grantedAmount()), "applicantName", applicant),
                    phrases.get("extract.authoriseSignature", "presidentTitle", authority.presidentTitle()),
                    phrases.get("extract.credits", "fiscalYear", request.fiscalYear()));
        }
        return List.of(phrases.get("extract.refusal", "amount", Money.format(item.amount()), "applicantName", applicant));
    }

    /** What the records say of quorum when a séance lacked it: convened again, or deliberating without it. */
    private List<String> quorumNotes(AssemblySession session) {
        List<String> notes = new ArrayList<>();
        if (session.deliberatesWithoutQuorum()) {
            notes.add(phrases.get("quorum.reconvenedFrom", "date",
                    FrenchText.longDate(sessions.get(session.reconvenedFromId()).sessionDate())));
        }
        if (session.reconvenedAsId() != null) {
            notes.add(phrases.get("quorum.reconvenedAs", "date",
                    FrenchText.longDate(sessions.get(session.reconvenedAsId()).sessionDate())));
        }
        return notes;
    }

    private Map<Long, Member> membersOf(AssemblySession session) {
        return members.findAllById(session.attendance().stream().map(a -> a.memberId()).toList()).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
    }

    private static List<String> presentMembers(List<Long> ordered, Roll roll, Map<Long, Member> byId) {
        return ordered.stream().filter(roll::isPresent).map(id -> byId.get(id).fullName()).toList();
    }

    private static List<String> absentMembers(List<Long> ordered, Roll roll, Map<Long, Member> byId) {
        return ordered.stream().filter(id -> !roll.isPresent(id) && !roll.isRepresented(id))
                .map(id -> byId.get(id).fullName()).toList();
    }

    private List<String> proxyLines(List<Long> ordered, Roll roll, Map<Long, Member> byId) {
        return ordered.stream().filter(roll::isRepresented).map(id -> phrases.get("session.proxyLine", "member",
                byId.get(id).fullName(), "holder", byId.get(roll.holderOf(id)).fullName())).toList();
    }
}
