package fr.subventions.documents;

import fr.subventions.budget.BudgetService;
import fr.subventions.budget.Commitment;
import fr.subventions.budget.Reservation;
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
import fr.subventions.convention.Convention;
import fr.subventions.convention.ConventionService;
import fr.subventions.payment.Payment;
import fr.subventions.payment.PaymentKind;
import fr.subventions.payment.PaymentSchedule;
import fr.subventions.payment.PaymentSchedules;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.submission.Applicant;
import fr.subventions.submission.Cofinancing;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.Opinion;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.RequestMilestone;
import fr.subventions.submission.StageEvent;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Fills each stage's template from our tables and files the document with its request (or its séance). */
@Service
@Transactional
public class DocumentGenerator {

    private final SubsidyRequestService requests;
    private final BudgetService budget;
    private final ConventionService conventions;
    private final SessionService sessions;
    private final Agenda agenda;
    private final Attendance attendance;
    private final MemberRepository members;
    private final DocumentService documents;
    private final TemplateStore templates;
    private final Clock clock;
    private final fr.subventions.budget.AgendaCredits credits;
    private final fr.subventions.convention.FrameworkService frameworks;
    private final PaymentSchedules schedules;
    private final ApplicationEventPublisher events;

    DocumentGenerator(SubsidyRequestService requests, BudgetService budget, ConventionService conventions,
            SessionService sessions, Agenda agenda, Attendance attendance, MemberRepository members,
            DocumentService documents, TemplateStore templates,
            Clock clock, fr.subventions.budget.AgendaCredits credits, fr.subventions.convention.FrameworkService frameworks,
            PaymentSchedules schedules, ApplicationEventPublisher events) {
        this.events = events;
        this.schedules = schedules;
        this.frameworks = frameworks;
        this.credits = credits;
        this.requests = requests;
        this.budget = budget;
        this.conventions = conventions;
        this.sessions = sessions;
        this.agenda = agenda;
        this.attendance = attendance;
        this.members = members;
        this.documents = documents;
        this.templates = templates;
        this.clock = clock;
    }

    /** A request's document of this kind, filed with it. */
    public RequestDocument forRequest(DocumentKind kind, Long requestId) {
        SubsidyRequest request = requests.byId(requestId);
        byte[] content = switch (kind) {
            case ENGAGEMENT_SHEET -> Workbooks.engagementSheet(request, budget.commitmentsOf(requestId));
            case NOTIFICATION_GRANTED, NOTIFICATION_REJECTED -> render(notificationKind(request), notification(request));
            default -> render(kind, requestModel(kind, request));
        };
        DocumentKind filed = kind.name().startsWith("NOTIFICATION") ? notificationKind(request) : kind;
        RequestDocument document = documents.storeGenerated(requestId, null, DocumentType.valueOf(filed.name()),
                filed.template() + "-" + request.reference() + filed.extension(), filed.mediaType(), content,
                request.status().name());
        milestone(kind, request, document).ifPresent(events::publishEvent);
        return document;
    }

    /** The e-mail a request's document goes with, if any: the applicant receives the letters that concern them. */
    private Optional<RequestMilestone> milestone(DocumentKind kind, SubsidyRequest request, RequestDocument document) {
        return Optional.ofNullable(switch (kind) {
            case ACKNOWLEDGEMENT -> RequestMilestone.of(request.id(), RequestMilestone.Milestone.RECEIVED, document.id());
            case MISSING_ITEMS_REQUEST -> RequestMilestone.of(request.id(), RequestMilestone.Milestone.MISSING_ITEMS_REQUESTED,
                    document.id());
            case CONVENTION -> conventions.of(request.id()).map(c -> RequestMilestone.of(request.id(),
                    RequestMilestone.Milestone.CONVENTION_TO_SIGN, document.id())
                    .with("grantedAmount", Money.format(c.amount()))
                    .with("validUntil", FrenchText.date(c.validUntil()))).orElse(null);
            case NOTIFICATION_GRANTED, NOTIFICATION_REJECTED -> RequestMilestone.of(request.id(),
                    RequestMilestone.Milestone.CLOSED, document.id());
            default -> null;
        });
    }

