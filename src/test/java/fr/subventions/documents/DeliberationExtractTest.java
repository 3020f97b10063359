package fr.subventions.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.LegalForm;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.SubmitRequest;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seed case's extract, read back with POI, against the register's own extract of 14 September 2023
 * (a public document, kept as src/test/resources/seeds/deliberation-bureau-2023-09-14-of-du-numerique.txt): the same
 * lines, in the same order, with the
 * same names and figures.
 */
@ApplicationTest
class DeliberationExtractTest {

    static final String SEED = "/seeds/deliberation-bureau-2023-09-14-of-du-numerique.txt";
    static final String TITLE_START = "Association OF DU NUMERIQUE – Demande de subvention pour un état des lieux";

    @Autowired
    ProcessEngine engine;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    SessionService sessions;
    @Autowired
    Agenda agenda;
    @Autowired
    Attendance attendance;
    @Autowired
    Voting voting;
    @Autowired
    DocumentService documents;
    @Autowired
    TaskService tasks;
    @Autowired
    Scenarios scenarios;
    @Autowired
    MutableClock clock;

    @AfterEach
    void now() {
        clock.reset();
    }

    @Test
    void seedExtractHoldsTheRegistersLinesInItsOrder() throws IOException {
        BpmnAwareTests.init(engine);
        String seed = seedText();
        List<String> exposé = exposé(seed);

        clock.set(LocalDate.of(2023, 7, 3));
        SubmitRequest seedRequest = SeedRequests.ofNumerique(2023);
        SubsidyRequest request = requests.submit(new SubmitRequest(
                new SubmitRequest.ApplicantData("Association OF DU NUMERIQUE", SeedRequests.SIRET, "W212001234",
                        LegalForm.ASSOCIATION, "Dijon", "contact@of-numerique.example", "Marie Dupont"),
                "Demande de subvention pour un état des lieux emplois et compétences de la filière numérique",
                seedRequest.description(), SeedRequests.THEME, 2023, new BigDecimal("72000"), new BigDecimal("20000"),
                seedRequest.cofinancing()), Scenarios.APPLICANT, null).request();
        scenarios.fileRepublicanCommitment(request.reference());
        scenarios.fileDocumentsOf(request.reference());
        complete(taskOf(request), withVariables("isComplete", true));
        complete(taskOf(request), withVariables("opinion", "FAVORABLE", "proposedAmount", 20000,
                "budgetLines", "2023-65-65748-90-DEVECO = 20000", "report", String.join("\n", exposé)));
        scenarios.fileDocumentsOf(request.reference());

        clock.set(LocalDate.of(2023, 9, 8));
        AssemblySession session = sessions.create(new CreateSession(AssemblyBody.BUREAU, LocalDate.of(2023, 9, 14),
                "Dijon Métropole", scenarios.bureauMember("REBSAMEN").id(), scenarios.bureauMember("HOAREAU").id(),
                LocalDate.of(2023, 9, 8)));
        agenda.addToAgenda(session.id(), List.of(request.reference()), "secretariat");
        sessions.convene(session.id(), "secretariat");
        scenarios.fileDocumentsOf(SessionService.businessKey(session.id()));
        clock.set(LocalDate.of(2023, 9, 14));
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        voting.vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat");
        scenarios.fileDocumentsOf(SessionService.businessKey(session.id()));

        RequestDocument extract = documents.list(requests.byId(request.id())).stream()
                .filter(d -> d.type() == DocumentType.DELIBERATION_EXTRACT).findFirst().orElseThrow();
        List<String> ours = lines(documents.get(extract.id(), scenarios.staff()).content());

        String decision = "- d’attribuer une subvention de 20 000 € à Association OF DU NUMERIQUE selon les conditions "
                + "spécifiées dans la convention jointe ;";
        assertThat(ours).contains(decision);
        // Every other line of ours stands in the register's extract, in the same order
        String register = normalise(seed.replace("-\n", "-"));
        int from = 0;
        for (String line : ours) {
            if (line.equals(decision)) {
                continue;
            }
            int at = register.indexOf(line, from);
            assertThat(at).as("« %s » after position %d of the register's extract", line, from).isGreaterThanOrEqualTo(0);
            from = at + line.length();
        }
        assertThat(ours).containsSubsequence("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS",
                "du Bureau métropolitain de Dijon métropole", "Séance du jeudi 14 septembre 2023",
                "Président : Monsieur REBSAMEN", "Secrétaire de séance : Monsieur HOAREAU",
                "Convocation envoyée le 8 septembre 2023", "Nombre de membres du Bureau métropolitain : 43",
                "Nombre de membres en exercice : 43", "Nombre de présents participant au vote : 25",
                "Nombre de procurations : 15", "Membres présents :", "Monsieur François REBSAMEN",
                "Monsieur Patrick BAUDEMENT", "Membres absents :", "Monsieur Patrick CHAPUIS",
                "Monsieur Jacques CARRELET DE LOISY", "Madame Monique BAYARD",
                "Monsieur Pierre PRIBETICH pouvoir à Monsieur Antoine HOAREAU",
                "Monsieur Philippe BELLEVILLE pouvoir à Monsieur Didier RELOT",
                "OBJET : DEVELOPPEMENT ECONOMIQUE, ATTRACTIVITE ET SOLIDARITES",
                TITLE_START + " emplois et compétences de la filière numérique", exposé.get(0), "Le Bureau,",
                "après en avoir délibéré, décide :", decision, "SCRUTIN POUR : 40 ABSTENTION : 0",
                "CONTRE : 0 NE SE PRONONCE PAS : 0", "DONT 15 PROCURATION(S)", "Le secrétaire,", "Monsieur HOAREAU",
                "Le Président,", "Monsieur REBSAMEN");
        assertThat(ours.stream().filter(l -> l.startsWith("Monsieur") || l.startsWith("Madame"))
                .filter(l -> !l.contains("pouvoir à")).count()).isEqualTo(25 + 3 + 2);
    }

    private Task taskOf(SubsidyRequest request) {
        return tasks.createTaskQuery().processInstanceBusinessKey(request.reference()).singleResult();
    }

    /** The seed's exposé: its paragraphs between the item's title and "Le Bureau,". */
    static List<String> exposé(String seed) {
        String text = seed.replace("-\n", "-");
        int start = text.indexOf("emplois et compétences de la filière numérique", text.indexOf(TITLE_START))
                + "emplois et compétences de la filière numérique".length();
        String body = text.substring(start, text.indexOf("Le Bureau,"));
        List<String> paragraphs = new ArrayList<>();
        for (String block : body.split("\\n\\s*\\n")) {
            String paragraph = normalise(block);
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
        }
        return paragraphs;
    }

    /** The register's extract, read from the test classpath: the build reads nothing outside the repository. */
    static String seedText() throws IOException {
        try (InputStream in = DeliberationExtractTest.class.getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IOException("missing test resource " + SEED);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> lines(byte[] docx) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> lines = new ArrayList<>();
            for (XWPFParagraph paragraph : document.getParagraphs()) {
                String line = normalise(paragraph.getText());
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
            return lines;
        }
    }

    static String normalise(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
