package fr.subventions.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.PdfA;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How a produced document's PDF/A rendition is filed and found: beside its .docx, with the same version, a version
 * produced again counted once; the rendition of a document filed before renditions existed made on demand, once; and
 * none for a document the applicant filed.
 */
@ApplicationTest
class PdfRenditionFilingTest {

    @Autowired
    DocumentGenerator generator;
    @Autowired
    DocumentService documents;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    TemplateStore templates;
    @Autowired
    Authority authority;
    @Autowired
    RequestLetters letters;
    @Autowired
    Scenarios scenarios;

    @Test
    void aDocumentProducedAgainIsANewVersionWithItsOwnPdfOfTheSameVersion() {
        SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request();
        scenarios.fileDocumentsOf(request.reference());

        RequestDocument again = generator.forRequest(DocumentType.ACKNOWLEDGEMENT, request.id());

        List<RequestDocument> filed = documents.list(requests.byId(request.id())).stream()
                .filter(d -> d.type() == DocumentType.ACKNOWLEDGEMENT).toList();
        assertThat(filed).extracting(d -> d.mediaType() + " v" + d.version()).containsExactly(
                DocumentType.DOCX + " v1", DocumentType.PDF + " v1", DocumentType.DOCX + " v2", DocumentType.PDF + " v2");
        assertThat(again.version()).isEqualTo(2);
        RequestDocument pdf = documents.pdfOf(again.id()).orElseThrow();
        assertThat(pdf.version()).isEqualTo(2);
        assertThat(pdf.filename()).isEqualTo("accuse-de-reception-" + request.reference() + ".pdf");
        assertThat(documents.latestPdf(request.id(), null, DocumentType.ACKNOWLEDGEMENT)).get()
                .extracting(RequestDocument::id).isEqualTo(pdf.id());
        assertThat(documents.pdfOf(filed.get(0).id())).get().extracting(RequestDocument::id).isEqualTo(filed.get(1).id());
        assertThat(documents.pdfOf(pdf.id())).as("a PDF is its own rendition").get().extracting(RequestDocument::id)
                .isEqualTo(pdf.id());
    }

    @Test
    void aDocumentFiledBeforeRenditionsGetsItsPdfOnDemandOnce() {
        SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request();
        scenarios.fileDocumentsOf(request.reference());
        // as the previous release filed it: the .docx alone
        Map<String, Object> placeholders = new HashMap<>(authority.placeholders());
        placeholders.putAll(letters.acknowledgement(request).placeholders());
        byte[] docx = DocxTemplate.render("accuse-de-reception", templates.source(DocumentType.ACKNOWLEDGEMENT),
                placeholders);
        RequestDocument old = documents.storeGenerated(request.id(), null, DocumentType.ACKNOWLEDGEMENT,
                "accuse-de-reception-ancien.docx", DocumentType.DOCX, docx, request.status().name());
        assertThat(documents.pdfOf(old.id())).isEmpty();

        RequestDocument pdf = generator.renditionOf(old.id());

        assertThat(pdf.filename()).isEqualTo("accuse-de-reception-ancien.pdf");
        assertThat(pdf.version()).isEqualTo(old.version());
        PdfA.assertValidPdfA2b(pdf.content());
        assertThat(PdfA.text(pdf.content())).contains(request.reference());
        assertThat(generator.renditionOf(old.id()).id()).as("made once").isEqualTo(pdf.id());
    }

    @Test
    void aDocumentTheApplicantFiledHasNoRendition() {
        SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request();
        scenarios.fileRepublicanCommitment(request.reference());
        RequestDocument uploaded = documents.list(requests.byId(request.id())).stream()
                .filter(d -> d.type() == DocumentType.CONTRAT_ENGAGEMENT_REPUBLICAIN).findFirst().orElseThrow();

        assertThat(documents.pdfOf(uploaded.id())).isEmpty();
        assertThatThrownBy(() -> generator.renditionOf(uploaded.id())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> documents.storeRendition(uploaded, Scenarios.PDF))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
