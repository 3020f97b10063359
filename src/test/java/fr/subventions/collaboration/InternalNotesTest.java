package fr.subventions.collaboration;

import static fr.subventions.support.DemoUsers.as;
import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import fr.subventions.shared.Caller;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Refusals;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff's internal notes: who wrote each and when, corrected by their author alone within 24 hours, and never seen by
 * the applicant — not through the API (404, as for an unknown request), not on the portal, not in anything they can
 * download or export, not in any e-mail.
 */
@ApplicationTest
class InternalNotesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiJourney api;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    Scenarios scenarios;
    @Autowired
    Refusals refusals;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void applicantB() {
        DemoUsers.ensure(identity, "demandeur2", "Autre", "Demandeur", Caller.APPLICANTS);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    SubsidyRequest filed() {
        SubsidyRequest request = requests.submit(SeedRequests.of(SeedRequests.Beneficiary.newAssociation(), 2025,
                new BigDecimal("8000")), Scenarios.APPLICANT, null).request();
        scenarios.fileDocumentsOf(request.reference());
        return request;
    }

    JsonNode write(String user, String reference, String text) throws Exception {
        MockHttpServletResponse response = api.call(user, post("/api/requests/" + reference + "/notes")
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"" + text + "\"}"));
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return api.read(response);
    }

    MockHttpServletResponse correct(String user, String reference, long id, String text) throws Exception {
        return api.call(user, put("/api/requests/" + reference + "/notes/" + id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"" + text + "\"}"));
    }

    @Test
    void staffWriteNotesAndReadWhoWroteEachAndWhen() throws Exception {
        String reference = filed().reference();
        clock.set(Instant.parse("2026-05-04T07:00:00Z"));
        JsonNode note = write("instructeur", reference, "  Appeler la trésorière avant l'instruction.  ");
        assertThat(note.path("author").asText()).isEqualTo("instructeur");
        assertThat(note.path("authorName").asText()).isNotBlank();
        assertThat(note.path("text").asText()).isEqualTo("Appeler la trésorière avant l'instruction.");
        assertThat(note.path("writtenAt").asText()).isEqualTo("2026-05-04T07:00:00Z");
        assertThat(note.path("editedAt").isNull()).isTrue();
        assertThat(note.path("editableUntil").asText()).isEqualTo("2026-05-05T07:00:00Z");
        assertThat(note.path("editable").asBoolean()).isTrue();
        write("finances", reference, "Ligne budgétaire à confirmer.");

        for (String reader : List.of("instructeur", "secretariat", "finances", "demo")) {
            JsonNode notes = api.ok(api.call(reader, get("/api/requests/" + reference + "/notes")));
            assertThat(notes.findValuesAsText("text")).as(reader)
                    .containsExactly("Appeler la trésorière avant l'instruction.", "Ligne budgétaire à confirmer.");
            assertThat(notes.get(0).path("editable").asBoolean()).as(reader).isEqualTo(reader.equals("instructeur"));
        }
    }

    @Test
    void onlyItsAuthorCorrectsANoteAndOnlyWithinTwentyFourHours() throws Exception {
        String reference = filed().reference();
        Instant written = Instant.parse("2026-05-04T07:00:00Z");
        clock.set(written);
        long id = write("instructeur", reference, "Premier jet.").path("id").asLong();

        clock.set(written.plus(Duration.ofHours(24)).minusSeconds(1));
        MockHttpServletResponse corrected = correct("instructeur", reference, id, "Premier jet, corrigé.");
        assertThat(corrected.getStatus()).isEqualTo(200);
        JsonNode note = api.read(corrected);
        assertThat(note.path("text").asText()).isEqualTo("Premier jet, corrigé.");
        assertThat(note.path("editedAt").asText()).isEqualTo("2026-05-05T06:59:59Z");
        assertThat(note.path("writtenAt").asText()).as("written when it was").isEqualTo("2026-05-04T07:00:00Z");

        refusals.refused(put("/api/requests/" + reference + "/notes/" + id).with(as("secretariat"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Je corrige la note d'un collègue.\"}"), 403);

        clock.set(written.plus(Duration.ofHours(24)));
        JsonNode frozen = refusals.refused(put("/api/requests/" + reference + "/notes/" + id).with(as("instructeur"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Trop tard.\"}"), 409);
        assertThat(frozen.path("detail").asText()).contains("ne peut plus être modifiée", "24 heures", "figée");
        assertThat(api.ok(api.call("instructeur", get("/api/requests/" + reference + "/notes"))).get(0).path("text")
                .asText()).isEqualTo("Premier jet, corrigé.");
    }

    @Test
    void notesNeverReachTheApplicantNorAnotherOne() throws Exception {
        SubsidyRequest request = filed();
        String reference = request.reference();
        String secret = "Note-interne-" + UUID.randomUUID();
        long id = write("instructeur", reference, secret).path("id").asLong();
        // the thread goes on meanwhile, e-mails included: none carries the note
        api.call("instructeur", post("/api/requests/" + reference + "/messages").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"Merci de transmettre le RIB.\", \"question\": true}"));
        api.call("demandeur", post("/api/requests/" + reference + "/messages").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"Le voici.\"}"));

        // the API: 404, as for a request that does not exist
        for (String applicant : List.of("demandeur", "demandeur2")) {
            JsonNode unknown = refusals.refused(get("/api/requests/" + reference + "/notes").with(as(applicant)), 404);
            assertThat(unknown.path("detail").asText()).isEqualTo("Demande inconnue : " + reference);
            refusals.refused(post("/api/requests/" + reference + "/notes").with(as(applicant))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Une note.\"}"), 404);
            refusals.refused(put("/api/requests/" + reference + "/notes/" + id).with(as(applicant))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Une note.\"}"), 404);
        }

        // everything the applicant reads or downloads of their request
        List<String> seen = new ArrayList<>();
        for (String path : List.of("/api/requests", "/api/requests/" + reference, "/api/requests/" + reference
                + "/documents", "/api/requests/" + reference + "/messages", "/api/requests/" + reference + "/payments",
                "/api/requests/" + reference + "/act", "/api/opendata/subventions.csv?year=2025",
                "/api/opendata/deliberations.csv?year=2025")) {
            seen.add(api.call("demandeur", get(path)).getContentAsString(StandardCharsets.UTF_8));
        }
        for (JsonNode document : api.ok(api.call("demandeur", get("/api/requests/" + reference + "/documents")))) {
            MockHttpServletResponse content = api.call("demandeur", get("/api/documents/" + document.path("id").asLong()
                    + "/content"));
            assertThat(content.getStatus()).isEqualTo(200);
            seen.add(new String(content.getContentAsByteArray(), StandardCharsets.ISO_8859_1));
        }
        MockHttpSession portal = login(mvc, "demandeur");
        for (String page : List.of("/portail", "/portail/demandes/" + reference)) {
            MockHttpServletResponse response = mvc.perform(get(page).session(portal)).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            seen.add(response.getContentAsString(StandardCharsets.UTF_8));
        }
        assertThat(seen).noneMatch(text -> text.contains(secret)).noneMatch(text -> text.contains("internal_note"));
        assertThat(seen.get(seen.size() - 1)).contains("Merci de transmettre le RIB.", "Le voici.")
                .doesNotContain("Notes internes");

        // and no e-mail, to anybody
        List<String> mails = jdbc.queryForList("select concat(coalesce(subject, ''), model) from mail_outbox"
                + " where reference = ?", String.class, reference);
        assertThat(mails).anyMatch(model -> model.contains("Merci de transmettre le RIB."))
                .noneMatch(model -> model.contains(secret));

        // staff find it on the dossier page
        MockHttpSession officer = login(mvc, "secretariat");
        assertThat(mvc.perform(get("/gestion/demandes/" + reference).session(officer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains(secret, "Notes internes");
    }
}
