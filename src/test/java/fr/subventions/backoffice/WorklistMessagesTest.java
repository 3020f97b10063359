package fr.subventions.backoffice;

import static fr.subventions.backoffice.WorklistFixtures.OFFICER;
import static fr.subventions.backoffice.WorklistFixtures.SECRETARIAT;
import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.subventions.collaboration.Messages;
import fr.subventions.shared.Caller;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Refusals;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests.Beneficiary;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The worklist and the threads: the column « En attente de réponse » and its filter, kept with the user's other
 * filters, and each officer's count of the applicant's messages they have not read.
 */
@ApplicationTest
class WorklistMessagesTest {

    @Autowired
    WorklistService worklist;
    @Autowired
    WorklistFixtures fixtures;
    @Autowired
    Messages messages;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    Refusals refusals;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** The beneficiary's requests, as the query lists them (found by its SIRET). */
    List<WorklistRow> rows(Beneficiary beneficiary, boolean awaitingReply, WorklistSort sort, boolean descending,
            Caller caller) {
        return worklist.page(new WorklistQuery(WorklistTab.ALL, beneficiary.siret(), null, null, null, null, null, null,
                null, false, awaitingReply, sort, descending, 1, 100), caller).rows();
    }

    WorklistRow row(Beneficiary beneficiary, SubsidyRequest request, Caller caller) {
        return rows(beneficiary, false, WorklistSort.REFERENCE, false, caller).stream()
                .filter(r -> r.reference().equals(request.reference())).findFirst().orElseThrow();
    }

    void write(SubsidyRequest request, Caller caller, String text, boolean question) {
        messages.send(request.reference(), new Messages.Draft(text, question, List.of()), caller);
    }

