package fr.subventions.documents;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.subventions.SubventionsApplication;
import fr.subventions.budget.BudgetService;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.Scenarios;
import fr.subventions.support.TestClockConfiguration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Milliseconds per document type, not a test: {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=fr.subventions.documents.DocumentBenchmark} (docs/benchmark-suite.md). It boots the application on an
 * in-memory H2, brings one request to its end through the real process, then generates each document again and again,
 * filing every one as production does.
 */
public final class DocumentBenchmark {

    private static final int WARM_UP = 20;
    private static final int RUNS = 100;

    private DocumentBenchmark() {
    }

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SubventionsApplication.class,
                TestClockConfiguration.class).profiles("demo", "test")
                .properties("server.port=0", "spring.datasource.url=jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1",
                        "subventions.documents.template-dir=target/benchmark-templates", "logging.level.root=warn")
                .run(args)) {
            run(context);
        }
    }

    private static void run(ConfigurableApplicationContext context) {
        BpmnAwareTests.init(context.getBean(ProcessEngine.class));
        Scenarios scenarios = context.getBean(Scenarios.class);
        Agenda agenda = context.getBean(Agenda.class);
        Attendance attendance = context.getBean(Attendance.class);
        Voting voting = context.getBean(Voting.class);
        SubsidyRequestService requests = context.getBean(SubsidyRequestService.class);
        TaskService tasks = context.getBean(TaskService.class);
        DocumentGenerator generator = context.getBean(DocumentGenerator.class);
        BudgetService budget = context.getBean(BudgetService.class);
        TransactionTemplate transaction = context.getBean(TransactionTemplate.class);

        String line = "2024-65-65748-90-DEVECO";
        SubsidyRequest request = scenarios.instructedRequest(2024, line);
        AssemblySession session = scenarios.convenedSession(LocalDate.of(2024, 9, 9), LocalDate.of(2024, 9, 19),
                List.of(request.reference()));
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        voting.vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat");
        scenarios.fileDocumentsOf(SessionService.businessKey(session.id()));
        scenarios.fileDocumentsOf(request.reference());
        String today = LocalDate.now().toString();
        complete(tasks.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult(),
                withVariables("signedBy", "Marie Dupont", "signedOn", today));
        complete(tasks.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult(),
                withVariables("signedBy", "François Rebsamen", "signedOn", today));
        complete(tasks.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult(),
                withVariables("lines", line + " = 20000"));
        Long item = agenda.agendaItemIds(session.id()).get(0);

        Map<String, Runnable> documents = new LinkedHashMap<>();
        documents.put("Accusé de réception (.docx + PDF/A)", () -> generator.forRequest(DocumentType.ACKNOWLEDGEMENT, request.id()));
        documents.put("Rapport d'instruction (.docx + PDF/A)", () -> generator.forRequest(DocumentType.INSTRUCTION_REPORT, request.id()));
        documents.put("Convocation et ordre du jour (.docx + PDF/A)", () -> generator.convocation(session.id()));
        documents.put("Extrait de délibération (.docx + PDF/A)", () -> generator.extract(item));
        documents.put("Convention (.docx + PDF/A)", () -> generator.forRequest(DocumentType.CONVENTION, request.id()));
        documents.put("Fiche d'engagement (.xlsx)", () -> generator.forRequest(DocumentType.ENGAGEMENT_SHEET, request.id()));
        documents.put("Notification (.docx + PDF/A)", () -> generator.forRequest(DocumentType.NOTIFICATION_GRANTED, request.id()));
        documents.put("Budget de l'exercice (.xlsx)", () -> Workbooks.budgetWorkbook(2024, budget.lines(2024)));
        documents.put("Export des demandes (.xlsx)", () -> transaction.executeWithoutResult(tx -> RequestsExport.workbook(
                requests.list(null, scenarios.staff()), ZoneId.of("Europe/Paris"))));

        System.out.printf("%nDocuments generated and filed, %d runs each after %d to warm up (H2 in memory, %d cores)%n",
                RUNS, WARM_UP, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-40s %10s %10s %10s%n", "document", "mean ms", "p50 ms", "p95 ms");
        for (Map.Entry<String, Runnable> document : documents.entrySet()) {
            for (int i = 0; i < WARM_UP; i++) {
                document.getValue().run();
            }
            double[] millis = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                document.getValue().run();
                millis[i] = (System.nanoTime() - start) / 1_000_000.0;
            }
            Arrays.sort(millis);
            System.out.printf("%-40s %10.1f %10.1f %10.1f%n", document.getKey(), Arrays.stream(millis).average().orElse(0),
                    millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1]);
        }
    }
}
