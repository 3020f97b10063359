package fr.subventions.support;

import fr.subventions.acts.Act;
import fr.subventions.acts.ActRegister;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AgendaItem;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.workflow.DocumentProductionProcess;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;

/**
 * A deliberation's way to its executory character (CGCT L2131-1) where the job executor produces the documents in the
 * background, as in the MariaDB integration tests: waits for the act to be signed and sent to the prefecture (its
 * extract, and the convention it annexes, produced), then the prefecture acknowledges it ({@link TestPrefecture}, through
 * the inbox folder) and the séance's acts are published. {@link Scenarios#makeExecutory} does the same where the tests
 * run the jobs themselves.
 */
@Component
public class ActsInBackground {

    /** How long the job executor may go without ending a document production before a wait fails. */
    static final Duration STALLED = Duration.ofSeconds(90);

    private final ActRegister acts;
    private final SubsidyRequestService requests;
    private final Agenda agenda;
    private final TestPrefecture prefecture;
    private final HistoryService history;
    private final Clock clock;

    ActsInBackground(ActRegister acts, SubsidyRequestService requests, Agenda agenda, TestPrefecture prefecture,
            HistoryService history, Clock clock) {
        this.history = history;
        this.acts = acts;
        this.requests = requests;
        this.agenda = agenda;
        this.prefecture = prefecture;
        this.clock = clock;
    }

    /** The request's deliberation once its package is in the outbox. */
    public Act sent(String reference) throws InterruptedException {
        Long id = requests.byReference(reference).id();
        whileProducing("the deliberation of " + reference + " signed and sent to the prefecture", () -> acts
                .deliberationOf(id).map(Act::transmittedAt).isPresent());
        return acts.deliberationOf(id).orElseThrow();
    }

    /**
     * Waits for what the documents' production leads to, however many documents are in the queue before, as long as
     * the job executor goes on producing them: fails once none has ended for {@link #STALLED}.
     */
    public void whileProducing(String what, BooleanSupplier done) throws InterruptedException {
        long ended = productionsEnded();
        long progressAt = System.nanoTime();
        while (!done.getAsBoolean()) {
            long now = productionsEnded();
            if (now != ended) {
                ended = now;
                progressAt = System.nanoTime();
            } else if (System.nanoTime() - progressAt > STALLED.toNanos()) {
                throw new AssertionError("still waiting, no document produced for " + STALLED.toSeconds() + " s: " + what);
            }
            Thread.sleep(500);
        }
    }

    private long productionsEnded() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(DocumentProductionProcess.KEY)
                .finished().count();
    }

    /** Once sent, the prefecture receives the act on that day: its ARActe left in the inbox and read. */
    public Act acknowledged(String reference, LocalDate receivedOn) throws InterruptedException {
        Act act = sent(reference);
        if (act.acknowledgedAt() == null) {
            prefecture.acknowledge(act.number(), receivedOn);
        }
        return acts.byNumber(act.number());
    }

    /**
     * The séance's signed acts published once each of its adopted deliberations has been sent: a job sending one at
     * that moment would race the publication for the act's row, and one of the two would fail (a deadlock on MariaDB).
     */
    public void publishOnceSent(Long session) throws InterruptedException {
        for (Long itemId : agenda.agendaItemIds(session)) {
            AgendaItem item = agenda.agendaItem(itemId);
            if (item.decision() == VoteDecision.ADOPTED) {
                whileProducing("the deliberation of " + item.reference() + " sent to the prefecture", () -> acts
                        .deliberationOf(item.requestId()).map(Act::transmittedAt).isPresent());
            }
        }
        acts.publishSession(session);
    }

    /**
     * Sent, received by the prefecture today, the séance's acts published: executory today, the request's process gone on
     * to the signatures (or the commitment). Answers the act.
     */
    public Act makeExecutory(String reference) throws InterruptedException {
        Act act = acknowledged(reference, LocalDate.now(clock));
        Long session = agenda.decidingSession(act.requestId())
                .orElseThrow(() -> new AssertionError(reference + " was not voted in a séance"));
        publishOnceSent(session);
        Act published = acts.byNumber(act.number());
        if (requests.byReference(reference).executoryOn() == null) {
            throw new AssertionError("the deliberation of " + reference + " is not executory once published: "
                    + published.state());
        }
        return published;
    }
}
