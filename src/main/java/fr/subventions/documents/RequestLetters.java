package fr.subventions.documents;

import fr.subventions.budget.BudgetService;
import fr.subventions.budget.Reservation;
import fr.subventions.instruction.ReportParagraphs;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.submission.Cofinancing;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.Opinion;
import fr.subventions.submission.StageEvent;
import fr.subventions.submission.SubsidyRequest;
import java.time.Clock;
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

    record InstructionReport(RequestFacts request, String opinion, String proposedAmount,
            List<Map<String, String>> financing, List<Map<String, String>> lines, List<String> report, String officer,
            String instructedOn) implements DocumentModel {
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
    private final Phrases phrases;
    private final Authority authority;
    private final Clock clock;

    RequestLetters(BudgetService budget, Phrases phrases, Authority authority, Clock clock) {
        this.budget = budget;
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
                instructed == null ? "" : FrenchText.date(LocalDate.ofInstant(instructed.at(), clock.getZone())));
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
