package fr.subventions.backoffice;

import static fr.subventions.support.ApiJourney.amounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.LegalForm;
import fr.subventions.submission.Outcome;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.submission.VoteDecision;
import fr.subventions.support.ApiJourney;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.support.SeedRequests.Beneficiary;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The back office's dossier page, as the staff read it after logging in: the request as filed, its documents against
 * those expected (PDF and images shown in the page, served sandboxed), the applicant's other requests and the fiscal
 * year's grants against the 23 000 € threshold, the séance and its vote, the convention, the commitments and the
 * payments, the history. Requests are brought to their stage through the real process; each test has beneficiaries of
 * its own, so that other tests' requests never show in its lists.
 */
@ApplicationTest
class DossierPageTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    @Autowired
    MockMvc mvc;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    DocumentService documents;
    @Autowired
    TaskCompleter tasks;
    @Autowired
    Scenarios scenarios;
    @Autowired
    MutableClock clock;
    @Autowired
    ApiJourney api;

    final Map<String, MockHttpSession> sessions = new HashMap<>();

    @AfterEach
    void realTime() {
        clock.reset();
    }

    // ============================================================================================== as filed

    @Test
    void showsTheRequestAsFiledWithTheFinancingPlanAndEachFundersShare() throws Exception {
        SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request();

        String page = page("instructeur", request.reference());

        assertThat(text(page, "demandeur")).contains("Nom Association OF du Numérique", "Statut juridique association",
                "SIRET 73282932000074", "SIREN 732829320", "Numéro RNA W212001234",
                "Adresse 2 rue Maréchal Leclerc, 21000 Dijon", "Représentant légal Marie Dupont",
                "Courriel contact@of-numerique.example");
        assertThat(text(page, "projet")).contains("État des lieux emplois et compétences de la filière numérique",
                SeedRequests.THEME, "Exercice budgétaire 2025", "centré sur le territoire de Dijon Métropole");
        assertThat(text(page, "budget-total")).isEqualTo("72 000 €");
        assertThat(text(page, "montant-demande")).isEqualTo("20 000 €");
        assertThat(text(page, "part-demandee")).isEqualTo("27,8 %");
        assertThat(rows(page, "financement")).containsExactly(
                "Financeur Montant Part du budget",
                "Subvention demandée (cette demande) 20 000 € 27,8 %",
                "NUMEUM France 10 000 € 13,9 %",
                "Autofinancement 42 000 € 58,3 %",
                "Total des financements 72 000 € 100 %");
        assertThat(page).doesNotContain("id=\"financement-desequilibre\"");
        assertThat(text(page, "etape")).isEqualTo("Déposée");
        assertThat(page).contains("<h1><span>" + request.reference() + "</span>");
    }

    @Test
    void ticksTheExpectedDocumentsAgainstThoseReceived() throws Exception {
        SubsidyRequest request = requests.submit(SeedRequests.of(Beneficiary.newAssociation(), 2025, new BigDecimal("8000")),
                Scenarios.APPLICANT, null).request();
        scenarios.fileDocumentsOf(request.reference());
        scenarios.fileRepublicanCommitment(request.reference());
        documents.upload(request.reference(), DocumentType.RIB, "rib.png", PNG, Scenarios.APPLICANT);
        documents.upload(request.reference(), DocumentType.RIB, "rib-corrige.png", PNG, Scenarios.APPLICANT);

        String page = page("finances", request.reference());

        assertThat(rows(page, "pieces-attendues")).hasSize(7).anyMatch(r -> r.startsWith("Statuts ✗ Manquante"))
                .anyMatch(r -> r.startsWith("Relevé d'identité bancaire ✓ Reçue (2 fichiers) rib-corrige.png, le "))
                .anyMatch(r -> r.startsWith("Budget prévisionnel de l'action ✗ Manquante"))
                .anyMatch(r -> r.startsWith("Comptes du dernier exercice clos ✗ Manquante"))
                .anyMatch(r -> r.startsWith("Rapport d'activité ✗ Manquante"))
                .anyMatch(r -> r.startsWith("Contrat d'Engagement Républicain ✓ Reçue contrat-engagement-republicain.pdf"));
        assertThat(page).contains("4 pièces attendues manquent.");
        // every document filed or produced, with its type, version, date and size
        List<String> listed = rows(page, "documents");
        assertThat(listed).anyMatch(r -> r.matches("Accusé de réception \\(produit par la collectivité\\) "
                + "accuse-de-reception-" + request.reference() + "\\.docx \\(Word\\) 1 \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d "
                + "[\\d,]+ Ko Télécharger accuse-de-reception-.*"));
        // and its PDF/A rendition beside it, the same version, shown in the page
        assertThat(listed).anyMatch(r -> r.matches("Accusé de réception \\(produit par la collectivité\\) "
                + "accuse-de-reception-" + request.reference() + "\\.pdf \\(PDF\\) 1 \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d "
                + "[\\d,]+ Ko Afficher accuse-de-reception-.*"));
        assertThat(listed).anyMatch(r -> r.matches("Relevé d'identité bancaire rib\\.png \\(PNG\\) 1 .* 12 octets "
                + "Afficher rib\\.png Télécharger rib\\.png"));
        assertThat(listed).anyMatch(r -> r.startsWith("Contrat d'Engagement Républicain contrat-engagement-republicain.pdf (PDF) 1 "));
    }

    @Test
    void aCompanyIsNotAskedForTheRepublicanCommitment() throws Exception {
        SubsidyRequest request = requests.submit(SeedRequests.of(Beneficiary.fresh(LegalForm.COMPANY), 2025,
                new BigDecimal("8000")), Scenarios.APPLICANT, null).request();

        String page = page("instructeur", request.reference());

        assertThat(rows(page, "pieces-attendues")).hasSize(6).noneMatch(r -> r.contains("Engagement Républicain"));
        assertThat(text(page, "rna")).isEqualTo("aucun");
    }

    // ============================================================================================== the beneficiary

    @Test
    void listsTheApplicantsOtherRequestsBySirenOrRnaAndTheYearsGrantsAgainstTheThreshold() throws Exception {
        Beneficiary association = Beneficiary.newAssociation();
        SubsidyRequest granted = grant(association, 2025, "12000");
        SubsidyRequest lastYear = requests.submit(SeedRequests.of(
                new Beneficiary(association.name(), Beneficiary.newAssociation().siret(), association.rna(), LegalForm.ASSOCIATION),
                2024, new BigDecimal("3000")), Scenarios.APPLICANT, null).request();
        SubsidyRequest someoneElse = requests.submit(SeedRequests.of(Beneficiary.newAssociation(), 2025, new BigDecimal("5000")),
                Scenarios.APPLICANT, null).request();
        // another establishment of the same association asks for 11 001 € more the same year
        SubsidyRequest current = requests.submit(SeedRequests.of(association.otherEstablishment(), 2025,
                new BigDecimal("11001")), Scenarios.APPLICANT, null).request();

        String page = page("instructeur", current.reference());

        assertThat(rows(page, "autres-demandes")).containsExactly(
                "Référence Exercice Objet Demandé Attribué Issue",
                granted.reference() + " 2025 Action de " + association.name() + " 12 000 € 12 000 € Subvention accordée",
                lastYear.reference() + " 2024 Action de " + association.name() + " 3 000 € — En cours : déposée");
        assertThat(page).doesNotContain(someoneElse.reference())
                .contains("href=\"/gestion/demandes/" + granted.reference() + "\"");
        assertThat(text(page, "cumul")).contains("Attribué par d'autres décisions 12 000 €",
                "Attribué par cette demande rien pour l'instant", "Total attribué sur l'exercice 12 000 €");
        assertThat(text(page, "position-seuil")).isEqualTo("– en deçà du seuil de 23 000 €");
        // the decision table, with this request's amount: 23 001 € over the year
        assertThat(text(page, "projection")).startsWith("23 001 € sur l'exercice : convention obligatoire (subventions de "
                + "l'exercice supérieures à 23 000 €");
        assertThat(plain(page)).contains("Avec cette demande (montant demandé : 11 001 €)");

        String grantedPage = page("instructeur", granted.reference());
        assertThat(text(grantedPage, "total-exercice")).isEqualTo("12 000 €");
        assertThat(plain(grantedPage)).contains("Avec cette demande (montant attribué : 12 000 €)");
        assertThat(rows(grantedPage, "autres-demandes")).hasSize(3);
    }

    @Test
    void listsTheTwentyMostRecentOtherRequestsOfABeneficiaryWithMany() throws Exception {
        Beneficiary association = Beneficiary.newAssociation();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            references.add(requests.submit(SeedRequests.of(association, 2025, new BigDecimal(1000 + i)), Scenarios.APPLICANT,
                    null).request().reference());
        }

        String page = page("secretariat", references.get(21));

        List<String> listed = rows(page, "autres-demandes");
        assertThat(listed).hasSize(1 + DossierBeneficiary.OTHER_REQUESTS_SHOWN);
        assertThat(page).contains("Les 20 autres demandes les plus récentes du demandeur")
                .contains(references.get(20), references.get(1)).doesNotContain(references.get(0) + "<");
        assertThat(listed.get(1)).startsWith(references.get(20));
    }

    // ============================================================================================== after the vote

    /**
     * The seed's association through the whole life of a 30 000 € grant in 2024, split over two lines: the séance, the
     * vote and its tally, the convention signed by both parties, the two engagements, the advance paid.
     */
    @Test
    void showsTheSeanceTheVoteTheConventionTheCommitmentsAndThePayments() throws Exception {
        Beneficiary association = Beneficiary.newAssociation();
        String deveco = "2024-65-65748-90-DEVECO";
        String ecourb = "2024-65-65748-76-ECOURB";
        clock.set(LocalDate.of(2024, 3, 4));
        String reference = requests.submit(SeedRequests.of(association, 2024, new BigDecimal("30000")), Scenarios.APPLICANT,
                null).request().reference();
        scenarios.fileRepublicanCommitment(reference);
        api.settle(reference);
        clock.set(LocalDate.of(2024, 3, 11));
        api.complete(reference);
        clock.set(LocalDate.of(2024, 4, 2));
        api.instruct(reference, "30000", amounts(deveco, "10000", ecourb, "20000"));
        clock.set(LocalDate.of(2024, 6, 13));
        long session = api.sittingBureau(LocalDate.of(2024, 6, 13), LocalDate.of(2024, 6, 6), reference);
        api.adopt(session, reference);
        clock.set(LocalDate.of(2024, 6, 20));
        api.sign(reference, LocalDate.of(2024, 6, 20));
        clock.set(LocalDate.of(2024, 6, 27));
        api.impute(reference, amounts(deveco, "10000", ecourb, "20000"));
        clock.set(LocalDate.of(2024, 7, 3));
        api.postJson("finances", "/api/requests/" + reference + "/payments",
                Map.of("paidOn", "2024-07-03", "mandateReference", "M-2024-0815"));
        api.settle(reference);

        String page = page("secretariat", reference);

        assertThat(page).contains("Bureau métropolitain du jeudi 13 juin 2024")
                .contains("href=\"/seances/" + session + "\"");
        assertThat(section(page, "seance")).contains("Point de l'ordre du jour n° 1", "Montant proposé 30 000 €",
                "Décision Adoptée", "Délibération n° B2024_");
        assertThat(rows(page, "seance").stream().filter(r -> r.matches("[\\d ]+")).toList())
                .as("the scrutin: POUR, CONTRE, ABSTENTION, NE SE PRONONCE PAS, NE PREND PAS PART, DONT PROCURATIONS")
                .containsExactly("40 0 0 0 0 15");
        assertThat(text(page, "signature-beneficiaire")).isEqualTo("Marie Dupont, présidente, le 20/06/2024");
        assertThat(text(page, "signature-president")).isEqualTo("François Rebsamen, le 20/06/2024");
        assertThat(section(page, "convention")).contains("Montant 30 000 €", "Conclue le 20/06/2024");
        List<String> engagements = rows(page, "engagements");
        assertThat(engagements).hasSize(3);
        assertThat(engagements.subList(1, 3)).anyMatch(r -> r.matches("ENG-2024-\\d{6} " + deveco + " .* 10 000 € 27/06/2024 finances"))
                .anyMatch(r -> r.matches("ENG-2024-\\d{6} " + ecourb + " .* 20 000 € 27/06/2024 finances"));
        assertThat(rows(page, "reservations")).hasSize(3);
        assertThat(rows(page, "echeancier")).containsExactly(
                "Versement Montant Exigible Versé le N° de mandat Par",
                "Avance 15 000 € 20 juin 2024 03/07/2024 M-2024-0815 finances",
                "Solde 15 000 € à réception du compte rendu financier non versé — —");
        assertThat(text(page, "compte-rendu")).isEqualTo("Compte rendu financier à remettre au plus tard le 30/06/2025 : "
                + "pas encore reçu.");
        assertThat(text(page, "verse")).isEqualTo("15 000 €");
        assertThat(text(page, "total-exercice")).isEqualTo("30 000 €");
        assertThat(text(page, "position-seuil")).isEqualTo("– au-delà du seuil de 23 000 €");
        assertThat(text(page, "avis")).isEqualTo("Favorable");
        assertThat(text(page, "rapport")).startsWith("Rapport d'instruction : l'action répond aux objectifs");
        assertThat(rows(page, "table-historique")).anyMatch(r -> r.startsWith("04/03/2024 10:00 Déposée demandeur Demande déposée"))
                .anyMatch(r -> r.matches("13/06/2024 10:00 En attente des signatures de la convention secretariat Adoptée .*"))
                .anyMatch(r -> r.contains("Crédits engagés"));
        // the officer has no séance page: the séance is named, not linked
        assertThat(page("instructeur", reference)).contains("Bureau métropolitain du jeudi 13 juin 2024")
                .doesNotContain("href=\"/seances/" + session + "\"");
        // the instruction report, internal, is listed for staff
        assertThat(rows(page, "documents")).anyMatch(r -> r.startsWith("Rapport d'instruction (produit par la collectivité) "
                + "interne : non communiqué au demandeur"));
    }

    @Test
    void countsTheDaysAtAStageFromWhenTheRequestReachedIt() throws Exception {
        clock.set(LocalDate.of(2025, 10, 16));
        SubsidyRequest granted = grant(Beneficiary.newAssociation(), 2025, "9000");
        scenarios.fileDocumentsOf(granted.reference());
        // executory the same day (CGCT L2131-1): told in the history, the stage unchanged
        scenarios.executoryWithoutSeance(granted.reference());
        // the beneficiary's signature is a step of the history, at the same stage
        clock.set(LocalDate.of(2025, 10, 20));
        tasks.complete(SubsidyRequestProcess.KEY, granted.reference(), SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY,
                Map.of("signedBy", "Jeanne Martin", "signedOn", "2025-10-20"), "demandeur", "signature");
        clock.set(LocalDate.of(2025, 10, 27));

        String page = page("secretariat", granted.reference());

        assertThat(text(page, "etape")).isEqualTo("En attente des signatures de la convention");
        assertThat(text(page, "etape-depuis")).isEqualTo("16/10/2025");
        assertThat(plain(page)).contains("depuis le 16/10/2025 (11 jours)");
        assertThat(text(page, "signature-beneficiaire")).isEqualTo("Jeanne Martin, le 20/10/2025");
        assertThat(text(page, "signature-president")).isEqualTo("non signée");
    }

    // ============================================================================================== documents in the page

    @Nested
    class Documents {

        @Test
        void aPdfIsShownInThePageServedInlineAndSandboxed() throws Exception {
            SubsidyRequest request = filedWithDocuments();
            RequestDocument pdf = document(request, DocumentType.CONTRAT_ENGAGEMENT_REPUBLICAIN);

            String page = flat(page("instructeur", request.reference() + "?document=" + pdf.id()));

            assertThat(page).contains("<object class=\"apercu-pdf\" type=\"application/pdf\" data=\"/gestion/documents/"
                    + pdf.id() + "\"");
            assertThat(text(page, "titre-apercu")).isEqualTo("Aperçu : Contrat d'Engagement Républicain – "
                    + "contrat-engagement-republicain.pdf");
            MockHttpServletResponse served = call("instructeur", "/gestion/documents/" + pdf.id());
            assertThat(served.getStatus()).isEqualTo(200);
            assertThat(served.getContentType()).isEqualTo("application/pdf");
            assertThat(served.getHeader("Content-Disposition")).startsWith("inline;")
                    .contains("contrat-engagement-republicain.pdf");
            assertThat(served.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(served.getHeader("Content-Security-Policy")).startsWith("sandbox;").contains("default-src 'none'")
                    .contains("frame-ancestors 'self'");
            assertThat(served.getContentAsByteArray()).isEqualTo(Scenarios.PDF);
        }

        @Test
        void anImageIsShownInThePageWithItsAlternativeText() throws Exception {
            SubsidyRequest request = filedWithDocuments();
            RequestDocument png = document(request, DocumentType.RIB);

            String page = flat(page("finances", request.reference() + "?document=" + png.id()));

            assertThat(page).contains("<img class=\"apercu-image\" src=\"/gestion/documents/" + png.id() + "\" "
                    + "alt=\"Aperçu de la pièce « Relevé d&#39;identité bancaire » (rib.png)\">");
            MockHttpServletResponse served = call("finances", "/gestion/documents/" + png.id());
            assertThat(served.getContentType()).isEqualTo("image/png");
            assertThat(served.getHeader("Content-Disposition")).startsWith("inline;");
            assertThat(served.getHeader("Content-Security-Policy")).startsWith("sandbox;");
            assertThat(served.getContentAsByteArray()).isEqualTo(PNG);
        }

        @Test
        void anOfficeDocumentIsOnlyDownloaded() throws Exception {
            SubsidyRequest request = filedWithDocuments();
            RequestDocument acknowledgement = document(request, DocumentType.ACKNOWLEDGEMENT);

            String page = page("instructeur", request.reference() + "?document=" + acknowledgement.id());

            assertThat(page).doesNotContain("id=\"apercu\"").doesNotContain("/gestion/documents/" + acknowledgement.id() + "\"")
                    .contains("/gestion/documents/" + acknowledgement.id() + "/telechargement");
            MockHttpServletResponse served = call("instructeur", "/gestion/documents/" + acknowledgement.id());
            assertThat(served.getHeader("Content-Disposition")).startsWith("attachment;");
            assertThat(served.getContentType()).isEqualTo(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            assertThat(served.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(served.getHeader("Content-Security-Policy")).startsWith("sandbox;");
            MockHttpServletResponse pdf = call("instructeur", "/gestion/documents/"
                    + document(request, DocumentType.CONTRAT_ENGAGEMENT_REPUBLICAIN).id() + "/telechargement");
            assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment;");
            assertThat(pdf.getContentAsByteArray()).isEqualTo(Scenarios.PDF);
        }

        @Test
        void aDocumentOfTheAddressThatIsNoneOfTheRequestsShowsNothing() throws Exception {
            SubsidyRequest request = filedWithDocuments();
            SubsidyRequest other = filedWithDocuments();
            RequestDocument othersPdf = document(other, DocumentType.CONTRAT_ENGAGEMENT_REPUBLICAIN);

            for (String shown : List.of(othersPdf.id().toString(), "<script>alert(1)</script>", "1e3", "-1",
                    "99999999999999999999", "")) {
                MockHttpServletResponse response = mvc.perform(get("/gestion/demandes/" + request.reference())
                        .param("document", shown).session(login("instructeur"))).andReturn().getResponse();
                String page = response.getContentAsString(StandardCharsets.UTF_8);
                assertThat(response.getStatus()).as(shown).isEqualTo(200);
                assertThat(page).as(shown).doesNotContain("id=\"apercu\"").doesNotContain("<script>alert");
            }
        }
    }

    // ============================================================================================== refused

    @Nested
    class Refused {

        @Test
        void anApplicantReachesNeitherThePageNorTheDocuments() throws Exception {
            SubsidyRequest request = filedWithDocuments();
            RequestDocument pdf = document(request, DocumentType.CONTRAT_ENGAGEMENT_REPUBLICAIN);

            assertThat(call("demandeur", "/gestion/demandes/" + request.reference()).getStatus()).isEqualTo(403);
            assertThat(call("demandeur", "/gestion/documents/" + pdf.id()).getStatus()).isEqualTo(403);
            assertThat(call("demandeur", "/gestion/documents/" + pdf.id() + "/telechargement").getStatus()).isEqualTo(403);
        }

        @Test
        void anUnknownRequestOrDocumentIsAFrenchNotFoundPage() throws Exception {
            MockHttpServletResponse request = call("instructeur", "/gestion/demandes/SUB-2025-9999X");
            assertThat(request.getStatus()).isEqualTo(404);
            assertThat(request.getContentAsString(StandardCharsets.UTF_8)).contains("lang=\"fr\"", "Demande inconnue : SUB-2025-9999X");
            MockHttpServletResponse document = call("instructeur", "/gestion/documents/999999999");
            assertThat(document.getStatus()).isEqualTo(404);
            assertThat(document.getContentAsString(StandardCharsets.UTF_8)).contains("Document inconnu");
            MockHttpServletResponse notANumber = call("instructeur", "/gestion/documents/abc");
            assertThat(notANumber.getStatus()).isEqualTo(400);
            assertThat(notANumber.getContentAsString(StandardCharsets.UTF_8)).contains("lang=\"fr\"", "valeur invalide");
        }

        @Test
        void aVisitorIsSentToLogIn() throws Exception {
            MockHttpServletResponse response = mvc.perform(get("/gestion/demandes/SUB-2025-0001")).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).contains("/connexion");
        }
    }

    // ============================================================================================== fixtures

    /** A seed request with its acknowledgement, its signed Contrat d'Engagement Républicain (PDF) and a RIB (PNG). */
    private SubsidyRequest filedWithDocuments() {
        SubsidyRequest request = requests.submit(SeedRequests.of(Beneficiary.newAssociation(), 2025, new BigDecimal("8000")),
                Scenarios.APPLICANT, null).request();
        scenarios.fileDocumentsOf(request.reference());
        scenarios.fileRepublicanCommitment(request.reference());
        documents.upload(request.reference(), DocumentType.RIB, "rib.png", PNG, Scenarios.APPLICANT);
        return request;
    }

    private RequestDocument document(SubsidyRequest request, DocumentType type) {
        return documents.list(request).stream().filter(d -> d.type() == type).findFirst().orElseThrow();
    }

    /** Submitted, complete, instructed favourably for the whole amount, put on an agenda and adopted. */
    private SubsidyRequest grant(Beneficiary beneficiary, int fiscalYear, String amount) {
        SubsidyRequest request = requests.submit(SeedRequests.of(beneficiary, fiscalYear, new BigDecimal(amount)),
                Scenarios.APPLICANT, null).request();
        scenarios.fileRepublicanCommitment(request.reference());
        scenarios.fileDocumentsOf(request.reference());
        tasks.complete(SubsidyRequestProcess.KEY, request.reference(), SubsidyRequestProcess.TASK_CHECK_COMPLETENESS,
                Map.of("isComplete", true), "instructeur", "complétude");
        tasks.complete(SubsidyRequestProcess.KEY, request.reference(), SubsidyRequestProcess.TASK_INSTRUCT_REQUEST,
                Map.of("opinion", "FAVORABLE", "proposedAmount", new BigDecimal(amount), "budgetLines",
                        fiscalYear + "-65-65748-76-ECOURB = " + amount, "report", "Rapport d'instruction."),
                "instructeur", "instruction");
        scenarios.fileDocumentsOf(request.reference());
        String session = "Bureau métropolitain du jeudi 16 octobre " + fiscalYear;
        requests.placeOnAgenda(request.id(), session, "secretariat");
        requests.recordVote(request.id(), VoteDecision.ADOPTED, session, "secretariat");
        SubsidyRequest granted = requests.byId(request.id());
        assertThat(granted.outcome()).isEqualTo(Outcome.GRANTED);
        return granted;
    }

    // ============================================================================================== pages

    /** The dossier page as that member of staff sees it (200 expected). */
    private String page(String user, String referenceAndQuery) throws Exception {
        MockHttpServletResponse response = call(user, "/gestion/demandes/" + referenceAndQuery);
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(page).isEqualTo(200);
        return page;
    }

    private MockHttpServletResponse call(String user, String path) throws Exception {
        return mvc.perform(get(path).session(login(user))).andReturn().getResponse();
    }

    private MockHttpSession login(String user) throws Exception {
        MockHttpSession session = sessions.get(user);
        if (session == null) {
            session = DemoUsers.login(mvc, user);
            sessions.put(user, session);
        }
        return session;
    }

    /** The text of the element with this id (its first closing tag ends it), tags removed, spaces made plain. */
    static String text(String page, String id) {
        Matcher open = Pattern.compile("<(\\w+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(page);
        assertThat(open.find()).as("element #%s", id).isTrue();
        int end = page.indexOf("</" + open.group(1) + ">", open.end());
        return plain(page.substring(open.end(), end));
    }

    /** The text of the section with this id, up to the next section. */
    static String section(String page, String id) {
        int start = page.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as("section #%s", id).isNotNegative();
        int end = page.indexOf("<section", start + 1);
        return plain(page.substring(start, end < 0 ? page.length() : end));
    }

    /** Each row's text of the table with this id, or of every table of the section with this id. */
    static List<String> rows(String page, String id) {
        Matcher open = Pattern.compile("<(\\w+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(page);
        assertThat(open.find()).as("element #%s", id).isTrue();
        String closing = open.group(1).equals("section") ? "<section" : "</table>";
        int end = page.indexOf(closing, open.end());
        String table = page.substring(open.end(), end < 0 ? page.length() : end);
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("(?s)<tr[^>]*>(.*?)</tr>").matcher(table);
        while (row.find()) {
            rows.add(plain(row.group(1)));
        }
        return rows;
    }

    /** The text a reader sees: a block's tags part words, an inline element's do not. */
    static String plain(String html) {
        String text = html.replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?i)</?(p|div|td|th|tr|dt|dd|li|ul|dl|table|thead|tbody|tfoot|caption|h\\d|br|object|img)\\b[^>]*>", " ")
                .replaceAll("(?s)<[^>]+>", "");
        return HtmlUtils.htmlUnescape(text).replace('\u202f', ' ').replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    /** The page's markup with each run of white space made one space. */
    static String flat(String page) {
        return page.replaceAll("\\s+", " ");
    }
}
