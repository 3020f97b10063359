package fr.subventions.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubmitRequest;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The worklist's parameters read from the address: each one checked, with its French message when refused. */
class WorklistQueryFormTest {

    static final WorklistQueryForm.Choices CHOICES = new WorklistQueryForm.Choices() {
        @Override
        public Collection<String> services() {
            return List.of("Développement économique", "Écologie urbaine");
        }

        @Override
        public boolean isStaff(String userId) {
            return userId.equals("instructeur");
        }
    };

    static WorklistQueryForm.Parsed parse(Map<String, String> parameters) {
        MultiValueMap<String, String> multi = new LinkedMultiValueMap<>();
        parameters.forEach(multi::add);
        return WorklistQueryForm.parse(multi, CHOICES);
    }

    @Test
    void everyParameterReadsBackFromItsLink() {
        WorklistQuery query = new WorklistQuery(WorklistTab.TO_SIGN, "numérique", 2026, SubmitRequest.THEMES.get(1),
                "Écologie urbaine", RequestStatus.AWAITING_SIGNATURES, "instructeur", new BigDecimal("1500.50"),
                new BigDecimal("20000.00"), true, WorklistSort.DEADLINE, true, 3, 20);
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        query.parameters().forEach(parameters::add);
        WorklistQueryForm.Parsed parsed = WorklistQueryForm.parse(parameters, CHOICES);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.query()).isEqualTo(query);
        assertThat(query.link("/gestion")).startsWith("/gestion?onglet=a-signer&recherche=num%C3%A9rique&exercice=2026");
    }

    @Test
    void amountsAreReadAsPeopleTypeThem() {
        WorklistQuery query = parse(Map.of("montantMin", "1 500,5", "montantMax", "20\u202f000 €")).query();
        assertThat(query.amountMin()).isEqualTo(new BigDecimal("1500.50"));
        assertThat(query.amountMax()).isEqualTo(new BigDecimal("20000.00"));
    }

    @Test
    void withoutAnySortTheLongestWaitingComeFirst() {
        assertThat(parse(Map.of("onglet", "tous")).query().sort()).isEqualTo(WorklistSort.DAYS);
        assertThat(parse(Map.of("onglet", "tous")).query().descending()).isTrue();
        assertThat(parse(Map.of("tri", "objet")).query().descending()).isFalse();
    }

    @Nested
    class Refused {

        void refused(String name, String value, String message) {
            WorklistQueryForm.Parsed parsed = parse(Map.of(name, value));
            assertThat(parsed.valid()).isFalse();
            assertThat(parsed.errors()).containsOnlyKeys(name);
            assertThat(parsed.errors().get(name)).contains(message);
            assertThat(parsed.query()).isEqualTo(WorklistQuery.DEFAULT);
            assertThat(parsed.values()).containsEntry(name, value);
        }

        @Test
        void eachWrongValueWithItsMessage() {
            refused("onglet", "corbeille", "onglet inconnu");
            refused("exercice", "2026.5", "exercice invalide");
            refused("exercice", "1999", "exercice invalide");
            refused("thematique", "SPORT", "thématique inconnue");
            refused("service", "Finances", "service inconnu");
            refused("etape", "IN_INSTRUCTION", "étape inconnue");
            refused("prisePar", "admin", "agent inconnu");
            refused("prisePar", "../etc", "agent inconnu");
            refused("montantMin", "1e400", "montant trop grand");
            refused("montantMin", "-1", "négatif");
            refused("montantMin", "12,345", "centime");
            refused("montantMax", "NaN", "montant invalide");
            refused("montantMax", "9".repeat(40), "montant invalide");
            refused("enRetard", "peut-être", "oui ou non");
            refused("tri", "hasard", "tri inconnu");
            refused("ordre", "aleatoire", "ordre inconnu");
            refused("page", "0", "page invalide");
            refused("page", "99999999999", "page invalide");
            refused("taille", "1000000", "20, 50 ou 100");
            refused("recherche", "a".repeat(101), "au plus 100 caractères");
            refused("recherche", "numé\u0000rique", "caractères de contrôle");
            refused("recherche", "numé\u202erique", "caractères de contrôle");
            refused("recherche", "ligne\nautre", "une ligne");
            refused("recherche", "<script>alert(1)</script>", "chevrons");
        }

        @Test
        void aMaximumBelowTheMinimum() {
            WorklistQueryForm.Parsed parsed = parse(Map.of("montantMin", "5000", "montantMax", "100"));
            assertThat(parsed.errors()).containsOnlyKeys("montantMax");
        }
    }
}
