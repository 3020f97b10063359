package fr.subventions.convention;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.subventions.documents.DocumentLines;
import fr.subventions.instruction.InstructionService;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.LegalForm;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.support.SeedRequests.Beneficiary;
import java.math.BigDecimal;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Contrat d'Engagement Républicain (loi 2000-321 art. 10-1, décret 2021-1947): an association or a foundation
 * subscribes it to ask for a subsidy, so its request is not complete without the signed contract; a company or a
 * public body does not sign one.
 */
@ApplicationTest
class RepublicanCommitmentTest {

    @Autowired
    SubsidyRequestService requests;
    @Autowired
    InstructionService instruction;
    @Autowired
    Scenarios scenarios;
    @Autowired
    MockMvc mvc;

    @Test
    void anAssociationsRequestIsNotCompleteWithoutTheContract() {
        SubsidyRequest request = submitted(LegalForm.ASSOCIATION);

        assertThatThrownBy(() -> instruction.recordCompleteness(request.id(), true, List.of(), null, "instructeur"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("le dossier ne peut être déclaré complet sans le Contrat d'Engagement Républicain "
                        + "signé : une association qui demande une subvention le souscrit")
                .hasMessageContaining("Déclarez le dossier incomplet en le demandant comme pièce manquante.");
        assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.SUBMITTED);

        // the officer asks for it as a missing document; once filed, the request can be declared complete
        instruction.recordCompleteness(request.id(), false, List.of("Contrat d'Engagement Républicain signé"), null,
                "instructeur");
        assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.INCOMPLETE);
        scenarios.fileRepublicanCommitment(request.reference());
        requests.recordMissingItemsSupplied(request.id(), "demandeur");
        instruction.recordCompleteness(request.id(), true, List.of(), null, "instructeur");
        assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.IN_INSTRUCTION);
    }

    @Test
    void aFoundationSignsItToo() {
        SubsidyRequest request = submitted(LegalForm.FOUNDATION);

        assertThatThrownBy(() -> instruction.recordCompleteness(request.id(), true, List.of(), null, "instructeur"))
                .hasMessageContaining("une fondation qui demande une subvention le souscrit");
    }

    @Test
    void aCompanyOrAPublicBodyDoesNot() {
        for (LegalForm legalForm : new LegalForm[] {LegalForm.COMPANY, LegalForm.PUBLIC_BODY}) {
            SubsidyRequest request = submitted(legalForm);
            instruction.recordCompleteness(request.id(), true, List.of(), null, "instructeur");
            assertThat(requests.byId(request.id()).status()).as(legalForm.name()).isEqualTo(RequestStatus.IN_INSTRUCTION);
        }
    }

    @Test
    void theApiAnswers400WithTheFrenchMessageOnTheDecision() throws Exception {
        SubsidyRequest request = submitted(LegalForm.ASSOCIATION);
        scenarios.fileDocumentsOf(request.reference());

        mvc.perform(post("/api/requests/{reference}/completeness", request.reference())
                        .with(as("instructeur"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"complete\": true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("complete"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString(
                        "sans le Contrat d'Engagement Républicain signé")));
        assertThat(requests.byId(request.id()).status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    @Test
    void theConventionRecallsItAmongTheBeneficiarysObligations(@Autowired DocumentService documents) {
        SubsidyRequest granted = scenarios.instructedRequest(2026, "2026-65-65748-76-ECOURB", 5000);
        String session = "Bureau métropolitain du jeudi 10 septembre 2026";
        requests.placeOnAgenda(granted.id(), session, "secretariat");
        requests.recordVote(granted.id(), VoteDecision.ADOPTED, session, "secretariat");
        scenarios.fileDocumentsOf(granted.reference());

        byte[] convention = documents.list(granted).stream()
                .filter(d -> d.type() == DocumentType.CONVENTION).findFirst()
                .map(d -> documents.get(d.id(), scenarios.staff()).content()).orElseThrow();
        assertThat(String.join("\n", DocumentLines.of(convention)))
                .contains("respecter le Contrat d'Engagement Républicain souscrit lors de la demande");
    }

    private SubsidyRequest submitted(LegalForm legalForm) {
        return requests.submit(SeedRequests.of(Beneficiary.fresh(legalForm), 2026, new BigDecimal("5000")),
                Scenarios.APPLICANT, null).request();
    }
}
