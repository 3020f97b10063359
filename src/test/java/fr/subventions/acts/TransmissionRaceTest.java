package fr.subventions.acts;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AgendaItem;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.convention.ConventionService;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.TestPrefecture;
import fr.subventions.workflow.DocumentProductionProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deliberation approving a convention is sent once both its signed extract and the convention are filed, each by a
 * document job of its own: when the two jobs end at the same moment, the second still sees the first's document and
 * sends the act, once. The two transactions are the register's own, run in two threads on the real database.
 */
@ApplicationTest
class TransmissionRaceTest {

    static final String LINE = "2026-65-65748-90-DEVECO";

    @Autowired
    Scenarios scenarios;
    @Autowired
    Attendance attendance;
    @Autowired
    Voting voting;
    @Autowired
    Agenda agenda;
    @Autowired
    ActRegister register;
    @Autowired
    DocumentService documents;
    @Autowired
    ConventionService conventions;
    @Autowired
    TransmissionSettings settings;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theExtractAndTheConventionFiledAtTheSameMomentTheActIsSentOnce() throws Exception {
        SubsidyRequest request = scenarios.instructedRequest(2026, LINE, 20000);
        AssemblySession session = scenarios.convenedSession(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 8),
                List.of(request.reference()));
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        voting.vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat");
        assertThat(conventions.of(request.id())).as("a grant with a convention, its annex").isPresent();
        // the two documents are filed here, by the two transactions below, not by the jobs the vote ordered
        withdrawProductions(request.reference());
        withdrawProductions(SessionService.businessKey(session.id()));
        AgendaItem item = agenda.decisionOn(request.id()).orElseThrow();
        byte[] pdf = fixture();

        CountDownLatch deliberationRecorded = new CountDownLatch(1);
        CountDownLatch conventionDone = new CountDownLatch(1);
        // the extract's job: the deliberation recorded and signed, then its transaction held open a moment
        CompletableFuture<Boolean> extract = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            RequestDocument signed = documents.storeGenerated(request.id(), session.id(),
                    DocumentType.DELIBERATION_EXTRACT, "extrait.pdf", DocumentType.PDF, pdf, request.status().name());
            register.deliberationSigned(item.id(), signed.id(), "Attribution d'une subvention");
            deliberationRecorded.countDown();
            try {
                // long enough for the convention's transaction to end, were it not held until this one commits
                return conventionDone.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        // the convention's job, filing it while the extract's transaction is still open
        CompletableFuture<Void> convention = CompletableFuture.runAsync(() -> {
            try {
                deliberationRecorded.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            transactions.executeWithoutResult(status -> {
                documents.storeGenerated(request.id(), null, DocumentType.CONVENTION, "convention.pdf",
                        DocumentType.PDF, pdf, request.status().name());
                register.conventionFiled(request.id());
            });
            conventionDone.countDown();
        });

        boolean conventionEndedFirst = extract.get(30, TimeUnit.SECONDS);
        convention.get(30, TimeUnit.SECONDS);
        Act act = register.deliberationOf(request.id()).orElseThrow();
        assertThat(act.state()).as("sent by the second of the two").isEqualTo(ActState.TRANSMITTED);
        assertThat(conventionEndedFirst).as("the convention's transaction waited for the extract's to end").isFalse();
        try (Stream<Path> outbox = Files.list(settings.outbox())) {
            assertThat(outbox.filter(file -> holds(file, act.number()))).as("one package in the outbox").hasSize(1);
        }
    }

    private void withdrawProductions(String businessKey) {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .processDefinitionKey(DocumentProductionProcess.KEY).list()
                .forEach(production -> runtime.deleteProcessInstance(production.getId(),
                        "test: the documents are filed by the test's own transactions"));
    }

    /** Whether the file is a package carrying the act's message. */
    private static boolean holds(Path file, String number) {
        try {
            return file.getFileName().toString().endsWith(".tar.gz") && TestPrefecture.names(Files.readAllBytes(file))
                    .stream().anyMatch(name -> name.contains("-" + number + "-") && name.endsWith("_0.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] fixture() throws Exception {
        try (InputStream in = TransmissionRaceTest.class.getResourceAsStream("/signature/extrait-test.pdf")) {
            return in.readAllBytes();
        }
    }
}
