package fr.subventions.convention;

import fr.subventions.shared.Caller;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.submission.RequestView;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ConventionController {

    private final SubsidyRequestService requests;
    private final TaskCompleter tasks;

    ConventionController(SubsidyRequestService requests, TaskCompleter tasks) {
        this.requests = requests;
        this.tasks = tasks;
    }

    record Signature(Signatory signatory, String signedBy, LocalDate signedOn) {
    }

    /** The beneficiary signs as an applicant; the President's signature is recorded by the secretariat. */
    @PostMapping("/api/requests/{reference}/convention/signatures")
    RequestView sign(@PathVariable String reference, @RequestBody Signature signature, Caller caller) {
        if (signature.signatory() == null) {
            throw new InvalidInputException("signatory", "le signataire est obligatoire : BENEFICIARY ou PRESIDENT");
        }
        String group = signature.signatory() == Signatory.BENEFICIARY ? Caller.APPLICANTS : Caller.SECRETARIAT;
        if (!caller.groups().contains(group)) {
            throw new AccessDeniedException("signature reserved to " + group);
        }
        SubsidyRequest request = requests.get(reference, caller);
        if (signature.signatory() == Signatory.BENEFICIARY && !request.isOwnedBy(caller.username())) {
            throw new NotFoundException("Demande inconnue : " + reference);
        }
        request.requireExecutory("signer la convention");
        Map<String, Object> fields = new HashMap<>();
        fields.put("signedBy", signature.signedBy());
        fields.put("signedOn", signature.signedOn() == null ? null : signature.signedOn().toString());
        String task = signature.signatory() == Signatory.BENEFICIARY ? SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY
                : SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT;
        tasks.complete(SubsidyRequestProcess.KEY, reference, task, fields, caller.username(),
                "signature de la convention par " + signature.signatory().label());
        return requests.view(reference, caller);
    }
}