    /** A reminder letter to the beneficiary (signature of the convention, financial report), filed with the request. */
    public RequestDocument reminder(Long requestId, String subject, List<String> paragraphs) {
        SubsidyRequest request = requests.byId(requestId);
        Map<String, Object> model = common(request);
        model.put("subject", subject);
        model.put("paragraphs", paragraphs);
        byte[] content = render(DocumentKind.REMINDER, model);
        return documents.storeGenerated(requestId, null, DocumentType.REMINDER, DocumentKind.REMINDER.template() + "-"
                + request.reference() + DocumentKind.REMINDER.extension(), DocumentKind.REMINDER.mediaType(), content,
                request.status().name());
    }

    /** The convocation and agenda of a séance, filed with the séance. */
    public RequestDocument convocation(Long sessionId) {
        AssemblySession session = sessions.get(sessionId);
        Map<String, Object> model = new HashMap<>();
        model.put("bodyLabel", session.body().label());
        model.put("sessionDate", FrenchText.longDate(session.sessionDate()));
        model.put("place", session.place());
        model.put("convocationSentOn", FrenchText.date(session.convocationSentOn()));
        model.put("president", session.president().formalName());
        model.put("agenda", agenda(session.items()));
        List<String> lines = new ArrayList<>();
        for (fr.subventions.budget.AgendaCredits.LineCredits c : credits.of(agenda.requestsOnAgenda(sessionId))) {
            lines.add("Ligne " + c.code() + " – " + c.label() + " : crédits votés " + Money.format(c.voted())
                    + " ; disponible avant la séance " + Money.format(c.availableBefore()) + " ; proposé à la séance "
                    + Money.format(c.proposed()) + " ; disponible ensuite " + Money.format(c.availableAfter()) + ".");
        }
        if (!lines.isEmpty()) {
            lines.add(0, "# Crédits budgétaires : montants proposés à la séance et crédits disponibles, par ligne");
        }
        model.put("credits", lines);
        byte[] content = render(DocumentKind.CONVOCATION, model);
        return documents.storeGenerated(null, sessionId, DocumentType.CONVOCATION,
                "convocation-ordre-du-jour-seance-" + session.sessionDate() + ".docx", DocumentKind.DOCX, content, null);
    }

