package fr.subventions.portal;

import fr.subventions.collaboration.Messages;
import fr.subventions.payment.PaymentService;
import fr.subventions.shared.Caller;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.PageForm;
import fr.subventions.shared.StageConflictException;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.DocumentView;
import fr.subventions.submission.Downloads;
import fr.subventions.submission.LegalForm;
import fr.subventions.submission.Outcome;
import fr.subventions.submission.RequestView;
import fr.subventions.submission.SubmitRequest;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.SubsidyPaymentProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's portal: their requests, a new request in steps, the missing documents, withdrawal, signature, the
 * payment schedule and the compte rendu financier, and the thread of messages with the authority
 * ({@link PortalMessagesController}). A module of its own, as the back office is the staff's: it shows
 * every stage to the applicant, while no stage depends on it.
 */
@Controller
class PortalController {

    /** The documents the submission form asks for, by form field. */
    static final Map<String, DocumentType> FILED = new LinkedHashMap<>(Map.of(
            "statuts", DocumentType.STATUTS, "rib", DocumentType.RIB, "budget", DocumentType.BUDGET_PREVISIONNEL,
            "cer", DocumentType.CONTRAT_ENGAGEMENT_REPUBLICAIN));

    private final SubsidyRequestService requests;
    private final DocumentService documents;
    private final TaskCompleter tasks;
    private final PaymentService payments;
    private final Clock clock;
    private final Messages messages;

