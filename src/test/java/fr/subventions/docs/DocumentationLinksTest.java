package fr.subventions.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and docs/*.md leads somewhere: to a file of the repository, and for a "#anchor" to
 * a heading of that file as GitHub names it. Links to other sites are not followed.
 */
class DocumentationLinksTest {

    @Test
    void everyRelativeLinkLeadsToAFileAndEveryAnchorToAHeading() {
        List<String> broken = new ArrayList<>();
        for (Path file : Markdown.files()) {
            for (Markdown.Found link : Markdown.links(file)) {
                String problem = problemOf(file, link.text());
                if (problem != null) {
                    broken.add(link.where() + ": (" + link.text() + ") " + problem);
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void anchorsFollowGitHubsRule() {
        assertThat(Markdown.anchor("Convention : quand est-elle obligatoire ?")).isEqualTo("convention--quand-est-elle-obligatoire-");
        assertThat(Markdown.anchor("Security: Camunda authorizations and what each group may do"))
                .isEqualTo("security-camunda-authorizations-and-what-each-group-may-do");
        assertThat(Markdown.anchor("subsidy-request — « Demande de subvention »")).isEqualTo("subsidy-request---demande-de-subvention-");
        assertThat(Markdown.anchor("The séance page")).isEqualTo("the-séance-page");
        assertThat(Markdown.anchor("The staff's worklist")).isEqualTo("the-staffs-worklist");
    }

    /** Null when the link holds, else what is wrong with it. */
    private static String problemOf(Path file, String target) {
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return null; // http:, https:, mailto:
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path linked = path.isEmpty() ? file : file.toAbsolutePath().getParent().resolve(path).normalize();
        if (!Files.exists(linked)) {
            return "no file " + linked;
        }
        if (anchor != null && !(linked.toString().endsWith(".md") && Markdown.anchors(linked).contains(anchor))) {
            return "no heading #" + anchor + " in " + path;
        }
        return null;
    }
}
