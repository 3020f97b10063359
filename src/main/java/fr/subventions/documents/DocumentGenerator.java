package fr.subventions.documents;

import fr.subventions.acts.ActRegister;
import fr.subventions.budget.BudgetService;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AgendaItem;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.SessionService;
import fr.subventions.convention.ConventionService;
import fr.subventions.shared.NotFoundException;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Produces a document: its model built from our tables (one record per kind), its template filled, and the document
 * filed with its request (or its séance), each .docx with its PDF/A rendition beside it ({@link PdfRenditions}) in
 * the same transaction: the rendition is made before anything is filed, so that a failed conversion files neither. A
 * request's document is then told as {@link DocumentProduced}: what follows it, an e-mail say, is decided by whoever
 * listens, not here.
 */
@Service
@Transactional
public class DocumentGenerator {

    private final SubsidyRequestService requests;
    private final SessionService sessions;
    private final Agenda agenda;
    private final ConventionService conventions;
    private final BudgetService budget;
    private final DocumentService documents;
    private final TemplateStore templates;
    private final RequestLetters letters;
    private final SessionDocuments sessionDocuments;
    private final GrantDocuments grants;
    private final Authority authority;
    private final PdfRenditions renditions;
    private final ActSignatures signatures;
    private final ActDocuments acts;
    private final ActRegister register;
    private final ApplicationEventPublisher events;

    DocumentGenerator(SubsidyRequestService requests, SessionService sessions, Agenda agenda, ConventionService conventions,
            BudgetService budget, DocumentService documents, TemplateStore templates, RequestLetters letters,
            SessionDocuments sessionDocuments, GrantDocuments grants, Authority authority, PdfRenditions renditions,
            ActSignatures signatures, ActDocuments acts, ActRegister register, ApplicationEventPublisher events) {
        this.signatures = signatures;
        this.acts = acts;
        this.register = register;
        this.requests = requests;
        this.sessions = sessions;
        this.agenda = agenda;
        this.conventions = conventions;
        this.budget = budget;
        this.documents = documents;
        this.templates = templates;
        this.letters = letters;
        this.sessionDocuments = sessionDocuments;
        this.grants = grants;
        this.authority = authority;
        this.renditions = renditions;
        this.events = events;
    }

    /**
     * A request's document of this type, filed with it (the .docx returned, its PDF/A beside it); either notification
     * is the one the request's outcome calls for. The engagement sheet, finance's workbook, has no PDF.
     */
    public RequestDocument forRequest(DocumentType type, Long requestId) {
        SubsidyRequest request = requests.byId(requestId);
        if (type == DocumentType.ENGAGEMENT_SHEET) {
            RequestDocument sheet = documents.storeGenerated(request.id(), null, type, type.template() + "-"
                    + request.reference() + type.extension(), type.mediaType(),
                    Workbooks.engagementSheet(request, budget.commitmentsOf(requestId)), request.status().name());
            events.publishEvent(new DocumentProduced(request.id(), type, sheet.id(), null));
            return sheet;
        }
        DocumentModel model = switch (type) {
            case ACKNOWLEDGEMENT -> letters.acknowledgement(request);
            case MISSING_ITEMS_REQUEST -> letters.missingItemsRequest(request);
            case INSTRUCTION_REPORT -> letters.instructionReport(request);
            case CONVENTION -> grants.convention(request);
            case NOTIFICATION_GRANTED, NOTIFICATION_REJECTED -> grants.notification(request);
            case EXECUTORY_CERTIFICATE -> acts.certificate(request, agenda.decisionOn(requestId)
                    .orElseThrow(() -> new IllegalStateException(request.reference() + " was decided in no séance"))
                    .session());
            default -> throw new IllegalArgumentException(type + " is not produced for a request alone");
        };
        Filed filed = produced(file(request.id(), null, model.type(), model.type().template() + "-"
                + request.reference() + ".docx", render(model), request.status().name()));
        if (type == DocumentType.CONVENTION) {
            // the deliberation approves the convention, its annex: sent to the prefect once both are there
            register.conventionFiled(requestId);
        }
        return filed.document();
    }

    /**
     * A reminder letter to the beneficiary (signature of the convention, financial report), filed with the request:
     * the .docx and its PDF/A, which the reminder's e-mail carries.
     */
    Filed reminder(Long requestId, String subject, List<String> paragraphs) {
        SubsidyRequest request = requests.byId(requestId);
        return produced(file(request.id(), null, DocumentType.REMINDER, DocumentType.REMINDER.template() + "-"
                + request.reference() + ".docx", render(letters.reminder(request, subject, paragraphs)),
                request.status().name()));
    }

