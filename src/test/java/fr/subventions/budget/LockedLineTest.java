package fr.subventions.budget;

import static fr.subventions.support.ApiJourney.amounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.SeedRequests;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

/**
 * A budget line locked by another transaction longer than the database waits (H2: 2 s): an imputation on it, or a
 * budget import changing it, is answered 409 problem+json in French, not 500, and nothing of it is saved; once the lock
 * is gone the same call goes through. The line is held by a plain JDBC transaction beside the application, as another
 * node's long transaction would hold it. Fiscal year 2028, service code {@code LOCK_HELD}.
 */
@ApplicationTest
class LockedLineTest {

    static final int YEAR = 2028;

    @Autowired
    ObjectMapper json;
    @Autowired
    MutableClock clock;
    @Autowired
    BudgetService budget;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApiJourney api;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void imputationOnALineLockedByAnotherTransactionIsRefused409AndChangesNothing() throws Exception {
        clock.set(LocalDate.of(YEAR, 1, 10));
        String line = YEAR + "-65-65748-90-LOCK_HELD";
        api.importLines(YEAR + ";65;65748;90;Développement économique;LOCK_HELD;Subventions de fonctionnement;30000");
        String reference = api.file(json.convertValue(SeedRequests.ofNumerique(YEAR),
                new TypeReference<LinkedHashMap<String, Object>>() {
                }));
        api.complete(reference);
        api.instruct(reference, "20000", amounts(line, "20000"));
        clock.set(LocalDate.of(YEAR, 3, 9));
        api.adopt(api.sittingBureau(LocalDate.of(YEAR, 3, 9), LocalDate.of(YEAR, 3, 1), reference), reference);
        api.sign(reference, LocalDate.of(YEAR, 3, 9));
        Map<String, Object> imputation = Map.of("lines", ApiJourney.split(amounts(line, "20000")));

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("update budget_line set label = label where code = ?")) {
                lock.setString(1, line);
                assertThat(lock.executeUpdate()).isEqualTo(1);
            }

            MockHttpServletResponse refused = api.call("finances", post("/api/requests/" + reference + "/imputation")
                    .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(imputation)));

            assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(409);
            assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            // the task completion takes it for a concurrent change (TaskCompleter), tries once more, then gives up
            assertThat(api.read(refused).get("title").asText()).isEqualTo("Action impossible à cette étape");
            other.rollback();
        }
        assertThat(api.request(reference).get("status").asText()).isEqualTo("AWAITING_IMPUTATION");
        assertFigures(line, "30000.00", "20000.00", "0.00");

        JsonNode engagements = api.impute(reference, amounts(line, "20000")).get("engagements");
        assertThat(engagements).hasSize(1);
        assertFigures(line, "30000.00", "0.00", "20000.00");
    }

    /** Not a task: the lock failure reaches the API as it is, answered by the handler of lock failures. */
    @Test
    void budgetImportOnALineLockedByAnotherTransactionIsRefused409AndChangesNothing() throws Exception {
        String line = YEAR + "-65-65748-76-LOCK_HELD";
        String row = YEAR + ";65;65748;76;Écologie urbaine;LOCK_HELD;Subventions de fonctionnement;";
        api.importLines(row + "30000");

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("update budget_line set label = label where code = ?")) {
                lock.setString(1, line);
                assertThat(lock.executeUpdate()).isEqualTo(1);
            }

            // a décision modificative raising the line's voted credits waits for the lock, in vain
            MockHttpServletResponse refused = api.call("finances", multipart("/api/budget-lines/import")
                    .file(new MockMultipartFile("file", "dm.csv", "text/csv", (ApiJourney.IMPORT_HEADER + "\n" + row
                            + "45000\n").getBytes(StandardCharsets.UTF_8))));

            assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(409);
            assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            JsonNode problem = api.read(refused);
            assertThat(problem.get("title").asText()).isEqualTo("Action impossible à cette étape");
            assertThat(problem.get("detail").asText()).isEqualTo("D'autres opérations modifient les mêmes données au "
                    + "même moment : rien n'a été enregistré. Réessayez dans un instant.");
            other.rollback();
        }
        assertFigures(line, "30000.00", "0.00", "0.00");

        api.importLines(row + "45000");
        assertFigures(line, "45000.00", "0.00", "0.00");
    }

    private void assertFigures(String code, String voted, String reserved, String committed) {
        BudgetLine line = budget.lines(YEAR).stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
        assertThat(List.of(line.voted(), line.reserved(), line.committed())).as("voted, reserved, committed on %s", code)
                .containsExactly(new BigDecimal(voted), new BigDecimal(reserved), new BigDecimal(committed));
    }
}