    /** The séance's procès-verbal, filed with the séance once it is closed. */
    public RequestDocument minutes(Long sessionId) {
        AssemblySession session = sessions.get(sessionId);
        Roll roll = attendance.openingRoll(session);
        Map<Long, Member> byId = members.findAllById(allIds(session)).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        List<Long> ordered = byId.keySet().stream().sorted().toList();
        Map<String, Object> model = new HashMap<>();
        model.put("bodyLabel", session.body().label());
        model.put("sessionDate", FrenchText.longDate(session.sessionDate()));
        model.put("place", session.place());
        model.put("president", session.president().fullName());
        model.put("secretary", session.secretary().fullName());
        model.put("convocationSentOn", FrenchText.date(session.convocationSentOn()));
        model.put("urgency", session.urgencyReason() == null ? "" : " (urgence : " + session.urgencyReason() + ")");
        model.put("inOffice", String.valueOf(roll.membersInOffice()));
        model.put("present", String.valueOf(roll.presentCount()));
        model.put("proxies", String.valueOf(roll.proxyCount()));
        model.put("absent", String.valueOf(roll.absentCount() - roll.proxyCount()));
        model.put("quorum", (roll.quorumReached() ? "À l'ouverture, le quorum est atteint : " : "À l'ouverture, le quorum n'est pas atteint : ")
                + roll.presentCount() + " membres présents pour " + roll.quorum() + " requis (article L2121-17 du CGCT).");
        model.put("quorumNotes", quorumNotes(session));
        List<String> moves = new ArrayList<>();
        for (AttendanceMovement move : attendance.movements(sessionId)) {
            moves.add(move.describe(id -> byId.get(id).fullName()));
        }
        if (!moves.isEmpty()) {
            moves.add(0, "# Arrivées et départs en cours de séance :");
        }
        model.put("movements", moves);
        model.put("presentMembers", ordered.stream().filter(roll::isPresent).map(id -> byId.get(id).fullName()).toList());
        model.put("proxyLines", ordered.stream().filter(roll::isRepresented)
                .map(id -> byId.get(id).fullName() + " pouvoir à " + byId.get(roll.holderOf(id)).fullName()).toList());
        model.put("absentMembers", ordered.stream().filter(id -> !roll.isPresent(id) && !roll.isRepresented(id))
                .map(id -> byId.get(id).fullName()).toList());
        List<String> items = new ArrayList<>();
        List<String> adopted = new ArrayList<>();
        for (AgendaItem item : session.items()) {
            items.add("# n° " + item.position() + " – " + item.theme() + " – " + item.title() + " (" + item.reference()
                    + ") : subvention proposée de " + Money.format(item.amount()));
            if (item.withdrawn()) {
                items.add("Retiré par le demandeur avant le vote.");
                continue;
            }
            Roll itemRoll = attendance.rollOf(item);
            if (item.adjournedForLackOfQuorum()) {
                items.add("Ajourné faute de quorum : " + itemRoll.presentCount() + " membres présents pour "
                        + itemRoll.quorum() + " requis (article L2121-17 du CGCT)"
                        + (session.reconvenedAsId() == null ? "." : " ; reporté à la séance du "
                                + FrenchText.longDate(sessions.get(session.reconvenedAsId()).sessionDate()) + "."));
                continue;
            }
            if (item.decision() == VoteDecision.ADJOURNED) {
                items.add("Ajourné.");
                continue;
            }
            items.add("Présents : " + itemRoll.presentCount() + " – représentés : " + itemRoll.proxyCount()
                    + (item.withoutQuorum() ? " – délibéré sans condition de quorum (article L2121-17 du CGCT)." : "."));
            Tally tally = item.tally();
            items.add("Délibération n° " + item.deliberationNumber() + (item.secretBallot() ? " – scrutin secret" : ""));
            items.add((item.decision() == VoteDecision.ADOPTED ? "Adopté" : "Rejeté") + " : pour " + tally.forCount()
                    + ", contre " + tally.against() + ", abstention " + tally.abstention() + ", ne se prononce pas "
                    + tally.notVoting() + ", dont " + tally.proxies() + " procuration(s).");
            for (Choice choice : Choice.values()) {
                List<String> names = item.ballots().stream().filter(b -> b.choice() == choice)
                        .map(b -> byId.get(b.memberId()).fullName() + (b.byProxy() ? " (par procuration)" : "")).toList();
                if (!names.isEmpty() && choice != Choice.FOR) {
                    items.add(choiceLabel(choice) + " : " + String.join(", ", names) + ".");
                }
            }
            if (item.decision() == VoteDecision.ADOPTED) {
                adopted.add("n° " + item.deliberationNumber() + " – attribution d'une subvention de " + Money.format(item.grantedAmount()) + " – " + item.title() + " ("
                        + item.reference() + ")");
            }
        }
        model.put("items", items);
        model.put("adopted", adopted.isEmpty() ? List.of("Aucune délibération adoptée.") : adopted);
        byte[] content = render(DocumentKind.MINUTES, model);
        return documents.storeGenerated(null, sessionId, DocumentType.MINUTES,
                "proces-verbal-seance-" + session.sessionDate() + ".docx", DocumentKind.DOCX, content, null);
    }

