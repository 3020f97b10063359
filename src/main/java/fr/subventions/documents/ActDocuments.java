package fr.subventions.documents;

import fr.subventions.acts.Act;
import fr.subventions.acts.ActRegister;
import fr.subventions.bureau.AgendaItem;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.VoteDecision;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The models of the documents that make the acts public and executory — the list of a séance's deliberations
 * (L2121-25), the certificate of a deliberation's executory character (L2131-1) —, and each act's object as the
 * register of acts and the @CTES message give it.
 */
@Component
class ActDocuments {

    record DeliberationList(String bodyLabel, String sessionDate, String president, String secretary,
            List<Map<String, String>> items, List<String> notes, String presidentName, String secretaryName)
            implements DocumentModel {
        @Override
        public DocumentType type() {
            return DocumentType.DELIBERATION_LIST;
        }
    }

    record ExecutoryCertificate(RequestFacts request, String president, String bodyLabel, String number,
            String decisionDate, String object, String transmittedOn, String receivedOn, String idActe,
            String publishedOn, String executoryOn) implements DocumentModel {
        @Override
        public DocumentType type() {
            return DocumentType.EXECUTORY_CERTIFICATE;
        }
    }

    private final ActRegister register;
    private final Phrases phrases;
    private final Clock clock;

    ActDocuments(ActRegister register, Phrases phrases, Clock clock) {
        this.register = register;
        this.phrases = phrases;
        this.clock = clock;
    }

    /** The object of a voted item's deliberation: a grant or a refusal, its amount, its beneficiary, its action. */
    String object(AgendaItem item, SubsidyRequest request) {
        boolean adopted = item.decision() == VoteDecision.ADOPTED;
        return phrases.get(adopted ? "act.object" : "act.objectRefused", "amount",
                Money.format(adopted ? item.grantedAmount() : item.amount()), "applicantName",
                request.applicant().name(), "title", request.title());
    }

    String listObject(AssemblySession session) {
        return phrases.get("act.listObject", "bodyLabel", session.body().label(), "sessionDate",
                FrenchText.longDate(session.sessionDate()));
    }

    /**
     * The list's number, unique per séance (two séances of a body may sit the same day) and at most 15 of
     * {@code [0-9A-Z_]}, as @CTES numbers are: the body's initial, the séance's date, « _L » and the séance's id
     * ({@code B20230914_L12}), or « LISTE_ » and the id once that would be too long.
     */
    static String listNumber(AssemblySession session) {
        String number = session.body().name().charAt(0) + session.sessionDate().toString().replace("-", "") + "_L"
                + session.id();
        return number.length() <= 15 ? number : "LISTE_" + session.id();
    }

    /** Every item the séance deliberated on, in agenda order, with its decision; withdrawn or adjourned ones say so. */
    DeliberationList list(AssemblySession session, Map<Long, SubsidyRequest> requests) {
        List<Map<String, String>> items = new ArrayList<>();
        for (AgendaItem item : session.items()) {
            if (item.withdrawn() || item.adjournedForLackOfQuorum() || item.decision() == null
                    || item.decision() == VoteDecision.ADJOURNED) {
                continue;
            }
            items.add(Map.of("number", item.deliberationNumber(), "object", object(item, requests.get(item.requestId())),
                    "outcome", item.decision().label()));
        }
        List<String> notes = items.isEmpty() ? List.of(phrases.get("list.noItem")) : List.of();
        return new DeliberationList(session.body().label(), FrenchText.longDate(session.sessionDate()),
                session.president().formalName(), session.secretary().formalName(), items, notes,
                session.president().fullName(), session.secretary().fullName());
    }

    /** The President certifies the deliberation executory: its transmission, receipt and publication dates. */
    ExecutoryCertificate certificate(SubsidyRequest request, AssemblySession session) {
        Act act = register.deliberationOf(request.id())
                .filter(a -> a.executoryOn() != null)
                .orElseThrow(() -> new IllegalStateException("the deliberation of " + request.reference()
                        + " is not executory: no certificate"));
        return new ExecutoryCertificate(RequestFacts.of(request, clock, phrases), session.president().formalName(),
                act.assembly(), act.number(), FrenchText.longDate(act.decidedOn()), act.object(),
                act.transmittedAt() == null ? "" : FrenchText.longDate(LocalDate.ofInstant(act.transmittedAt(), clock.getZone())),
                FrenchText.longDate(act.receivedOn()), act.idActe(), FrenchText.longDate(act.publishedOn()),
                FrenchText.longDate(act.executoryOn()));
    }
}
