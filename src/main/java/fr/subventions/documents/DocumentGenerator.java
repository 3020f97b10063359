package fr.subventions.documents;

import fr.subventions.budget.BudgetService;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AgendaItem;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.SessionService;
import fr.subventions.convention.ConventionService;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Produces a document: its model built from our tables (one record per kind), its template filled, and the document
 * filed with its request (or its séance). A request's document is then told as {@link DocumentProduced}: what follows
 * it, an e-mail say, is decided by whoever listens, not here.
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
    private final ApplicationEventPublisher events;

    DocumentGenerator(SubsidyRequestService requests, SessionService sessions, Agenda agenda, ConventionService conventions,
            BudgetService budget, DocumentService documents, TemplateStore templates, RequestLetters letters,
            SessionDocuments sessionDocuments, GrantDocuments grants, Authority authority,
            ApplicationEventPublisher events) {
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
        this.events = events;
    }

    /** A request's document of this type, filed with it; either notification is the one the request's outcome calls for. */
    public RequestDocument forRequest(DocumentType type, Long requestId) {
        SubsidyRequest request = requests.byId(requestId);
        if (type == DocumentType.ENGAGEMENT_SHEET) {
            return file(request, type, Workbooks.engagementSheet(request, budget.commitmentsOf(requestId)));
        }
        DocumentModel model = switch (type) {
            case ACKNOWLEDGEMENT -> letters.acknowledgement(request);
            case MISSING_ITEMS_REQUEST -> letters.missingItemsRequest(request);
            case INSTRUCTION_REPORT -> letters.instructionReport(request);
            case CONVENTION -> grants.convention(request);
            case NOTIFICATION_GRANTED, NOTIFICATION_REJECTED -> grants.notification(request);
            default -> throw new IllegalArgumentException(type + " is not produced for a request alone");
        };
        return file(request, model.type(), render(model));
    }

    /** A reminder letter to the beneficiary (signature of the convention, financial report), filed with the request. */
    RequestDocument reminder(Long requestId, String subject, List<String> paragraphs) {
        SubsidyRequest request = requests.byId(requestId);
        return file(request, DocumentType.REMINDER, render(letters.reminder(request, subject, paragraphs)));
    }

    /** The convocation and agenda of a séance, filed with the séance. */
    public RequestDocument convocation(Long sessionId) {
        AssemblySession session = sessions.get(sessionId);
        return documents.storeGenerated(null, sessionId, DocumentType.CONVOCATION,
                "convocation-ordre-du-jour-seance-" + session.sessionDate() + ".docx", DocumentType.DOCX,
                render(sessionDocuments.convocation(session)), null);
    }

    /** The séance's procès-verbal, filed with the séance once it is closed. */
    public RequestDocument minutes(Long sessionId) {
        AssemblySession session = sessions.get(sessionId);
        return documents.storeGenerated(null, sessionId, DocumentType.MINUTES,
                "proces-verbal-seance-" + session.sessionDate() + ".docx", DocumentType.DOCX,
                render(sessionDocuments.minutes(session)), null);
    }

    /** The extract of the register for one voted item, filed with its request and its séance. */
    public RequestDocument extract(Long agendaItemId) {
        AgendaItem item = agenda.agendaItem(agendaItemId);
        AssemblySession session = item.session();
        SubsidyRequest request = requests.byId(item.requestId());
        byte[] content = render(sessionDocuments.extract(item, request, conventions.of(request.id()).isPresent()));
        return produced(documents.storeGenerated(request.id(), session.id(), DocumentType.DELIBERATION_EXTRACT,
                "extrait-deliberation-" + session.sessionDate() + "-" + request.reference() + ".docx", DocumentType.DOCX,
                content, request.status().name()));
    }

    private RequestDocument file(SubsidyRequest request, DocumentType type, byte[] content) {
        return produced(documents.storeGenerated(request.id(), null, type, type.template() + "-" + request.reference()
                + type.extension(), type.mediaType(), content, request.status().name()));
    }

    /** A request's document, filed: told to whoever follows it (the e-mail that carries it). */
    private RequestDocument produced(RequestDocument document) {
        events.publishEvent(new DocumentProduced(document.requestId(), document.type(), document.id()));
        return document;
    }

    /** The model's template filled with its placeholders and the authority's. */
    private byte[] render(DocumentModel model) {
        Map<String, Object> placeholders = new HashMap<>(authority.placeholders());
        placeholders.putAll(model.placeholders());
        return DocxTemplate.render(model.type().template(), templates.source(model.type()), placeholders);
    }
}
