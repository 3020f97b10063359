package fr.subventions.documents;

import fr.subventions.SubventionsApplication;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.TestClockConfiguration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Milliseconds to turn the seed case's extract of the register (its 25 present members, 15 proxies) into PDF/A-2b,
 * not a test: {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=fr.subventions.documents.PdfRenditionBenchmark}. It boots the application on an in-memory H2,
 * produces the extract through the real process, then converts its .docx again and again with the application's
 * {@link PdfRenditions} (one LibreOffice process, the default): the first conversion, which starts LibreOffice, then
 * 20 after a warm-up; and the whole extract produced and filed, .docx and PDF/A, for comparison.
 */
public final class PdfRenditionBenchmark {

    private static final int WARM_UP = 5;
    private static final int RUNS = 20;

    private PdfRenditionBenchmark() {
    }

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SubventionsApplication.class,
                TestClockConfiguration.class).profiles("demo", "test")
                .properties("server.port=0", "spring.datasource.url=jdbc:h2:mem:pdf-benchmark;DB_CLOSE_DELAY=-1",
                        "subventions.documents.template-dir=target/benchmark-templates", "logging.level.root=warn")
                .run(args)) {
            run(context);
        }
    }

    private static void run(ConfigurableApplicationContext context) {
        BpmnAwareTests.init(context.getBean(ProcessEngine.class));
        Scenarios scenarios = context.getBean(Scenarios.class);
        DocumentService documents = context.getBean(DocumentService.class);
        DocumentGenerator generator = context.getBean(DocumentGenerator.class);
        PdfRenditions renditions = context.getBean(PdfRenditions.class);

        SubsidyRequest request = scenarios.instructedRequest(2024, "2024-65-65748-90-DEVECO");
        AssemblySession session = scenarios.convenedSession(LocalDate.of(2024, 9, 9), LocalDate.of(2024, 9, 19),
                List.of(request.reference()));
        context.getBean(Attendance.class).recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        context.getBean(Voting.class).vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat");
        scenarios.fileDocumentsOf(SessionService.businessKey(session.id()));
        RequestDocument extract = documents.listForSession(session.id()).stream()
                .filter(d -> d.type() == DocumentType.DELIBERATION_EXTRACT && DocumentType.DOCX.equals(d.mediaType()))
                .findFirst().orElseThrow();
        byte[] docx = documents.withContent(extract.id()).orElseThrow().content();
        Long item = context.getBean(Agenda.class).agendaItemIds(session.id()).get(0);

        System.out.printf("%nThe seed extract (%d bytes of .docx) to PDF/A-2b, %d runs after %d to warm up (%d cores)%n",
                docx.length, RUNS, WARM_UP, Runtime.getRuntime().availableProcessors());
        // a pool of its own, so that its first conversion starts LibreOffice as the application's first document does
        PdfRenditions cold = new PdfRenditions(context.getBean(PdfSettings.class));
        long start = System.nanoTime();
        cold.toPdfA(docx);
        System.out.printf("%-52s %10.1f%n", "first conversion, LibreOffice starting (ms)", (System.nanoTime() - start)
                / 1_000_000.0);
        cold.destroy();
        System.out.printf("%-52s %10s %10s %10s%n", "", "mean ms", "p50 ms", "p95 ms");
        time("PdfRenditions.toPdfA (LibreOffice running)", () -> renditions.toPdfA(docx));
        time("DocumentGenerator.extract (.docx + PDF/A, filed)", () -> generator.extract(item));
    }

    private static void time(String label, Runnable work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.run();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        Arrays.sort(millis);
        System.out.printf("%-52s %10.1f %10.1f %10.1f%n", label, Arrays.stream(millis).average().orElse(0),
                (millis[RUNS / 2 - 1] + millis[RUNS / 2]) / 2, millis[(int) Math.ceil(RUNS * 0.95) - 1]);
    }
}
