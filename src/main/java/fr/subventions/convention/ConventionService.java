package fr.subventions.convention;

import fr.subventions.shared.Money;
import fr.subventions.shared.StageConflictException;
import fr.subventions.shared.Texts;
import fr.subventions.shared.Violations;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class ConventionService {

    private final ConventionRepository conventions;
    private final SubsidyRequestService requests;
    private final Clock clock;

    private final ApplicationEventPublisher events;
    private final ConventionSeal seal;

    ConventionService(ConventionRepository conventions, SubsidyRequestService requests, Clock clock,
            ApplicationEventPublisher events, ConventionSeal seal) {
        this.seal = seal;
        this.events = events;
        this.conventions = conventions;
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * Drafts the convention for the amount the assembly granted. Its signature period opens later, when the
     * beneficiary's signature task starts ({@link SignatureDeadlines#open}).
     */
    public Convention prepare(Long requestId) {
        SubsidyRequest request = requests.byId(requestId);
        request.requireAwaitingSignatures("préparer la convention");
        Convention convention = conventions.findByRequestId(requestId)
                .orElseGet(() -> conventions.save(new Convention(requestId, request.grantedAmount(), request.fiscalYear())));
        events.publishEvent(new ConventionDrafted(requestId));
        return convention;
    }

    /** The conventions concluded (signed by both parties, the later signature in that year) in a year. */
    @Transactional(readOnly = true)
    public List<Convention> concludedIn(int year) {
        return conventions.findAll().stream().filter(Convention::isSignedByBoth)
                .filter(c -> c.concludedOn().getYear() == year)
                .sorted(Comparator.comparing(Convention::concludedOn).thenComparing(Convention::requestId))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Convention> of(Long requestId) {
        return conventions.findByRequestId(requestId);
    }

    /** Records a signature; once both parties have signed, the request goes to budget imputation. */
    public void sign(Long requestId, Signatory signatory, String signedBy, LocalDate signedOn, String actor) {
        SubsidyRequest request = requests.byId(requestId);
        Violations v = new Violations();
        v.check(signatory != null, "signatory", "le signataire est obligatoire : BENEFICIARY ou PRESIDENT");
        if (signedBy == null || signedBy.isBlank()) {
            v.add("signedBy", "le nom du signataire est obligatoire");
        } else {
            v.check(signedBy.length() <= 200, "signedBy", "au plus 200 caractères");
            Texts.check(v, "signedBy", signedBy);
        }
        if (signedOn == null) {
            v.add("signedOn", "la date de signature est obligatoire (AAAA-MM-JJ)");
        } else {
            v.check(!signedOn.isAfter(LocalDate.now(clock)), "signedOn", "la date de signature ne peut être dans le futur");
            LocalDate filed = LocalDate.ofInstant(request.submittedAt(), ZoneId.of(clock.getZone().getId()));
            v.check(!signedOn.isBefore(filed), "signedOn", "la date de signature précède le dépôt de la demande (" + filed + ")");
        }
        v.throwIfAny();
        Convention convention = conventions.findByRequestId(requestId)
                .orElseThrow(() -> new StageConflictException("Aucune convention n'a été préparée pour la demande " + request.reference()));
        convention.sign(signatory, signedBy.trim(), signedOn);
        request.recordSignature("Convention de " + Money.format(convention.amount()) + " signée par " + signatory.label()
                + " (" + signedBy.trim() + ", le " + signedOn + ")", actor, Instant.now(clock));
        if (convention.isSignedByBoth()) {
            request.recordConventionSigned(actor, Instant.now(clock));
            seal.seal(request);
        }
    }
}
