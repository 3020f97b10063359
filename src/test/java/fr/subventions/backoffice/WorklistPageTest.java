package fr.subventions.backoffice;

import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Refusals;
import fr.subventions.support.SeedRequests.Beneficiary;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The worklist's page, /gestion, as the staff's browsers get it: tabs with counters, the columns and their sort links,
 * each line leading to its dossier, the filters kept per user, a refused filter shown under its field.
 */
@ApplicationTest
class WorklistPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    WorklistFixtures fixtures;
    @Autowired
    WorklistService worklist;
    @Autowired
    JdbcTemplate jdbc;

    MockHttpServletResponse page(MockHttpSession session, String url) throws Exception {
        // as the browser sends it: already encoded
        return mvc.perform(get(URI.create(url)).session(session)).andReturn().getResponse();
    }

    static String html(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The opening tag of the element with this id. */
    static String tag(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("element #%s", id).isNotNegative();
        return html.substring(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
    }

    /** The header cell of a column, by its sort link's id. */
    static String header(String html, String sort) {
        int at = html.indexOf("id=\"tri-" + sort + "\"");
        return html.substring(html.lastIndexOf("<th", at), html.indexOf("</th>", at));
    }

    /** The references of the table's lines, in order. */
    static List<String> references(String html) {
        Matcher links = Pattern.compile("<a href=\"/gestion/demandes/([^\"]+)\"").matcher(html);
        return links.results().map(m -> m.group(1)).toList();
    }

    @Test
    void anOfficerGetsTheTabsWithTheirCountersAndEveryColumnSortable() throws Exception {
        MockHttpSession officer = login(mvc, "instructeur");
        String html = html(page(officer, "/gestion?onglet=tous&tri=reference&ordre=desc"));

        assertThat(html).contains("<html lang=\"fr\"", "<h1>Dossiers de subvention</h1>", "aria-label=\"Onglets de la liste\"");
        for (WorklistTab tab : WorklistTab.values()) {
            assertThat(html).as(tab.label()).contains("id=\"onglet-" + tab.slug() + "\"");
        }
        long all = jdbc.queryForObject("select count(*) from subsidy_request", Long.class);
        assertThat(tag(html, "onglet-tous")).contains("aria-current=\"page\"");
        assertThat(tag(html, "onglet-a-traiter")).doesNotContain("aria-current");
        String counter = html.substring(html.indexOf("id=\"onglet-tous\""), html.indexOf("</a>", html.indexOf("id=\"onglet-tous\"")));
        assertThat(counter).contains("<span class=\"compteur\">" + String.format(Locale.FRANCE, "%,d", all)
                .replace('\u202f', ' ').replace('\u00a0', ' ') + "</span>");
        for (WorklistSort sort : WorklistSort.values()) {
            assertThat(html).as(sort.label()).contains("id=\"tri-" + sort.slug() + "\"");
        }
        assertThat(header(html, "reference")).contains("aria-sort=\"descending\"");
        assertThat(header(html, "demandeur")).doesNotContain("aria-sort");
        assertThat(html).contains("<caption id=\"legende-liste\">");
        assertThat(references(html)).isNotEmpty();
        assertThat(references(html)).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void eachLineShowsItsRequestAndLeadsToItsDossier() throws Exception {
        Beneficiary beneficiary = Beneficiary.newAssociation();
        SubsidyRequest request = fixtures.instructed(beneficiary, 2026, 24000, true);
        MockHttpSession officer = login(mvc, "instructeur");
        String html = html(page(officer, "/gestion?onglet=tous&recherche=" + request.reference()));

        assertThat(references(html)).containsExactly(request.reference());
        String line = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        assertThat(line).contains(beneficiary.name(), beneficiary.siret(), beneficiary.rna(), request.title(),
                request.theme(), "Développement économique, Écologie urbaine", "2026", "24\u202f000\u00a0€",
                "En attente d&#39;inscription à l&#39;ordre du jour", "<abbr title=\"jours\">j</abbr>");
    }

    @Test
    void theTabFiltersAndSortAreKeptForTheUserAlone() throws Exception {
        Beneficiary beneficiary = Beneficiary.newAssociation();
        SubsidyRequest request = fixtures.submitted(beneficiary, 2026, 7000);
        MockHttpSession officer = login(mvc, "instructeur");
        page(officer, "/gestion?onglet=a-verifier&recherche=" + beneficiary.siret() + "&exercice=2026&tri=demande&ordre=asc"
                + "&taille=20");

        String again = html(page(officer, "/gestion"));
        assertThat(references(again)).containsExactly(request.reference());
        assertThat(tag(again, "onglet-a-verifier")).contains("aria-current=\"page\"");
        assertThat(tag(again, "recherche")).contains("value=\"" + beneficiary.siret() + "\"");
        assertThat(again).contains("<option value=\"2026\" selected=\"selected\">");
        assertThat(header(again, "demande")).contains("aria-sort=\"ascending\"");
        String colleagues = html(page(login(mvc, "finances"), "/gestion"));
        assertThat(colleagues).doesNotContain("value=\"" + beneficiary.siret() + "\"");

        page(officer, "/gestion?onglet=tous");
        String back = html(page(officer, "/gestion"));
        assertThat(tag(back, "onglet-tous")).contains("aria-current=\"page\"");
        assertThat(back).doesNotContain("value=\"" + beneficiary.siret() + "\"");
    }

    @Test
    void theExportsCarryTheFiltersShown() throws Exception {
        MockHttpSession officer = login(mvc, "instructeur");
        String html = html(page(officer, "/gestion?onglet=en-instruction&thematique=CULTURE,%20SPORT%20ET%20VIE%20ASSOCIATIVE"));
        assertThat(html).contains("id=\"export-csv\"", "id=\"export-xlsx\"",
                "href=\"/gestion/export.csv?onglet=en-instruction&amp;thematique=CULTURE,%20SPORT%20ET%20VIE%20ASSOCIATIVE");
    }

    @Nested
    class Refused {

        @Test
        void aWrongFilterComesBackUnderItsFieldInFrenchAndNothingIsKept() throws Exception {
            MockHttpSession officer = login(mvc, "instructeur");
            page(officer, "/gestion?onglet=a-verifier&tri=objet&ordre=asc");
            Object kept = jdbc.queryForList("select * from worklist_preference where username = 'instructeur'");

            MockHttpServletResponse refused = page(officer, "/gestion?onglet=tous&exercice=deux%20mille&montantMin=beaucoup"
                    + "&montantMax=-5&recherche=%3Cscript%3E&prisePar=SUB-2025-0001&etape=payee&tri=plaisir&taille=1000000");
            String html = html(refused);
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(html).contains("role=\"alert\"", "id=\"err-exercice\"", "id=\"err-montantMin\"", "id=\"err-montantMax\"",
                    "id=\"err-recherche\"", "id=\"err-prisePar\"", "id=\"err-etape\"", "id=\"err-tri\"", "id=\"err-taille\"",
                    "exercice invalide : une année de 2000 à 2100", "agent inconnu",
                    "aria-describedby=\"err-exercice\"", "aria-invalid=\"true\"");
            // what was sent stays in the form, escaped; the list is the one kept
            assertThat(html).contains("value=\"&lt;script&gt;\"").doesNotContain("<script>");
            assertThat(tag(html, "onglet-a-verifier")).contains("aria-current=\"page\"");
            assertThat(jdbc.queryForList("select * from worklist_preference where username = 'instructeur'")).isEqualTo(kept);
        }

        @Test
        void anExportWithAWrongFilterIsThePageWithItsMessage() throws Exception {
            MockHttpSession officer = login(mvc, "instructeur");
            MockHttpServletResponse refused = page(officer, "/gestion/export.csv?onglet=tous&exercice=1789");
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(refused.getContentType()).startsWith("text/html");
            assertThat(html(refused)).contains("id=\"err-exercice\"");
        }

        @Test
        void anApplicantIsRefusedAndSomeoneNotLoggedInIsSentToLogIn() throws Exception {
            MockHttpSession applicant = login(mvc, "demandeur");
            assertThat(page(applicant, "/gestion").getStatus()).isEqualTo(403);
            assertThat(page(applicant, "/gestion/export.csv").getStatus()).isEqualTo(403);
            MockHttpServletResponse anonymous = page(new MockHttpSession(), "/gestion/export.xlsx");
            assertThat(anonymous.getStatus()).isEqualTo(302);
            assertThat(anonymous.getRedirectedUrl()).contains("/connexion");
        }

        @Test
        void markupInTheFieldsNeverReachesThePageUnescaped() throws Exception {
            MockHttpSession officer = login(mvc, "instructeur");
            String html = html(page(officer, "/gestion?onglet=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E"));
            assertThat(html).doesNotContain("<img src=x").contains("id=\"err-onglet\"");
            assertThat(Refusals.FRENCH.matcher(html).find()).isTrue();
        }
    }
}