    private static String choiceLabel(Choice choice) {
        return switch (choice) {
            case FOR -> "Pour";
            case AGAINST -> "Contre";
            case ABSTENTION -> "Abstention";
            case NOT_VOTING -> "Ne se prononce pas";
            case NOT_PARTICIPATING -> "Ne prend pas part au vote";
        };
    }

    /** The extract of the register for one voted item, filed with its request and its séance. */
    public RequestDocument extract(Long agendaItemId) {
        AgendaItem item = agenda.agendaItem(agendaItemId);
        AssemblySession session = item.session();
        SubsidyRequest request = requests.byId(item.requestId());
        byte[] content = render(DocumentKind.DELIBERATION_EXTRACT, extractModel(session, item, request));
        return documents.storeGenerated(request.id(), session.id(), DocumentType.DELIBERATION_EXTRACT,
                "extrait-deliberation-" + session.sessionDate() + "-" + request.reference() + ".docx", DocumentKind.DOCX,
                content, request.status().name());
    }

    Map<String, Object> extractModel(AssemblySession session, AgendaItem item, SubsidyRequest request) {
        Roll roll = attendance.rollOf(item);
        Map<Long, Member> byId = members.findAllById(roll.present().isEmpty() ? List.of() : allIds(session)).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        List<Long> ordered = new ArrayList<>(byId.keySet());
        ordered.sort(Comparator.naturalOrder());
        Tally tally = item.tally();
        // A secret ballot keeps no names: those standing aside are known from the register only
        List<Long> notParticipating = item.secretBallot() ? item.standingAside().keySet().stream().sorted().toList()
                : item.ballots().stream().filter(b -> b.choice() == Choice.NOT_PARTICIPATING).map(Ballot::memberId)
                        .sorted().toList();
        Map<String, Object> model = new HashMap<>();
        model.put("bodyLabel", session.body().label());
        model.put("deciding", session.body().deciding());
        model.put("sessionDate", FrenchText.longDate(session.sessionDate()));
        model.put("president", session.president().formalName());
        model.put("secretary", session.secretary().formalName());
        model.put("convocationSentOn", FrenchText.date(session.convocationSentOn()));
        model.put("members", String.valueOf(roll.membersInOffice()));
        model.put("quorumNote", item.withoutQuorum() ? quorumNotes(session) : List.of());
        model.put("inOffice", String.valueOf(roll.membersInOffice()));
        model.put("presentVoting", String.valueOf(ordered.stream()
                .filter(roll::isPresent).filter(id -> !notParticipating.contains(id)).count()));
        model.put("proxies", String.valueOf(roll.proxyCount()));
        model.put("presentMembers", ordered.stream().filter(roll::isPresent).map(id -> byId.get(id).fullName()).toList());
        model.put("absentMembers", ordered.stream().filter(id -> !roll.isPresent(id) && !roll.isRepresented(id))
                .map(id -> byId.get(id).fullName()).toList());
        model.put("proxyLines", ordered.stream().filter(roll::isRepresented)
                .map(id -> byId.get(id).fullName() + " pouvoir à " + byId.get(roll.holderOf(id)).fullName()).toList());
        List<String> aside = new ArrayList<>();
        Map<Long, String> reasons = item.standingAside();
        if (!notParticipating.isEmpty()) {
            aside.add("# Membres ne prenant pas part au vote :");
            for (Long id : notParticipating) {
                String reason = reasons.containsKey(id) ? " (" + reasons.get(id) + ")"
                        : roll.isRepresented(id) && reasons.containsKey(roll.holderOf(id))
                                ? " (pouvoir détenu par un membre ne prenant pas part au vote)" : "";
                aside.add(byId.get(id).fullName() + reason);
            }
        }
        model.put("notParticipating", aside);
        model.put("theme", item.theme());
        model.put("itemTitle", request.applicant().name() + " – " + request.title());
        model.put("report", paragraphs(request.report()));
        model.put("decisions", decisions(item, request, conventions.of(request.id()).isPresent()));
        model.put("for", String.valueOf(tally.forCount()));
        model.put("against", String.valueOf(tally.against()));
        model.put("abstention", String.valueOf(tally.abstention()));
        model.put("notVoting", String.valueOf(tally.notVoting()));
        model.put("proxyVotes", String.valueOf(tally.proxies()));
        return model;
    }

