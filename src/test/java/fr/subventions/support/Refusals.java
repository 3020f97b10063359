package fr.subventions.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * A refused call, checked the same way everywhere: its status, problem+json with a French detail (and the fields named
 * for a 400), and a database exactly as before the call — our tables, the credits, the numbering, the accounts, and
 * the engine's runtime, authorizations included.
 */
@Component
public class Refusals {

    /** Our tables, counted before and after each refused call. */
    public static final List<String> COUNTED_TABLES = List.of("subsidy_request", "stage_event", "request_cofinancing",
            "request_document", "budget_reservation", "budget_commitment", "convention", "assembly_session",
            "agenda_item", "attendance_entry", "ballot", "assembly_member", "member_mandate", "member_proxy",
            "attendance_movement", "agenda_item_seat", "session_opening_seat", "member_interest", "conflict_flag",
            "applicant_account", "budget_import", "payment_schedule", "payment", "framework_convention", "framework_grant",
            "worklist_word", "worklist_preference", "act", "act_transmission", "export_template", "request_message",
            "request_message_attachment", "message_thread", "message_read_mark", "internal_note", "opinion_request",
            "opinion_request_document");

    /** The engine's runtime (and the history it writes in the same transaction), its users and authorizations. */
    public static final List<String> ENGINE_TABLES = List.of("ACT_RU_TASK", "ACT_RU_EXECUTION", "ACT_RU_VARIABLE",
            "ACT_RU_JOB", "ACT_RU_EVENT_SUBSCR", "ACT_HI_PROCINST", "ACT_HI_TASKINST", "ACT_HI_ACTINST",
            "ACT_RU_AUTHORIZATION", "ACT_ID_USER", "ACT_ID_MEMBERSHIP", "ACT_ID_GROUP");

    /** Letters and words of French that Spring's English messages do not contain. */
    public static final Pattern FRENCH = Pattern.compile(
            "[éèêàâçùûôîœ]|\\b(le|la|les|l'|de|des|du|d'|un|une|et|est|pas|ne|n'|au|aux|pour|avec|ou|inconnue?|demande)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** There in the tests on MockMvc, not in those served over HTTP (which only take fingerprints). */
    private final ObjectProvider<MockMvc> mvc;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;

    Refusals(ObjectProvider<MockMvc> mvc, ObjectMapper json, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.json = json;
        this.jdbc = jdbc;
    }

    /**
     * Performs the call and checks the refusal: its status, problem+json with a French detail, the fields named for a
     * 400, and a database exactly as before the call.
     */
    public JsonNode refused(RequestBuilder call, int status, String... fields) throws Exception {
        Map<String, Object> before = fingerprint();
        MockHttpServletResponse response = mvc.getObject().perform(call).andReturn().getResponse();
        Map<String, Object> after = fingerprint();

        String body = response.getContentAsString(StandardCharsets.UTF_8);
        JsonNode problem;
        try {
            problem = body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (Exception notJson) {
            problem = json.createObjectNode();
        }
        String contentType = response.getContentType();
        String detail = problem.path("detail").asText("");
        List<String> errorFields = new ArrayList<>();
        problem.path("errors").forEach(error -> errorFields.add(error.path("field").asText(null)));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(response.getStatus()).as("HTTP status; body: %s", body).isEqualTo(status);
        soft.assertThat(contentType).as("Content-Type").isNotNull();
        if (contentType != null) {
            soft.assertThat(MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType)))
                    .as("Content-Type %s is application/problem+json", contentType).isTrue();
        }
        soft.assertThat(problem.path("status").asInt()).as("status in the problem; body: %s", body).isEqualTo(status);
        soft.assertThat(problem.path("title").asText("")).as("title of the problem").isNotBlank();
        soft.assertThat(detail).as("detail of the problem; body: %s", body).isNotBlank();
        soft.assertThat(FRENCH.matcher(detail).find()).as("detail « %s » is French", detail).isTrue();
        if (status == 400) {
            if (fields.length > 0) {
                soft.assertThat(errorFields).as("errors[].field; body: %s", body).contains(fields);
            }
            problem.path("errors").forEach(error -> soft.assertThat(error.path("message").asText(""))
                    .as("message of error %s", error).isNotBlank());
        }
        soft.assertThat(changes(before, after)).as("what the refused call changed in the database").isEmpty();
        soft.assertAll();
        return problem;
    }

    /** What the refused calls must leave alone: our tables, the credits, the numbering, the engine's runtime. */
    public Map<String, Object> fingerprint() {
        Map<String, Object> print = new LinkedHashMap<>();
        for (String table : COUNTED_TABLES) {
            print.put("count(" + table + ")", jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        print.put("requests", jdbc.queryForList(
                "select reference, status, outcome, version, proposed_amount, granted_amount from subsidy_request order by id"));
        print.put("sessions", jdbc.queryForList("select id, status, version from assembly_session order by id"));
        print.put("agenda items", jdbc.queryForList("select id, session_id, decision, withdrawn from agenda_item order by id"));
        print.put("reservations", jdbc.queryForList("select id, amount, active from budget_reservation order by id"));
        print.put("conventions", jdbc.queryForList(
                "select id, beneficiary_signed_on, president_signed_on from convention order by id"));
        print.put("budget lines", jdbc.queryForList("select code, voted, reserved, committed from budget_line order by code"));
        print.put("sum(reserved), sum(committed)", jdbc.queryForList(
                "select sum(reserved) as reserved, sum(committed) as committed from budget_line"));
        print.put("sequence_counter", jdbc.queryForList("select name, last_value from sequence_counter order by name"));
        print.put("acts", jdbc.queryForList("select number, version, transmitted_at, id_acte, received_on, acknowledged_at,"
                + " anomaly, published_at, executory_on from act order by id"));
        print.put("worklist preferences", jdbc.queryForList("select * from worklist_preference order by username"));
        print.put("export templates", jdbc.queryForList("select * from export_template order by id"));
        print.put("internal notes", jdbc.queryForList("select id, text, edited_at, version from internal_note order by id"));
        print.put("message threads", jdbc.queryForList(
                "select request_id, awaiting_reply_since, question_id from message_thread order by request_id"));
        print.put("opinions", jdbc.queryForList("select id, version, state, given_at, withdrawn_at from opinion_request"
                + " order by id"));
        for (String table : ENGINE_TABLES) {
            print.put("count(" + table + ")", jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        print.put("tasks", jdbc.queryForList("select ID_, TASK_DEF_KEY_, ASSIGNEE_ from ACT_RU_TASK order by ID_"));
        return print;
    }

    public static Map<String, List<Object>> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, List<Object>> changed = new LinkedHashMap<>();
        before.forEach((key, value) -> {
            if (!value.equals(after.get(key))) {
                changed.put(key, value instanceof List<?> rows ? List.of(difference(rows, (List<?>) after.get(key)))
                        : List.of(value, after.get(key)));
            }
        });
        return changed;
    }

    private static String difference(List<?> before, List<?> after) {
        List<Object> gone = new ArrayList<>(before);
        gone.removeAll(after);
        List<Object> came = new ArrayList<>(after);
        came.removeAll(before);
        return "before only: " + gone + ", after only: " + came;
    }
}