    @Test
    void theColumnTellsSinceWhenARequestWaitsForItsApplicantAndTheFilterKeepsThoseAlone() {
        Beneficiary beneficiary = Beneficiary.newAssociation();
        SubsidyRequest asked = fixtures.submitted(beneficiary, 2026, 5000);
        SubsidyRequest answered = fixtures.submitted(beneficiary, 2026, 6000);
        SubsidyRequest told = fixtures.submitted(beneficiary, 2026, 7000);
        SubsidyRequest later = fixtures.submitted(beneficiary, 2026, 8000);
        clock.set(LocalDate.of(2026, 3, 2));
        write(asked, OFFICER, "Quel est le calendrier du projet ?", true);
        write(answered, OFFICER, "Quel est le lieu ?", true);
        write(told, OFFICER, "Votre dossier est bien reçu.", false);
        clock.set(LocalDate.of(2026, 3, 9));
        write(later, SECRETARIAT, "Pouvez-vous préciser le public ?", true);
        write(answered, Scenarios.APPLICANT, "À la salle des fêtes de Quetigny.", false);
        clock.reset();

        assertThat(row(beneficiary, asked, OFFICER).awaitingReplySince()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(row(beneficiary, later, OFFICER).awaitingReplySince()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(row(beneficiary, answered, OFFICER).awaitingReplySince()).isNull();
        assertThat(row(beneficiary, told, OFFICER).awaitingReplySince()).isNull();

        assertThat(rows(beneficiary, true, WorklistSort.REFERENCE, false, OFFICER)).extracting(WorklistRow::reference)
                .containsExactly(asked.reference(), later.reference());
        // sorted by the wait: the longest first ascending, those waiting for nothing last either way
        assertThat(rows(beneficiary, false, WorklistSort.AWAITING_REPLY, false, OFFICER)).extracting(WorklistRow::reference)
                .startsWith(asked.reference(), later.reference());
        assertThat(rows(beneficiary, false, WorklistSort.AWAITING_REPLY, true, OFFICER)).extracting(WorklistRow::reference)
                .startsWith(later.reference(), asked.reference());

        // withdrawn, the request waits for nothing any more
        requests.withdraw(asked.reference(), null, Scenarios.APPLICANT);
        assertThat(rows(beneficiary, true, WorklistSort.REFERENCE, false, OFFICER)).extracting(WorklistRow::reference)
                .containsExactly(later.reference());
        assertThat(row(beneficiary, asked, OFFICER).awaitingReplySince()).isNull();
    }

    @Test
    void eachMemberOfStaffCountsTheApplicantsMessagesTheyHaveNotRead() throws Exception {
        Beneficiary beneficiary = Beneficiary.newAssociation();
        SubsidyRequest request = fixtures.submitted(beneficiary, 2026, 5000);
        write(request, Scenarios.APPLICANT, "Premier message.", false);
        write(request, Scenarios.APPLICANT, "Second message.", false);
        assertThat(row(beneficiary, request, OFFICER).unread()).isEqualTo(2);
        assertThat(row(beneficiary, request, SECRETARIAT).unread()).isEqualTo(2);

        // read through the API by the officer: for them alone
        messages.list(request.reference(), OFFICER);
        assertThat(row(beneficiary, request, OFFICER).unread()).isZero();
        assertThat(row(beneficiary, request, SECRETARIAT).unread()).isEqualTo(2);

        // staff's own messages are never unread; the applicant's next one is
        write(request, OFFICER, "Bien reçu.", false);
        write(request, Scenarios.APPLICANT, "Troisième message.", false);
        assertThat(row(beneficiary, request, OFFICER).unread()).isOne();
        assertThat(row(beneficiary, request, SECRETARIAT).unread()).isEqualTo(3);

        // opening the dossier page reads the thread, and shows what was new
        MockHttpSession secretariat = login(mvc, "secretariat");
        String page = mvc.perform(get("/gestion/demandes/" + request.reference()).session(secretariat)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.split("class=\"nouveau\"", -1)).hasSize(4);
        assertThat(page).contains("Messages avec le demandeur<span> (3 non lus)</span>");
        assertThat(row(beneficiary, request, SECRETARIAT).unread()).isZero();
        String again = mvc.perform(get("/gestion/demandes/" + request.reference()).session(secretariat)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).doesNotContain("class=\"nouveau\"");
        assertThat(row(beneficiary, request, OFFICER).unread()).isOne();
    }

    @Test
    void thePageShowsTheColumnsAndKeepsTheFilterWithTheUsersOthers() throws Exception {
        Beneficiary beneficiary = Beneficiary.newAssociation();
        SubsidyRequest asked = fixtures.submitted(beneficiary, 2026, 5000);
        SubsidyRequest quiet = fixtures.submitted(beneficiary, 2026, 6000);
        clock.set(LocalDate.of(2026, 3, 2));
        write(asked, OFFICER, "Quel est le calendrier du projet ?", true);
        write(quiet, Scenarios.APPLICANT, "Une question de notre part.", false);
        clock.reset();

        MockHttpSession officer = login(mvc, "instructeur");
        String html = html(mvc.perform(get(URI.create("/gestion?onglet=tous&recherche=" + beneficiary.siret()
                + "&attenteReponse=oui")).session(officer)).andReturn().getResponse());
        assertThat(WorklistPageTest.references(html)).containsExactly(asked.reference());
        assertThat(WorklistPageTest.tag(html, "attenteReponse")).contains("checked=\"checked\"");
        assertThat(html).contains("<label for=\"attenteReponse\">En attente de réponse du demandeur</label>",
                "id=\"tri-attente-reponse\"", "<th scope=\"col\" id=\"col-non-lus\">Messages non lus</th>",
                "depuis le 02/03/2026");

        // kept: the next visit without parameters lists the same
        String kept = html(mvc.perform(get("/gestion").session(officer)).andReturn().getResponse());
        assertThat(WorklistPageTest.references(kept)).containsExactly(asked.reference());
        assertThat(WorklistPageTest.tag(kept, "attenteReponse")).contains("checked=\"checked\"");

        // without the filter, the applicant's message unread by this officer
        String all = html(mvc.perform(get(URI.create("/gestion?onglet=tous&tri=reference&ordre=asc&recherche="
                + beneficiary.siret())).session(officer)).andReturn().getResponse());
        assertThat(WorklistPageTest.references(all)).containsExactly(asked.reference(), quiet.reference());
        String quietLine = all.substring(all.indexOf(quiet.reference() + "</a>"));
        assertThat(quietLine.substring(0, quietLine.indexOf("</tr>"))).contains("<strong>1</strong>");

        // a wrong value: its message under the field, and nothing kept
        Map<String, Object> before = refusals.fingerprint();
        MockHttpServletResponse refused = mvc.perform(get(URI.create("/gestion?onglet=tous&attenteReponse=peut-etre"))
                .session(officer)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(html(refused)).contains("id=\"err-attenteReponse\"", "valeur invalide : oui ou non");
        assertThat(Refusals.changes(before, refusals.fingerprint())).isEmpty();
    }

    static String html(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
