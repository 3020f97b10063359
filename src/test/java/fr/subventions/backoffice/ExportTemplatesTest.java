package fr.subventions.backoffice;

import static fr.subventions.support.DemoUsers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Refusals;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Export templates on the worklist: an officer saves the list as it is shown — tab, filters, search, sort — with a
 * name, a format and the columns in their order; the template is listed under the list, runs again as the list is that
 * day (the .xlsx read back with POI, the CSV as French spreadsheets read it), and is deleted. Names are checked, once
 * per user; another user's template answers 404.
 */
@ApplicationTest
class ExportTemplatesTest {

    static final Pattern TEMPLATE_ID = Pattern.compile("/gestion/modeles-export/(\\d+)/telechargement");

    @Autowired
    MockMvc mvc;
    @Autowired
    SelectionFixtures fixtures;
    @Autowired
    Refusals refusals;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void today() {
        clock.reset();
    }

    static String html(MockHttpServletResponse response) throws Exception {
        return HtmlUtils.htmlUnescape(response.getContentAsString(StandardCharsets.UTF_8));
    }

    /** The form as the page sends it: the list's parameters, a name, a format and the positions given. */
    static MockHttpServletRequestBuilder save(MockHttpSession session, String name, String format, String search,
            String... positions) {
        MockHttpServletRequestBuilder form = post("/gestion/modeles-export").session(session).with(csrf())
                .param("onglet", "tous").param("recherche", search).param("tri", "reference").param("ordre", "asc")
                .param("taille", "50").param("nom", name).param("format", format);
        Map<String, String> given = new LinkedHashMap<>();
        for (String key : WorklistExport.KEYS) {
            given.put("position-" + key, "");
        }
        for (int i = 0; i < positions.length; i += 2) {
            given.put("position-" + positions[i], positions[i + 1]);
        }
        given.forEach(form::param);
        return form;
    }

    /** The id of the user's template of that name, from the worklist's list. */
    Long templateOf(MockHttpSession session, String name) throws Exception {
        String page = html(mvc.perform(get("/gestion").session(session)).andReturn().getResponse());
        int at = page.indexOf("<th scope=\"row\">" + name + "</th>");
        assertThat(at).as("template « %s » listed", name).isNotNegative();
        Matcher id = TEMPLATE_ID.matcher(page.substring(at));
        assertThat(id.find()).isTrue();
        return Long.valueOf(id.group(1));
    }