    /** What the records say of quorum when a séance lacked it: convened again, or deliberating without it. */
    private List<String> quorumNotes(AssemblySession session) {
        List<String> notes = new ArrayList<>();
        if (session.deliberatesWithoutQuorum()) {
            notes.add("Le quorum n'ayant pas été atteint à la séance du "
                    + FrenchText.longDate(sessions.get(session.reconvenedFromId()).sessionDate())
                    + ", l'assemblée a été convoquée à nouveau à trois jours au moins d'intervalle ; elle délibère "
                    + "valablement sans condition de quorum (article L2121-17 du CGCT).");
        }
        if (session.reconvenedAsId() != null) {
            notes.add("Le quorum n'étant pas atteint, l'assemblée est convoquée à nouveau pour la séance du "
                    + FrenchText.longDate(sessions.get(session.reconvenedAsId()).sessionDate())
                    + ", à trois jours au moins d'intervalle (article L2121-17 du CGCT).");
        }
        return notes;
    }

    private List<Long> allIds(AssemblySession session) {
        return session.attendance().stream().map(a -> a.memberId()).toList();
    }

    /** A grant the convention rules left without a convention (optional, and not drawn up) names none. */
    private static List<String> decisions(AgendaItem item, SubsidyRequest request, boolean withConvention) {
        String amount = Money.format(item.decision() == VoteDecision.ADOPTED ? item.grantedAmount() : item.amount());
        if (item.decision() == VoteDecision.ADOPTED) {
            return List.of(
                    "- d’attribuer une subvention de " + amount + " à " + request.applicant().name()
                            + (withConvention ? " selon les conditions spécifiées dans la convention jointe ;" : " ;"),
                    "- d’autoriser Monsieur le Président à signer toutes pièces nécessaires à la bonne administration de ce dossier ;",
                    "- de dire que les crédits seront prélevés sur le budget de l’exercice " + request.fiscalYear() + ".");
        }
        return List.of("- de ne pas attribuer la subvention de " + amount + " proposée à " + request.applicant().name() + ".");
    }

    private static List<String> agenda(List<AgendaItem> items) {
        Map<String, List<AgendaItem>> byTheme = new TreeMap<>();
        for (AgendaItem item : items) {
            byTheme.computeIfAbsent(item.theme(), t -> new ArrayList<>()).add(item);
        }
        List<String> lines = new ArrayList<>();
        byTheme.forEach((theme, themed) -> {
            lines.add("# " + theme);
            for (AgendaItem item : themed) {
                lines.add("n° " + item.position() + " – " + item.title() + " (" + item.reference() + ") : subvention proposée de "
                        + Money.format(item.amount()));
            }
        });
        return lines;
    }

