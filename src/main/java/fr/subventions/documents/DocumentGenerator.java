package fr.subventions.documents;

import fr.subventions.budget.BudgetService;
import fr.subventions.bureau.AgendaItem;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.SessionService;
import fr.subventions.convention.ConventionService;
import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.RequestMilestone;
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
 * filed with its request (or its séance).
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
        RequestDocument document = file(request, model.type(), render(model));
        milestone(model.type(), request, document).ifPresent(events::publishEvent);
        return document;
    }

    /** The e-mail a request's document goes with, if any: the applicant receives the letters that concern them. */
    private Optional<RequestMilestone> milestone(DocumentType type, SubsidyRequest request, RequestDocument document) {
        return Optional.ofNullable(switch (type) {
            case ACKNOWLEDGEMENT -> RequestMilestone.of(request.id(), RequestMilestone.Milestone.RECEIVED, document.id());
            case MISSING_ITEMS_REQUEST -> RequestMilestone.of(request.id(), RequestMilestone.Milestone.MISSING_ITEMS_REQUESTED,
                    document.id());
            case CONVENTION -> conventions.of(request.id()).map(c -> RequestMilestone.of(request.id(),
                    RequestMilestone.Milestone.CONVENTION_TO_SIGN, document.id())
                    .with("grantedAmount", Money.format(c.amount()))
                    .with("validUntil", FrenchText.date(c.validUntil()))).orElse(null);
            case NOTIFICATION_GRANTED, NOTIFICATION_REJECTED -> RequestMilestone.of(request.id(),
                    RequestMilestone.Milestone.CLOSED, document.id());
            default -> null;
        });
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
        return documents.storeGenerated(request.id(), session.id(), DocumentType.DELIBERATION_EXTRACT,
                "extrait-deliberation-" + session.sessionDate() + "-" + request.reference() + ".docx", DocumentType.DOCX,
                content, request.status().name());
    }

    private RequestDocument file(SubsidyRequest request, DocumentType type, byte[] content) {
        return documents.storeGenerated(request.id(), null, type, type.template() + "-" + request.reference()
                + type.extension(), type.mediaType(), content, request.status().name());
    }

    /** The model's template filled with its placeholders and the authority's. */
    private byte[] render(DocumentModel model) {
        Map<String, Object> placeholders = new HashMap<>(authority.placeholders());
        placeholders.putAll(model.placeholders());
        return DocxTemplate.render(model.type().template(), templates.source(model.type()), placeholders);
    }
}
