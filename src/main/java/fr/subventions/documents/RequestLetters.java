package fr.subventions.documents;

import fr.subventions.budget.BudgetService;
import fr.subventions.budget.Reservation;
import fr.subventions.consultation.OpinionService;
import fr.subventions.consultation.OpinionStatus;
import fr.subventions.consultation.OpinionView;
import fr.subventions.instruction.ReportParagraphs;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.submission.Cofinancing;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.Opinion;
import fr.subventions.submission.StageEvent;
import fr.subventions.submission.SubsidyRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The models of the documents of a request's first stages, and of its reminders: built from the request. */
@Component
class RequestLetters {

    record Acknowledgement(RequestFacts request) implements DocumentModel {
        @Override
        public DocumentType type() {
            return DocumentType.ACKNOWLEDGEMENT;
        }
    }

    record MissingItemsRequest(RequestFacts request, List<String> missingItems, String comment, String deadline)
            implements DocumentModel {
        @Override
        public DocumentType type() {
            return DocumentType.MISSING_ITEMS_REQUEST;
        }
    }

    /**
     * The instruction report; with the opinions asked of other services ({@code consultation}) as they stand when it
     * is produced: a sentence counting them, a row each (asked of, by whom and when, deadline, state, verdict) and a
     * paragraph per opinion given. A confidential opinion keeps its verdict and its text to the dossier page: the
     * report, an internal document, is read by all staff.
     */
    record InstructionReport(RequestFacts request, String opinion, String proposedAmount,
            List<Map<String, String>> financing, List<Map<String, String>> lines, List<String> report, String officer,
            String instructedOn, String opinionsSummary, List<Map<String, String>> opinions, List<String> opinionTexts)
            implements DocumentModel {
        @Override
        public DocumentType type() {
            return DocumentType.INSTRUCTION_REPORT;
        }
    }

    record Reminder(RequestFacts request, String subject, List<String> paragraphs) implements DocumentModel {
        @Override
        public DocumentType type() {
            return DocumentType.REMINDER;
        }
    }

    private final BudgetService budget;
    private final OpinionService opinions;
    private final Phrases phrases;
    private final Authority authority;
    private final Clock clock;

    RequestLetters(BudgetService budget, OpinionService opinions, Phrases phrases, Authority authority, Clock clock) {
        this.budget = budget;
        this.opinions = opinions;
        this.phrases = phrases;
        this.authority = authority;
        this.clock = clock;
    }

    RequestFacts facts(SubsidyRequest request) {
        return RequestFacts.of(request, clock, phrases);
    }

    Acknowledgement acknowledgement(SubsidyRequest request) {
        return new Acknowledgement(facts(request));
    }

    MissingItemsRequest missingItemsRequest(SubsidyRequest request) {
        return new MissingItemsRequest(facts(request),
                request.missingItems().stream().map(item -> phrases.get("request.listItem", "item", item)).toList(),
                request.completenessComment() == null ? "" : request.completenessComment(),
                request.missingItemsDue() == null ? "" : FrenchText.longDate(request.missingItemsDue()));
    }

    InstructionReport instructionReport(SubsidyRequest request) {
        List<Map<String, String>> financing = new ArrayList<>();
        financing.add(Map.of("funder", phrases.get("instruction.requestedFromAuthority", "authorityName", authority.name()),
                "amount", Money.format(request.requestedAmount())));
        for (Cofinancing c : request.cofinancing()) {
            financing.add(Map.of("funder", c.funder(), "amount", Money.format(c.amount())));
        }
        StageEvent instructed = lastEvent(request, "Avis");
        List<OpinionView> asked = opinions.ofRequest(request.id()).stream()
                .filter(o -> o.state() != OpinionStatus.WITHDRAWN).toList();
        return new InstructionReport(facts(request),
                phrases.get(request.opinion() == Opinion.FAVORABLE ? "instruction.opinion.favorable"
                        : "instruction.opinion.unfavorable"),
                request.proposedAmount() == null ? phrases.get("instruction.noProposedAmount")
                        : Money.format(request.proposedAmount()),
                financing,
                budget.reservationsOf(request.id()).stream().filter(Reservation::active)
                        .map(r -> Map.of("code", r.line().code(), "label", r.line().label(), "amount",
                                Money.format(r.amount())))
                        .toList(),
                ReportParagraphs.of(request.report()),
                instructed == null ? "" : instructed.actor(),
                instructed == null ? "" : FrenchText.date(LocalDate.ofInstant(instructed.at(), clock.getZone())),
                opinionsSummary(asked), asked.stream().map(this::opinionRow).toList(),
                asked.stream().filter(o -> o.state() == OpinionStatus.GIVEN).map(this::opinionText).toList());
    }

    /** "3 avis demandés : 2 donnés, 1 manquant.", or that none was asked. */
    private String opinionsSummary(List<OpinionView> asked) {
        if (asked.isEmpty()) {
            return phrases.get("instruction.opinions.none");
        }
        long given = asked.stream().filter(o -> o.state() == OpinionStatus.GIVEN).count();
        return phrases.get("instruction.opinions.summary", "asked", asked.size(), "given", given, "missing",
                asked.size() - given);
    }

    private Map<String, String> opinionRow(OpinionView o) {
        String state = switch (o.state()) {
            case GIVEN -> phrases.get(o.givenLate() ? "instruction.opinions.givenLate" : "instruction.opinions.given",
                    "givenOn", day(o.givenAt()), "givenBy", o.givenByName());
            case LATE -> phrases.get("instruction.opinions.late", "dueOn", FrenchText.date(o.dueOn()));
            default -> phrases.get("instruction.opinions.pending", "dueOn", FrenchText.date(o.dueOn()));
        };
        String verdict = o.verdict() == null ? "—"
                : o.confidential() ? phrases.get("instruction.opinions.confidentialVerdict") : o.verdictLabel();
        return Map.of("askedOf", o.askedOf().label(), "askedBy", phrases.get("instruction.opinions.askedBy", "askedBy",
                o.askedByName(), "askedOn", day(o.askedAt())), "dueOn", FrenchText.date(o.dueOn()), "state", state,
                "verdict", verdict);
    }

    /** An opinion given, as the report quotes it; a confidential one says only where it is read. */
    private String opinionText(OpinionView o) {
        if (o.confidential()) {
            return phrases.get("instruction.opinions.confidentialText", "askedOf", o.askedOf().label(), "givenBy",
                    o.givenByName(), "givenOn", day(o.givenAt()));
        }
        return phrases.get("instruction.opinions.text", "askedOf", o.askedOf().label(), "verdict", o.verdictLabel(),
                "givenBy", o.givenByName(), "givenOn", day(o.givenAt()), "text", o.text());
    }

    private String day(Instant at) {
        return FrenchText.date(LocalDate.ofInstant(at, clock.getZone()));
    }

    Reminder reminder(SubsidyRequest request, String subject, List<String> paragraphs) {
        return new Reminder(facts(request), subject, paragraphs);
    }

    /** The request's last step whose result starts so: « Avis … » is the instruction's opinion. */
    private static StageEvent lastEvent(SubsidyRequest request, String prefix) {
        StageEvent found = null;
        for (StageEvent event : request.history()) {
            if (event.result().startsWith(prefix)) {
                found = event;
            }
        }
        return found;
    }
}
