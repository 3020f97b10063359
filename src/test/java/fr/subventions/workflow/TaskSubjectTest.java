package fr.subventions.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A task's name, description and form summary, from what its case's package says about it. */
class TaskSubjectTest {

    static TaskSubject seed() {
        return TaskSubject.of("SUB-2023-0001 — Association OF du Numérique", "Demande SUB-2023-0001 — Association OF du Numérique")
                .fact("Projet", "État des lieux emplois et compétences de la filière numérique")
                .fact("Montant proposé", null)
                .fact("Étape", "En instruction");
    }

    @Test
    void theNameIsTheStageFollowedByTheCase() {
        assertThat(seed().nameFor("Instruire la demande"))
                .isEqualTo("Instruire la demande SUB-2023-0001 — Association OF du Numérique");
    }

    @Test
    void theDescriptionIsPlainTextOneFactALineWithoutTheMissingOnes() {
        assertThat(seed().description()).isEqualTo("""
                Demande SUB-2023-0001 — Association OF du Numérique
                Projet : État des lieux emplois et compétences de la filière numérique
                Étape : En instruction""");
    }

    @Test
    void theSummaryIsAHeadingAndAListWithItsLinks() {
        assertThat(seed().link("Dossier de la demande SUB-2023-0001", "/gestion/demandes/SUB-2023-0001").summary())
                .isEqualTo("""
                        ### Demande SUB\\-2023\\-0001 — Association OF du Numérique

                        - **Projet :** État des lieux emplois et compétences de la filière numérique
                        - **Étape :** En instruction
                        - [Dossier de la demande SUB\\-2023\\-0001](/gestion/demandes/SUB-2023-0001)""");
    }

    @Nested
    class WhatTheApplicantTyped {

        @Test
        void showsAsTypedMarkupAndLinksIncluded() {
            String name = "Association <b>Gras</b> [piège](https://exemple.invalid) *étoile* & `code` # www.exemple.invalid";
            String summary = TaskSubject.of(name, name).fact("Demandeur", name).summary();
            assertThat(summary).contains("\\<b\\>Gras\\<\\/b\\>", "\\[piège\\]\\(https\\:\\/\\/exemple\\.invalid\\)",
                    "\\*étoile\\*", "\\&", "\\`code\\`", "\\# www\\.exemple\\.invalid");
            // nothing left that Markdown reads: every ASCII punctuation sign is escaped
            String unescaped = summary.replaceAll("\\\\\\p{Punct}", "").replace("### ", "").replace("- **Demandeur :** ", "");
            assertThat(unescaped).doesNotContainPattern("[\\p{Punct}&&[^\\n]]");
        }

        @Test
        void keepsToOneLine() {
            TaskSubject subject = TaskSubject.of("SUB-2023-0001 — Une\nassociation\r\n\tsur deux lignes", "Demande")
                    .fact("Projet", "Titre\n\n# pas un titre");
            assertThat(subject.nameFor("Vérifier la complétude"))
                    .isEqualTo("Vérifier la complétude SUB-2023-0001 — Une association sur deux lignes");
            assertThat(subject.summary()).endsWith("- **Projet :** Titre \\# pas un titre").doesNotContain("\n#");
        }
    }

    @Nested
    class WithinTheEngineColumns {

        @Test
        void aLongNameIsCutTo255CharactersWithoutSplittingAnEmoji() {
            String applicant = "Association " + "😀".repeat(150);
            String name = TaskSubject.of("SUB-2023-0001 — " + applicant, applicant)
                    .nameFor("Relancer le bénéficiaire (signature en retard)");
            assertThat(name).hasSizeLessThanOrEqualTo(TaskSubject.NAME_LENGTH).endsWith("…")
                    .startsWith("Relancer le bénéficiaire (signature en retard) SUB-2023-0001 — Association 😀");
            assertThat(Character.isHighSurrogate(name.charAt(name.length() - 2))).isFalse();
        }

        @Test
        void theSummaryAndTheDescriptionKeepTheirFirstFactsWithin4000Characters() {
            TaskSubject subject = TaskSubject.of("SUB-2023-0001 — A", "Demande SUB-2023-0001 — A");
            for (int i = 0; i < 30; i++) {
                subject.fact("Fait " + i, "x.".repeat(300));
            }
            assertThat(subject.summary()).hasSizeLessThanOrEqualTo(TaskSubject.TEXT_LENGTH).contains("Fait 0", "Fait 1")
                    .doesNotContain("Fait 29");
            assertThat(subject.description()).hasSizeLessThanOrEqualTo(TaskSubject.TEXT_LENGTH).contains("Fait 0 : x.x.")
                    .doesNotContain("Fait 29");
            // a fact is cut at 400 characters: the dossier page has it in full
            assertThat(subject.description().lines().skip(1).findFirst().orElseThrow())
                    .hasSize("Fait 0 : ".length() + TaskSubject.VALUE_LENGTH).endsWith("…");
        }

        @Test
        void aLinkLeadsToAPageOfTheApplicationOnly() {
            assertThatThrownBy(() -> seed().link("Ailleurs", "https://exemple.invalid/"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> seed().link("Ailleurs", "/gestion/demandes/x)(javascript:alert(1)"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