    /** The convocation and agenda of a séance, filed with the séance (the .docx returned, its PDF/A beside it). */
    public RequestDocument convocation(Long sessionId) {
        AssemblySession session = sessions.get(sessionId);
        return file(null, sessionId, DocumentType.CONVOCATION, "convocation-ordre-du-jour-seance-"
                + session.sessionDate() + ".docx", render(sessionDocuments.convocation(session)), null).document();
    }

    /**
     * The séance's procès-verbal, filed with the séance once it is closed (the .docx returned, its PDF/A beside it,
     * signed by the secretary and the President).
     */
    public RequestDocument minutes(Long sessionId) {
        AssemblySession session = sessions.get(sessionId);
        return file(null, sessionId, DocumentType.MINUTES, "proces-verbal-seance-" + session.sessionDate() + ".docx",
                render(sessionDocuments.minutes(session)), null).document();
    }

    /**
     * The list of the deliberations the séance examined (L2121-25), filed with the séance once it is closed, signed by
     * the secretary and the President, and recorded in the register of acts, to be published within a week.
     */
    public RequestDocument deliberationList(Long sessionId) {
        AssemblySession session = sessions.get(sessionId);
        Map<Long, SubsidyRequest> decided = new HashMap<>();
        session.items().forEach(item -> decided.put(item.requestId(), requests.byId(item.requestId())));
        Filed filed = file(null, sessionId, DocumentType.DELIBERATION_LIST, "liste-deliberations-seance-"
                + session.sessionDate() + ".docx", render(acts.list(session, decided)), null);
        register.listSigned(sessionId, filed.pdf().id(), ActDocuments.listNumber(session), acts.listObject(session));
        return filed.document();
    }

    /**
     * The extract of the register for one voted item, filed with its request and its séance (the .docx returned, its
     * PDF/A beside it).
     */
    public RequestDocument extract(Long agendaItemId) {
        AgendaItem item = agenda.agendaItem(agendaItemId);
        AssemblySession session = item.session();
        SubsidyRequest request = requests.byId(item.requestId());
        byte[] content = render(sessionDocuments.extract(item, request, conventions.of(request.id()).isPresent()));
        Filed filed = produced(file(request.id(), session.id(), DocumentType.DELIBERATION_EXTRACT,
                "extrait-deliberation-" + session.sessionDate() + "-" + request.reference() + ".docx", content,
                request.status().name()));
        // signed by the secretary and the President: the deliberation enters the register of acts, to be sent and
        // published
        register.deliberationSigned(agendaItemId, filed.pdf().id(), acts.object(item, request));
        return filed.document();
    }

    /**
     * The PDF/A rendition of a document produced as .docx: the one filed beside it, or, for a document filed before
     * renditions existed, one made from it now and filed beside it (with its version). For other modules that issue
     * a produced document as PDF (a signature, say).
     *
     * @throws IllegalArgumentException the document is not a .docx the authority produced
     */
    public RequestDocument renditionOf(Long documentId) {
        Optional<RequestDocument> filed = documents.pdfOf(documentId);
        if (filed.isPresent()) {
            return filed.get();
        }
        RequestDocument document = documents.withContent(documentId)
                .orElseThrow(() -> new NotFoundException("Document inconnu : " + documentId));
        if (!document.type().generated() || !DocumentType.DOCX.equals(document.mediaType())) {
            throw new IllegalArgumentException(document.filename() + " is not a .docx the authority produced");
        }
        return documents.storeRendition(document, renditions.toPdfA(document.content()));
    }

    /** A .docx and its PDF/A rendition, filed together. */
    record Filed(RequestDocument document, RequestDocument pdf) {
    }

    /**
     * Files a .docx and its PDF/A rendition, the same version, the rendition signed by whoever signs the type
     * ({@link ActSignatures}): the rendition and its signatures are made first, so that a conversion or a signature
     * that fails (LibreOffice missing, too slow; no signing key) throws before anything is filed, and the job is retried.
     */
    private Filed file(Long requestId, Long sessionId, DocumentType type, String filename, byte[] docx, String stage) {
        byte[] pdf = signatures.sign(type, renditions.toPdfA(docx));
        RequestDocument document = documents.storeGenerated(requestId, sessionId, type, filename, DocumentType.DOCX, docx,
                stage);
        return new Filed(document, documents.storeRendition(document, pdf));
    }

    /** A request's document, filed: told to whoever follows it (the e-mail that carries its PDF). */
    private Filed produced(Filed filed) {
        RequestDocument document = filed.document();
        events.publishEvent(new DocumentProduced(document.requestId(), document.type(), document.id(), filed.pdf().id()));
        return filed;
    }

    /** The model's template filled with its placeholders and the authority's. */
    private byte[] render(DocumentModel model) {
        Map<String, Object> placeholders = new HashMap<>(authority.placeholders());
        placeholders.putAll(model.placeholders());
        return DocxTemplate.render(model.type().template(), templates.source(model.type()), placeholders);
    }
}
