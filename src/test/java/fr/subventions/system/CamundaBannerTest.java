package fr.subventions.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.subventions.support.ApplicationTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Camunda's webapps no longer show their permanent English banner asking to migrate to Camunda 8. Camunda 7.24 has no
 * setting for it (its header always shows it in the community edition); each webapp loads a stylesheet of the user's
 * own, {@code styles/user-styles.css}, and ours hides the banner's element there. The test checks all three ends: the
 * webapp still draws the banner as {@code .ce-eol-banner}, it still loads the user stylesheet, and the one it gets is
 * ours, hiding that element.
 */
@ApplicationTest
class CamundaBannerTest {

    static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void eachWebappHidesTheCamunda8Banner(String app) throws Exception {
        assertThat(camunda(app + "/camunda-" + app + "-bootstrap.js")).as("Camunda's header draws the banner")
                .contains("class=\"ce-eol-banner\"", "BANNER_CE_EOL_TEXT");
        assertThat(camunda(app + "/index.html")).as("the webapp loads the user stylesheet")
                .contains("$APP_ROOT/app/" + app + "/styles/user-styles.css");

        MockHttpServletResponse stylesheet = mvc.perform(get("/camunda/app/" + app + "/styles/user-styles.css"))
                .andReturn().getResponse();
        assertThat(stylesheet.getStatus()).isEqualTo(200);
        assertThat(stylesheet.getContentAsString(StandardCharsets.UTF_8).replaceAll("/\\*(?s:.)*?\\*/", "").strip())
                .isEqualTo("[cam-widget-header] .ce-eol-banner {\n  display: none;\n}");
    }

    /** The webapp's own file, from Camunda's webjar (not the one of the same name this application ships). */
    private static String camunda(String path) throws IOException {
        List<URL> found = Collections.list(
                CamundaBannerTest.class.getClassLoader().getResources(WEBJAR + path));
        URL url = found.stream().filter(u -> u.toString().contains("camunda-webapp-webjar")).findFirst()
                .orElseThrow(() -> new AssertionError(path + " in Camunda's webjar, among " + found));
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