    private Map<String, Object> requestModel(DocumentKind kind, SubsidyRequest request) {
        Map<String, Object> model = common(request);
        switch (kind) {
            case MISSING_ITEMS_REQUEST -> {
                model.put("missingItems", request.missingItems().stream().map(i -> "– " + i).toList());
                model.put("comment", request.completenessComment() == null ? "" : request.completenessComment());
                model.put("deadline", request.missingItemsDue() == null ? "" : FrenchText.longDate(request.missingItemsDue()));
            }
            case INSTRUCTION_REPORT -> {
                model.put("opinion", request.opinion() == Opinion.FAVORABLE ? "favorable" : "défavorable");
                model.put("proposedAmount", request.proposedAmount() == null ? "—" : Money.format(request.proposedAmount()));
                List<Map<String, String>> financing = new ArrayList<>();
                financing.add(Map.of("funder", "Dijon Métropole (montant sollicité)",
                        "amount", Money.format(request.requestedAmount())));
                for (Cofinancing c : request.cofinancing()) {
                    financing.add(Map.of("funder", c.funder(), "amount", Money.format(c.amount())));
                }
                model.put("financing", financing);
                model.put("lines", budget.reservationsOf(request.id()).stream().filter(Reservation::active)
                        .map(r -> Map.of("code", r.line().code(), "label", r.line().label(), "amount", Money.format(r.amount())))
                        .toList());
                model.put("report", paragraphs(request.report()));
                StageEvent instructed = lastEvent(request, "Avis");
                model.put("officer", instructed == null ? "" : instructed.actor());
                model.put("instructedOn", instructed == null ? "" : FrenchText.date(date(instructed)));
            }
            case CONVENTION -> conventionModel(request, model);
            default -> {
            }
        }
        return model;
    }

    private void conventionModel(SubsidyRequest request, Map<String, Object> model) {
        model.put("framework", frameworks.of(request.id()).map(f -> List.of("La présente convention annuelle est conclue en "
                + "application de la convention pluriannuelle d'objectifs n° " + f.reference() + " (" + f.period()
                + "), « " + f.object() + " », signée le " + FrenchText.date(f.signedOn()) + " ; elle fixe la subvention "
                + "de l'exercice " + request.fiscalYear() + ".")).orElse(List.of()));
        Optional<AgendaItem> decision = agenda.decisionOn(request.id());
        model.put("president", decision.map(i -> i.session().president().fullName()).orElse(""));
        model.put("bodyLabel", decision.map(i -> i.session().body().label()).orElse(""));
        model.put("decisionDate", decision.map(i -> FrenchText.longDate(i.session().sessionDate())).orElse(""));
        // the schedule finance then pays, drawn up when the convention was drafted (PaymentSchedules)
        PaymentSchedule schedule = schedules.drawUp(request.id());
        BigDecimal granted = schedule.granted();
        model.put("grantedAmount", Money.format(granted));
        model.put("grantedAmountInWords", FrenchText.amountInWords(granted));
        model.put("budgetLines", budget.reservationsOf(request.id()).stream()
                .map(r -> "ligne " + r.line().code() + " (" + Money.format(r.amount()) + ")").collect(Collectors.joining(", ")));
        model.put("paymentTerms", conventionPaymentTerms(schedule));
        String reportDue = FrenchText.date(schedule.reportDueOn());
        List<String> obligations = new ArrayList<>();
        obligations.add("– réaliser l'action décrite à l'article 1 et informer sans délai Dijon Métropole de toute modification ;");
        obligations.add("– fournir, dans les six mois suivant la fin de l'exercice " + request.fiscalYear() + ", soit au plus "
                + "tard le " + reportDue + ", le compte rendu financier de l'action (formulaire CERFA n° 15059), "
                + "conformément à l'article 10 de la loi n° 2000-321 du 12 avril 2000 ;");
        if (request.applicant().legalForm().signsRepublicanCommitment()) {
            obligations.add("– respecter le Contrat d'Engagement Républicain souscrit lors de la demande (article 10-1 de la loi "
                    + "n° 2000-321 du 12 avril 2000, décret n° 2021-1947 du 31 décembre 2021) ;");
        }
        obligations.add("– mentionner le soutien de Dijon Métropole dans toute communication relative à l'action ;");
        obligations.add("– permettre à Dijon Métropole de contrôler l'emploi de la subvention sur pièces et sur place.");
        model.put("obligations", obligations);
        model.put("endDate", reportDue);
        Optional<Convention> convention = conventions.of(request.id());
        model.put("beneficiarySignedOn", convention.map(Convention::beneficiarySignedOn).map(FrenchText::date).orElse(""));
        model.put("presidentSignedOn", convention.map(Convention::presidentSignedOn).map(FrenchText::date).orElse(""));
    }

