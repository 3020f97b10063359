package fr.subventions.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.submission.SubsidyRequest;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.SeedRequests.Beneficiary;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The words the search finds a request by: which, how they are folded, when they are written. */
@ApplicationTest
class WorklistWordsTest {

    @Test
    void theApplicantsNameTheTitleAndTheReferenceAreFoldedToLowerCaseAscii() {
        assertThat(WorklistWords.of("SUB-2026-0042", "Association OF du Numérique",
                "État des lieux emplois et compétences de la filière numérique"))
                .containsExactly("association", "of", "numerique", "etat", "lieux", "emplois", "competences", "filiere",
                        "2026", "0042");
        assertThat(WorklistWords.terms("L'Œuvre d'Ÿvette — Straße 2")).containsExactly("oeuvre", "yvette", "strasse", "2");
        assertThat(WorklistWords.terms("x".repeat(60))).containsExactly("x".repeat(WorklistWords.MAX_LENGTH));
        assertThat(WorklistWords.terms("de la, et ; à")).isEmpty();
    }

    @Nested
    class Written {

        @Autowired
        WorklistFixtures fixtures;
        @Autowired
        WorklistWords words;
        @Autowired
        JdbcTemplate jdbc;

        List<String> wordsOf(SubsidyRequest request) {
            return jdbc.queryForList("select word from worklist_word where request_id = ? order by word", String.class,
                    request.id());
        }

        @Test
        void withTheRequestWhenItIsFiled() {
            Beneficiary beneficiary = Beneficiary.newAssociation();
            SubsidyRequest request = fixtures.submitted(beneficiary, 2026, 1000);
            assertThat(wordsOf(request)).containsExactlyInAnyOrderElementsOf(
                    WorklistWords.of(request.reference(), beneficiary.name(), request.title()));
        }

        @Test
        void forTheRequestsFiledBeforeTheWorklistWhenTheApplicationStarts() {
            SubsidyRequest request = fixtures.submitted(Beneficiary.newAssociation(), 2026, 1000);
            List<String> filed = wordsOf(request);
            jdbc.update("delete from worklist_word where request_id = ?", request.id());

            words.indexEarlierRequests();

            assertThat(wordsOf(request)).isEqualTo(filed);
            words.indexEarlierRequests();
            assertThat(wordsOf(request)).isEqualTo(filed);
        }
    }
}
