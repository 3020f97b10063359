package fr.subventions.backoffice;

import fr.subventions.backoffice.StepForm.LineChoice;
import fr.subventions.budget.BudgetService;
import fr.subventions.instruction.InstructionService;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.SubsidyRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The officers' forms on the dossier page, completeness and instruction: what each shows beside its fields, and its
 * defaults — read from our tables (the documents filed, the budget lines and their live credits).
 */
@Component
public class OfficerStepForms {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DocumentService documents;
    private final ExpectedDocuments expectedDocuments;
    private final InstructionService instruction;
    private final BudgetService budget;
    private final Clock clock;

    OfficerStepForms(DocumentService documents, ExpectedDocuments expectedDocuments, InstructionService instruction,
            BudgetService budget, Clock clock) {
        this.documents = documents;
        this.expectedDocuments = expectedDocuments;
        this.instruction = instruction;
        this.budget = budget;
        this.clock = clock;
    }

    /** The expected documents, those received ticked in {@code values}. */
    Completeness completeness(SubsidyRequest request, Map<String, String> values) {
        List<RequestDocument> filed = documents.list(request).stream().filter(d -> d.type().filedByApplicant()).toList();
        List<ExpectedDocument> expected = new ArrayList<>();
        List<DocumentType> listed = expectedDocuments.of(request);
        for (DocumentType type : listed) {
            List<String> files = filed.stream().filter(d -> d.type() == type).map(this::describe).toList();
            expected.add(new ExpectedDocument(Completeness.field(type), type.label(), files));
            if (!files.isEmpty()) {
                values.put(Completeness.field(type), "on");
            }
        }
        List<String> others = filed.stream().filter(d -> !listed.contains(d.type()))
                .map(d -> d.type().label() + " : " + describe(d)).toList();
        return new Completeness(expected, others, instruction.missingItemsDeadline(),
                listed.contains(DocumentType.CONTRAT_ENGAGEMENT_REPUBLICAIN), request.missingItems(),
                request.missingItemsDue());
    }

    private String describe(RequestDocument document) {
        return document.filename() + ", déposé le " + DAY.format(document.uploadedAt().atZone(clock.getZone()));
    }

    Instruction instruction(SubsidyRequest request) {
        List<LineChoice> lines = budget.lines(request.fiscalYear()).stream()
                .map(l -> new LineChoice(LineChoice.field(l.code()), l.code(), l.label(), l.service(), l.available(), null))
                .toList();
        return new Instruction(request.requestedAmount(), request.totalBudget(), request.fiscalYear(), lines,
                request.theme(), request.applicant().name() + " – " + request.title());
    }

    /** An expected document, ticked when received: the files received of its type. */
    public record ExpectedDocument(String field, String label, List<String> files) {

        public boolean received() {
            return !files.isEmpty();
        }
    }

    /**
     * The completeness check: the expected documents against those received, the others received, the deadline the
     * applicant would be given for the missing ones, and the items asked for before, if any.
     */
    public record Completeness(List<ExpectedDocument> expected, List<String> others, LocalDate deadline,
            boolean republicanCommitment, List<String> askedBefore, LocalDate askedBeforeDue) implements StepForm {

        /** The checkbox of a document type: {@code recue-STATUTS}. */
        public static String field(DocumentType type) {
            return "recue-" + type.name();
        }
    }

    /** The instruction: the request's amounts, the year's lines with their credits, and the extract's heading. */
    public record Instruction(BigDecimal requested, BigDecimal totalBudget, int fiscalYear, List<LineChoice> lines,
            String theme, String itemTitle) implements StepForm {
    }
}