    PortalController(SubsidyRequestService requests, DocumentService documents, TaskCompleter tasks,
            PaymentService payments, Clock clock, Messages messages) {
        this.messages = messages;
        this.requests = requests;
        this.documents = documents;
        this.payments = payments;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The form offers a handful of co-financing rows: a row far beyond is refused, not grown into a list. */
    @InitBinder("form")
    void limitRows(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(MAX_COFINANCING_ROWS);
    }

    static final int MAX_COFINANCING_ROWS = 50;

    @GetMapping("/portail")
    String myRequests(Caller caller, Model model) {
        model.addAttribute("requests", requests.list(null, caller));
        return "portail/demandes";
    }

    @GetMapping("/portail/demandes/nouvelle")
    String newRequest(Model model) {
        RequestForm form = new RequestForm();
        form.setFiscalYear(String.valueOf(Year.now(clock).getValue()));
        return form(model, form, Map.of());
    }

    @PostMapping("/portail/demandes")
    String submit(@ModelAttribute("form") RequestForm form, @RequestParam Map<String, MultipartFile> files, Caller caller,
            Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        SubmitRequest command = form.toCommand(errors);
        Map<DocumentType, MultipartFile> attached = new LinkedHashMap<>();
        for (Map.Entry<String, DocumentType> expected : FILED.entrySet()) {
            MultipartFile file = files.get(expected.getKey());
            if (file != null && !file.isEmpty()) {
                try {
                    documents.check(file.getOriginalFilename(), file.getBytes());
                    attached.put(expected.getValue(), file);
                } catch (InvalidInputException e) {
                    errors.put(expected.getKey(), e.errors().get(0).message());
                }
            }
        }
        try {
            command.validate(Year.now(clock));
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> errors.putIfAbsent(form.onScreen(error.field()), error.message()));
        }
        if (!errors.isEmpty()) {
            // the form comes back with its messages, as a refusal
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form, errors);
        }
        SubsidyRequest request = requests.submit(command, caller, null).request();
        for (Map.Entry<DocumentType, MultipartFile> file : attached.entrySet()) {
            documents.upload(request.reference(), file.getKey(), file.getValue().getOriginalFilename(),
                    file.getValue().getBytes(), caller);
        }
        redirect.addFlashAttribute("message", "Votre demande " + request.reference() + " est déposée. Un accusé de réception "
                + "est disponible dans ses documents.");
        return "redirect:/portail/demandes/" + request.reference();
    }

    @GetMapping("/portail/demandes/{reference}")
    String request(@PathVariable String reference, Caller caller, Model model) {
        return page(reference, caller, model);
    }

    /** The request's page; {@link PortalMessagesController} renders it again after a refused message. */
    String page(String reference, Caller caller, Model model) {
        RequestView view = requests.view(reference, caller);
        model.addAttribute("request", view);
        model.addAttribute("documents", documents.list(requests.get(reference, caller), caller).stream().map(DocumentView::of)
                .toList());
        model.addAttribute("types", List.of(DocumentType.values()).stream().filter(DocumentType::filedByApplicant).toList());
        model.addAttribute("canWithdraw", view.status().isBeforeVote());
        model.addAttribute("mustSign", tasks.isWaitingAt(SubsidyRequestProcess.KEY, reference,
                SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY));
        model.addAttribute("mustSupply", tasks.isWaitingAt(SubsidyRequestProcess.KEY, reference,
                SubsidyRequestProcess.TASK_SUPPLY_MISSING_DOCUMENTS));
        model.addAttribute("mustReport", tasks.isWaitingAt(SubsidyPaymentProcess.KEY, reference,
                SubsidyPaymentProcess.TASK_SUBMIT_FINANCIAL_REPORT));
        // drawn up with the convention: shown from then on, unless the grant lapsed
        model.addAttribute("schedule", view.outcome() != Outcome.GRANTED ? null
                : payments.find(requests.get(reference, caller).id()).orElse(null));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("thread", messages.thread(reference, caller, id -> "/portail/documents/" + id));
        if (!model.containsAttribute("messageForm")) {
            model.addAttribute("messageForm", PageForm.empty());
        }
        return "portail/demande";
    }

    @PostMapping("/portail/demandes/{reference}/pieces")
    String upload(@PathVariable String reference, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String type, Caller caller, RedirectAttributes redirect) throws IOException {
        return act(reference, redirect, "Pièce déposée.", () -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "choisissez un fichier");
            }
            DocumentType documentType;
            try {
                documentType = DocumentType.valueOf(type);
            } catch (RuntimeException e) {
                throw new InvalidInputException("type", "choisissez le type de la pièce");
            }
            documents.upload(reference, documentType, file.getOriginalFilename(), file.getBytes(), caller);
        });
    }

    @PostMapping("/portail/demandes/{reference}/renvoi")
    String resubmit(@PathVariable String reference, @RequestParam(defaultValue = "") String message, Caller caller,
            RedirectAttributes redirect) {
        return act(reference, redirect, "Dossier renvoyé à l'instructeur.", () -> {
            ownRequest(reference, caller);
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_SUPPLY_MISSING_DOCUMENTS,
                    Map.of("message", message), caller.username(), "transmission des pièces manquantes");
        });
    }

    @PostMapping("/portail/demandes/{reference}/retrait")
    String withdraw(@PathVariable String reference, @RequestParam(defaultValue = "") String reason, Caller caller,
            RedirectAttributes redirect) {
        return act(reference, redirect, "Votre demande est retirée.", () -> requests.withdraw(reference,
                reason.isBlank() ? null : reason, caller));
    }

    /** The beneficiary signs: name and date, and the signed convention if they scanned it. */
    @PostMapping("/portail/demandes/{reference}/signature")
    String sign(@PathVariable String reference, @RequestParam(defaultValue = "") String signedBy,
            @RequestParam(defaultValue = "") String signedOn, @RequestParam(required = false) MultipartFile file,
            Caller caller, RedirectAttributes redirect) {
        return act(reference, redirect, "Convention signée : elle est transmise au Président pour signature.", () -> {
            ownRequest(reference, caller);
            requests.get(reference, caller).requireExecutory("signer la convention");
            if (file != null && !file.isEmpty()) {
                documents.check(file.getOriginalFilename(), file.getBytes());
                // an electronic signature that no longer covers the file is refused before anything is recorded
                documents.signedConvention(file.getBytes());
            }
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY,
                    Map.of("signedBy", signedBy, "signedOn", signedOn), caller.username(),
                    "signature de la convention par le bénéficiaire");
            // filed once the signature is recorded: a refused signature leaves no file behind
            if (file != null && !file.isEmpty()) {
                documents.upload(reference, DocumentType.CONVENTION_SIGNEE, file.getOriginalFilename(), file.getBytes(), caller);
            }
        });
    }

    /** The beneficiary hands in the compte rendu financier: filed and transmitted at once, so that the balance follows. */
    @PostMapping("/portail/demandes/{reference}/compte-rendu")
    String report(@PathVariable String reference, @RequestParam(required = false) MultipartFile file, Caller caller,
            RedirectAttributes redirect) {
        return act(reference, redirect, "Compte rendu financier transmis : le solde sera mis en paiement.", () -> {
            ownRequest(reference, caller);
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "joignez le compte rendu financier (PDF ou image)");
            }
            payments.handInReport(reference, file.getOriginalFilename(), file.getBytes(), caller);
        });
    }

    @GetMapping("/portail/documents/{id}")
    ResponseEntity<byte[]> download(@PathVariable Long id, Caller caller) {
        return Downloads.of(documents.get(id, caller));
    }

    private void ownRequest(String reference, Caller caller) {
        if (!requests.get(reference, caller).isOwnedBy(caller.username())) {
            throw new NotFoundException("Demande inconnue : " + reference);
        }
    }

    private String form(Model model, RequestForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("legalForms", LegalForm.values());
        model.addAttribute("themes", SubmitRequest.THEMES);
        return "portail/nouvelle";
    }

    /** Runs a portal action; a refusal comes back as a message on the request's page, where nothing has changed. */
    private String act(String reference, RedirectAttributes redirect, String done, PortalAction action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("probleme", String.join(" ; ", e.errors().stream().map(FieldError::message).toList()));
        } catch (StageConflictException e) {
            redirect.addFlashAttribute("probleme", e.getMessage());
        } catch (IOException e) {
            redirect.addFlashAttribute("probleme", "Le fichier n'a pu être lu.");
        }
        return "redirect:/portail/demandes/" + reference;
    }

    @FunctionalInterface
    interface PortalAction {
        void run() throws IOException;
    }
}