    @Test
    void anOfficerSavesTheListAsATemplateRunsItAgainAndDeletesIt() throws Exception {
        SubsidyRequest request = fixtures.submitted();
        String word = request.applicant().name().split(" ")[1];
        MockHttpSession officer = login(mvc, "instructeur");

        String form = html(mvc.perform(get("/gestion/modeles-export/nouveau?onglet=tous&recherche=" + word
                + "&tri=reference&ordre=asc").session(officer)).andReturn().getResponse());
        assertThat(form).contains("Onglet « Tous », recherche « " + word + " », tri par « Référence », ordre croissant.",
                "<input type=\"hidden\" name=\"recherche\" value=\"" + word + "\">", "id=\"position-reference\"",
                "name=\"_csrf\"");

        MockHttpServletResponse saved = mvc.perform(save(officer, "Bénéficiaire " + word, "xlsx", word,
                "reference", "1", "montant-demande", "2", "demandeur", "3")).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/gestion");
        String list = html(mvc.perform(get("/gestion").session(officer)).andReturn().getResponse());
        assertThat(list).contains("<th scope=\"row\">Bénéficiaire " + word + "</th>", "Excel (.xlsx)",
                "Référence, Montant demandé, Demandeur", "onglet « Tous », recherche « " + word + " »");
        Long id = templateOf(officer, "Bénéficiaire " + word);

        MockHttpServletResponse xlsx = mvc.perform(get("/gestion/modeles-export/" + id + "/telechargement")
                .session(officer)).andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentType()).isEqualTo(WorklistExport.XLSX);
        assertThat(xlsx.getHeader("Content-Disposition")).contains("attachment", ".xlsx");
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    cells.add(cell.getCellType() == CellType.NUMERIC
                            ? String.valueOf(cell.getNumericCellValue()) : cell.getStringCellValue());
                }
                rows.add(cells);
            }
        }
        assertThat(rows.get(0)).containsExactly("Référence", "Montant demandé", "Demandeur");
        assertThat(rows).contains(List.of(request.reference(), "1000.0", request.applicant().name()));

        // the same list as CSV, its columns in another order
        assertThat(mvc.perform(save(officer, "Bénéficiaire " + word + " en CSV", "csv", word, "demandeur", "1",
                "reference", "2")).andReturn().getResponse().getStatus()).isEqualTo(302);
        Long csvId = templateOf(officer, "Bénéficiaire " + word + " en CSV");
        MockHttpServletResponse csv = mvc.perform(get("/gestion/modeles-export/" + csvId + "/telechargement")
                .session(officer)).andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        String text = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFDemandeur;Référence\r\n")
                .contains(request.applicant().name() + ";" + request.reference() + "\r\n");

        // deleted: gone from the list, and its address answers 404
        MockHttpServletResponse deleted = mvc.perform(post("/gestion/modeles-export/" + id + "/suppression")
                .session(officer).with(csrf())).andReturn().getResponse();
        assertThat(deleted.getRedirectedUrl()).isEqualTo("/gestion");
        assertThat(html(mvc.perform(get("/gestion").session(officer)).andReturn().getResponse()))
                .doesNotContain("<th scope=\"row\">Bénéficiaire " + word + "</th>");
        assertThat(mvc.perform(get("/gestion/modeles-export/" + id + "/telechargement").session(officer)).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void namesAreCheckedAndEachUsersOnce() throws Exception {
        MockHttpSession officer = login(mvc, "instructeur");
        String name = "Modèle " + System.nanoTime();
        assertThat(mvc.perform(save(officer, name, "csv", "", "reference", "1")).andReturn().getResponse().getStatus())
                .isEqualTo(302);
        Map<String, Object> before = refusals.fingerprint();
        refused(save(officer, name.toUpperCase().replace("È", "E"), "csv", "", "reference", "1"), "nom",
                "vous avez déjà un modèle d'export de ce nom");
        refused(save(officer, "  ", "csv", "", "reference", "1"), "nom", "donnez un nom au modèle d'export");
        refused(save(officer, "x".repeat(101), "csv", "", "reference", "1"), "nom", "au plus 100 caractères");
        refused(save(officer, "Modèle\u202Eexe.slx", "csv", "", "reference", "1"), "nom", "caractères de contrôle");
        refused(save(officer, "Sans format", "pdf", "", "reference", "1"), "format", "format inconnu");
        refused(save(officer, "Sans colonne", "csv", ""), "colonnes", "gardez au moins une colonne");
        refused(save(officer, "Deux fois 1", "csv", "", "reference", "1", "objet", "1"), "position-objet",
                "la position 1 est déjà celle de la colonne « Référence »");
        refused(save(officer, "Position 19", "csv", "", "reference", "19"), "position-reference", "position invalide");
        refused(save(officer, "Recherche piégée", "csv", "<script>", "reference", "1"), "filtres",
                "les filtres de la liste ne sont plus valables");
        assertThat(Refusals.changes(before, refusals.fingerprint())).isEmpty();
        // another user's name space: the same name is theirs to take
        assertThat(mvc.perform(save(login(mvc, "finances"), name, "csv", "", "reference", "1")).andReturn().getResponse()
                .getStatus()).isEqualTo(302);
    }

    @Test
    void anotherUsersTemplateAnswersNotFound() throws Exception {
        MockHttpSession officer = login(mvc, "instructeur");
        String name = "Personnel " + System.nanoTime();
        mvc.perform(save(officer, name, "xlsx", "", "reference", "1"));
        Long id = templateOf(officer, name);
        MockHttpSession finance = login(mvc, "finances");
        Map<String, Object> before = refusals.fingerprint();
        MockHttpServletResponse run = mvc.perform(get("/gestion/modeles-export/" + id + "/telechargement")
                .session(finance)).andReturn().getResponse();
        assertThat(run.getStatus()).isEqualTo(404);
        assertThat(html(run)).contains("Modèle d'export inconnu");
        assertThat(mvc.perform(post("/gestion/modeles-export/" + id + "/suppression").session(finance).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(Refusals.changes(before, refusals.fingerprint())).isEmpty();
        assertThat(html(mvc.perform(get("/gestion").session(finance)).andReturn().getResponse()))
                .doesNotContain("<th scope=\"row\">" + name + "</th>");
    }

    private void refused(MockHttpServletRequestBuilder form, String field, String message) throws Exception {
        MockHttpServletResponse response = mvc.perform(form).andReturn().getResponse();
        assertThat(response.getStatus()).as(field).isEqualTo(400);
        String page = html(response);
        assertThat(page).contains("role=\"alert\"", "id=\"err-" + field + "\"", message);
    }
}