    private Map<String, Object> notification(SubsidyRequest request) {
        Map<String, Object> model = common(request);
        Optional<AgendaItem> decision = agenda.decisionOn(request.id());
        model.put("president", decision.map(i -> i.session().president().fullName()).orElse("Le Président"));
        model.put("bodyLabel", decision.map(i -> i.session().body().label()).orElse(""));
        model.put("decisionDate", decision.map(i -> FrenchText.longDate(i.session().sessionDate())).orElse(""));
        if (notificationKind(request) == DocumentKind.NOTIFICATION_GRANTED) {
            model.put("grantedAmount", Money.format(request.grantedAmount()));
            model.put("grantedAmountInWords", FrenchText.amountInWords(request.grantedAmount()));
            Optional<Convention> convention = conventions.of(request.id());
            model.put("conventionSignedOn", convention.map(Convention::presidentSignedOn).map(FrenchText::date).orElse(""));
            PaymentSchedule schedule = schedules.drawUp(request.id());
            model.put("conventionTerms", convention.map(c -> "Les conditions d'utilisation et de versement de cette "
                    + "subvention sont fixées par la convention signée le "
                    + (c.presidentSignedOn() == null ? "" : FrenchText.date(c.presidentSignedOn()))
                    + ", disponible dans votre espace.")
                    .orElse("Cette subvention n'a pas donné lieu à une convention : elle vous est versée "
                            + paymentsWithoutConvention(schedule) + ", et doit être employée à l'action décrite dans "
                            + "votre demande."));
            model.put("engagements", budget.commitmentsOf(request.id()).stream().map(Commitment::engagementNumber)
                    .collect(Collectors.joining(", ")));
            model.put("reportDue", FrenchText.date(schedule.reportDueOn()));
        } else {
            Optional<Convention> lapsed = conventions.of(request.id()).filter(c -> c.lapsedOn() != null);
            model.put("reason", lapsed.isPresent()
                    ? "la convention qui vous a été adressée le " + FrenchText.date(lapsed.get().draftedOn()) + " n'a pas "
                            + "été signée avant le " + FrenchText.date(lapsed.get().validUntil()) + " : la subvention de "
                            + Money.format(lapsed.get().amount()) + " qui vous avait été attribuée est caduque et les "
                            + "crédits correspondants sont libérés."
                    : decision.isPresent()
                    ? "la proposition d'attribution a été rejetée par le " + decision.get().session().body().label()
                            + " lors de sa séance du " + FrenchText.longDate(decision.get().session().sessionDate()) + "."
                    : "le service instructeur a émis un avis défavorable sur votre demande au regard des critères "
                            + "d'intervention de Dijon Métropole.");
        }
        return model;
    }

    /**
     * Article 4 of the convention, written from the schedule the payment process follows: each payment's amount and
     * share of the grant, when it is paid, and the balance's condition, the compte rendu financier due by its date.
     */
    static String conventionPaymentTerms(PaymentSchedule schedule) {
        List<Payment> payments = schedule.payments();
        if (payments.size() == 1) {
            return "La subvention, soit " + Money.format(payments.get(0).amount()) + ", est versée en une seule fois, "
                    + "après signature de la présente convention par les deux parties, par virement sur le compte "
                    + "bancaire du bénéficiaire.";
        }
        StringBuilder terms = new StringBuilder("La subvention est versée en " + FrenchText.words(payments.size())
                + " fois, par virement sur le compte bancaire du bénéficiaire :");
        for (int i = 0; i < payments.size(); i++) {
            Payment payment = payments.get(i);
            terms.append("\n– ").append(payment.kind() == PaymentKind.BALANCE ? "le solde de " : "une avance de ")
                    .append(Money.format(payment.amount())).append(", soit ").append(percent(schedule.share(payment)))
                    .append(" de la subvention, ").append(payment.kind() == PaymentKind.BALANCE
                            ? "à réception du compte rendu financier de l'action (formulaire CERFA n° 15059), à remettre "
                                    + "au plus tard le " + FrenchText.date(schedule.reportDueOn()) + " (article 10 de la "
                                    + "loi n° 2000-321 du 12 avril 2000)"
                            : "après signature de la présente convention par les deux parties")
                    .append(i == payments.size() - 1 ? "." : " ;");
        }
        return terms.toString();
    }

