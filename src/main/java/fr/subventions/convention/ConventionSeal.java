package fr.subventions.convention;

import fr.subventions.signature.ActSigner;
import fr.subventions.signature.SignatoryRole;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.SubsidyRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The President signs the convention after the beneficiary (PAdES): the copy the beneficiary filed signed, when it is
 * a PDF — its own electronic signature kept valid by the President's, added incrementally —, or else the convention
 * as produced; filed as the convention signed by both, and told ({@link ConventionSigned}).
 */
@Component
class ConventionSeal {

    private final DocumentService documents;
    private final ActSigner signer;
    private final ApplicationEventPublisher events;

    ConventionSeal(DocumentService documents, ActSigner signer, ApplicationEventPublisher events) {
        this.documents = documents;
        this.signer = signer;
        this.events = events;
    }

    RequestDocument seal(SubsidyRequest request) {
        RequestDocument source = documents.latestPdf(request.id(), null, DocumentType.CONVENTION_SIGNEE)
                .or(() -> documents.latestPdf(request.id(), null, DocumentType.CONVENTION))
                .orElseThrow(() -> new IllegalStateException("no convention PDF for " + request.reference()));
        byte[] signed = signer.sign(documents.withContent(source.id()).orElseThrow().content(), SignatoryRole.PRESIDENT,
                null);
        RequestDocument sealed = documents.storeGenerated(request.id(), null, DocumentType.CONVENTION_SIGNEE,
                "convention-signee-" + request.reference() + ".pdf", DocumentType.PDF, signed, request.status().name());
        events.publishEvent(new ConventionSigned(request.id(), sealed.id()));
        return sealed;
    }
}
