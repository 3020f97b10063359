package fr.subventions.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.SessionReadModels;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** The SCDL « subventions » 2.1.1 file: its header, and the seed grant's line as the schema wants its fields. */
@ApplicationTest
class SubsidiesOpenDataTest {

    /** The schema's fields, in its order (schema.data.gouv.fr/scdl/subventions, 2.1.1). */
    static final List<String> SCHEMA = List.of("nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision",
            "nomBeneficiaire", "idBeneficiaire", "rnaBeneficiaire", "objet", "montant", "nature", "conditionsVersement",
            "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention", "dispositifAide");

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Scenarios scenarios;
    @Autowired
    SessionService sessions;
    @Autowired
    Attendance attendance;
    @Autowired
    SessionReadModels views;
    @Autowired
    Voting voting;
    @Autowired
    TaskCompleter tasks;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void listsTheSeedGrantOnceItsConventionIsConcluded() throws Exception {
        BpmnAwareTests.init(engine);
        clock.set(LocalDate.of(2023, 7, 3));
        SubsidyRequest request = scenarios.instructedRequest(2023, "2023-65-65748-90-DEVECO");
        AssemblySession session = scenarios.convenedSession(LocalDate.of(2023, 9, 8), LocalDate.of(2023, 9, 14),
                List.of(request.reference()));
        clock.set(LocalDate.of(2023, 9, 14));
        attendance.recordAttendance(session.id(), scenarios.seedSheet(), "secretariat");
        voting.vote(session.id(), request.reference(), CastVote.unanimous(), "secretariat");
        String number = views.view(session.id()).agenda().get(0).deliberationNumber();
        scenarios.fileDocumentsOf(request.reference());
        assertThat(rowOf(number)).as("not concluded yet").isNull();
        // published and received by the prefect a week later: executory, its convention may be signed
        clock.set(LocalDate.of(2023, 9, 21));
        scenarios.makeExecutory(request.reference());
        assertThat(rowOf(number)).as("executory, not concluded yet").isNull();

        clock.set(LocalDate.of(2023, 10, 5));
        tasks.complete(SubsidyRequestProcess.KEY, request.reference(), SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY,
                Map.of("signedBy", "Marie Dupont", "signedOn", "2023-10-02"), "demandeur", "signature");
        tasks.complete(SubsidyRequestProcess.KEY, request.reference(), SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT,
                Map.of("signedBy", "François Rebsamen", "signedOn", "2023-10-05"), "secretariat", "signature");

        String csv = mvc.perform(get("/api/opendata/subventions.csv?year=2023")).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .contentType("text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")[0].split(",")).containsExactlyElementsOf(SCHEMA);
        List<String> row = rowOf(number);
        assertThat(row).hasSize(SCHEMA.size());
        assertThat(field(row, "nomAttribuant")).isEqualTo("Dijon Métropole");
        assertThat(field(row, "dateConvention")).isEqualTo("2023-10-05").matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(field(row, "referenceDecision")).isEqualTo(number).matches("^[0-9A-Z_]{1,15}$");
        assertThat(field(row, "nomBeneficiaire")).isEqualTo("Association OF du Numérique");
        assertThat(field(row, "idBeneficiaire")).isEqualTo("73282932000074").matches("\\d{14}");
        assertThat(field(row, "rnaBeneficiaire")).matches("W\\d{9}");
        assertThat(field(row, "objet")).isEqualTo("État des lieux emplois et compétences de la filière numérique");
        assertThat(new BigDecimal(field(row, "montant"))).isEqualByComparingTo("20000");
        assertThat(field(row, "montant")).doesNotContain(",", " ");
        assertThat(field(row, "nature")).isEqualTo("aide en numéraire");
        assertThat(field(row, "conditionsVersement")).isEqualTo("unique");
        assertThat(field(row, "datesPeriodeVersement")).isEqualTo("2023-10-05");
        assertThat(field(row, "notificationUE")).isEqualTo("non");
        // 20 000 € of a 72 000 € action: a fraction, not a percentage
        assertThat(field(row, "pourcentageSubvention")).isEqualTo("0.28");
    }

    @Test
    void refusesAYearOutOfRange() throws Exception {
        mvc.perform(get("/api/opendata/subventions.csv?year=1999")).andExpect(status().isBadRequest());
    }

    @Test
    void givesTheShareAsAFractionToTheHundredth() {
        assertThat(SubsidiesOpenData.fraction(new BigDecimal("20000"), new BigDecimal("72000"))).isEqualTo("0.28");
        assertThat(SubsidiesOpenData.fraction(new BigDecimal("50000"), new BigDecimal("50000"))).isEqualTo("1");
        assertThat(SubsidiesOpenData.fraction(new BigDecimal("5000"), new BigDecimal("10000"))).isEqualTo("0.5");
        assertThat(SubsidiesOpenData.amount(new BigDecimal("12345.60"))).isEqualTo("12345.6");
        assertThat(SubsidiesOpenData.amount(new BigDecimal("20000.00"))).isEqualTo("20000");
    }

    private List<String> rowOf(String number) throws Exception {
        String csv = mvc.perform(get("/api/opendata/subventions.csv?year=2023")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (String line : csv.split("\r\n")) {
            List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
            if (fields.size() > 3 && fields.get(3).equals(number)) {
                return fields;
            }
        }
        return null;
    }

    private static String field(List<String> row, String name) {
        return row.get(SCHEMA.indexOf(name));
    }
}