    /**
     * How a grant without convention is paid, from its schedule: "en une seule fois, par virement sur votre compte
     * bancaire", or its advance at the commitment of the credits and its balance after the compte rendu financier.
     */
    static String paymentsWithoutConvention(PaymentSchedule schedule) {
        List<Payment> payments = schedule.payments();
        if (payments.size() == 1) {
            return "en une seule fois, par virement sur votre compte bancaire";
        }
        List<String> each = new ArrayList<>();
        for (Payment payment : payments) {
            each.add(payment.kind() == PaymentKind.BALANCE
                    ? "le solde de " + Money.format(payment.amount()) + " (" + percent(schedule.share(payment))
                            + " de la subvention) à réception du compte rendu financier de l'action, à remettre au plus "
                            + "tard le " + FrenchText.date(schedule.reportDueOn())
                    : "une avance de " + Money.format(payment.amount()) + " (" + percent(schedule.share(payment))
                            + " de la subvention) à l'engagement des crédits");
        }
        return "en " + FrenchText.words(payments.size()) + " fois, par virement sur votre compte bancaire : "
                + String.join(", puis ", each);
    }

    /** A fraction as a French percentage, to the hundredth of a percent: 0.5 is "50 %", 0.125 "12,5 %". */
    static String percent(BigDecimal fraction) {
        BigDecimal percent = fraction.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return percent.toPlainString().replace('.', ',') + "\u00a0%";
    }

    private static DocumentKind notificationKind(SubsidyRequest request) {
        return request.outcome() == fr.subventions.submission.Outcome.GRANTED ? DocumentKind.NOTIFICATION_GRANTED
                : DocumentKind.NOTIFICATION_REJECTED;
    }

    private Map<String, Object> common(SubsidyRequest request) {
        Applicant a = request.applicant();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reference", request.reference());
        model.put("today", FrenchText.longDate(LocalDate.now(clock)));
        model.put("applicantName", a.name());
        model.put("representative", a.representative());
        model.put("applicantAddress", a.address());
        model.put("legalForm", a.legalForm().label());
        model.put("siret", a.siret());
        model.put("rna", a.rna() == null ? "" : ", RNA " + a.rna());
        model.put("title", request.title());
        model.put("theme", request.theme());
        model.put("fiscalYear", String.valueOf(request.fiscalYear()));
        model.put("requestedAmount", Money.format(request.requestedAmount()));
        model.put("totalBudget", Money.format(request.totalBudget()));
        model.put("submittedOn", FrenchText.longDate(LocalDate.ofInstant(request.submittedAt(), zone())));
        return model;
    }

    private byte[] render(DocumentKind kind, Map<String, Object> model) {
        return DocxTemplate.render(kind.template(), templates.source(kind), model);
    }

    /** The report's paragraphs, as the officer typed them (one per line, blank lines dropped). */
    /** The report's paragraphs as the extract and the instruction report lay them out: one a line, blank lines dropped. */
    public static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return List.of(text.split("\\R")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static StageEvent lastEvent(SubsidyRequest request, String prefix) {
        StageEvent found = null;
        for (StageEvent event : request.history()) {
            if (event.result().startsWith(prefix)) {
                found = event;
            }
        }
        return found;
    }

    private LocalDate date(StageEvent event) {
        return LocalDate.ofInstant(event.at(), zone());
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
