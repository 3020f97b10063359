package fr.subventions.convention;

import fr.subventions.shared.Caller;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.Sequences;
import fr.subventions.shared.StageConflictException;
import fr.subventions.shared.Texts;
import fr.subventions.shared.Violations;
import fr.subventions.submission.Applicant;
import fr.subventions.submission.Outcome;
import fr.subventions.submission.Rna;
import fr.subventions.submission.Siret;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Multi-year conventions and the yearly grants linked to them: one request, one vote, one grant per year. */
@Service
@Transactional
public class FrameworkService {

    /** Grants that no longer hold their year: another request may take it. */
    private static final Set<Outcome> ENDED = EnumSet.of(Outcome.REJECTED, Outcome.WITHDRAWN, Outcome.INADMISSIBLE,
            Outcome.LAPSED);

    private final FrameworkConventionRepository frameworks;
    private final FrameworkGrantRepository grants;
    private final SubsidyRequestService requests;
    private final Sequences sequences;
    private final Clock clock;

    FrameworkService(FrameworkConventionRepository frameworks, FrameworkGrantRepository grants,
            SubsidyRequestService requests, Sequences sequences, Clock clock) {
        this.frameworks = frameworks;
        this.grants = grants;
        this.requests = requests;
        this.sequences = sequences;
        this.clock = clock;
    }

    /** Records a multi-year convention signed with a beneficiary: "CPO-2022-001" for 2022–2025. */
    public FrameworkConvention record(String beneficiaryName, String siret, String rna, String object, Integer firstYear,
            Integer lastYear, LocalDate signedOn, String actor) {
        Violations v = new Violations();
        v.check(beneficiaryName != null && !beneficiaryName.isBlank() && beneficiaryName.length() <= 200,
                "beneficiaryName", "le nom du bénéficiaire est obligatoire (200 caractères au plus)");
        v.check(siret != null && Siret.isValid(siret), "siret", "numéro SIRET invalide (14 chiffres, clé de Luhn)");
        v.check(rna == null || rna.isBlank() || Rna.isValid(rna), "rna", "numéro RNA invalide (W suivi de 9 chiffres)");
        v.check(object != null && !object.isBlank() && object.length() <= 300, "object",
                "l'objet est obligatoire (300 caractères au plus)");
        Texts.check(v, "beneficiaryName", beneficiaryName);
        Texts.check(v, "object", object);
        v.check(firstYear != null && firstYear >= 2000 && firstYear <= 2100, "firstYear", "première année invalide");
        v.check(lastYear != null && lastYear >= 2000 && lastYear <= 2100, "lastYear", "dernière année invalide");
        if (firstYear != null && lastYear != null) {
            v.check(lastYear >= firstYear, "lastYear", "la dernière année précède la première");
            v.check(lastYear - firstYear + 1 <= FrameworkConvention.MAX_YEARS, "lastYear",
                    "une convention pluriannuelle d'objectifs couvre " + FrameworkConvention.MAX_YEARS + " ans au plus ("
                            + firstYear + "–" + lastYear + " en couvre " + (lastYear - firstYear + 1) + ")");
        }
        v.check(signedOn != null, "signedOn", "la date de signature est obligatoire (AAAA-MM-JJ)");
        v.check(signedOn == null || !signedOn.isAfter(LocalDate.now(clock)), "signedOn",
                "la date de signature ne peut être dans le futur");
        v.throwIfAny();
        String reference = "CPO-" + firstYear + "-" + String.format("%03d", sequences.next("framework-" + firstYear));
        return frameworks.save(new FrameworkConvention(reference, beneficiaryName.strip(), siret,
                rna == null || rna.isBlank() ? null : rna.strip().toUpperCase(), object.strip(), firstYear, lastYear,
                signedOn, actor, Instant.now(clock)));
    }

    /**
     * Links a year's request to its multi-year convention: the same beneficiary, a fiscal year the convention covers,
     * before the vote, and no other live grant of that convention for that year.
     */
    public FrameworkGrant link(String reference, Long frameworkId, Caller caller) {
        SubsidyRequest request = requests.get(reference, caller);
        if (frameworkId == null) {
            throw new InvalidInputException("frameworkId", "indiquez la convention pluriannuelle");
        }
        FrameworkConvention framework = get(frameworkId);
        if (!request.status().isBeforeVote()) {
            throw new StageConflictException("La demande " + reference + " a déjà été votée (statut « "
                    + request.status().label() + " ») : elle ne peut plus être rattachée à une convention pluriannuelle.");
        }
        if (grants.findByRequestId(request.id()).isPresent()) {
            throw new StageConflictException("La demande " + reference + " est déjà rattachée à une convention pluriannuelle.");
        }
        Violations v = new Violations();
        v.check(sameBeneficiary(framework, request.applicant()), "frameworkId", "la convention " + framework.reference()
                + " est signée avec " + framework.beneficiaryName() + ", pas avec " + request.applicant().name());
        v.check(framework.covers(request.fiscalYear()), "frameworkId", "la convention " + framework.reference()
                + " couvre " + framework.period() + ", pas l'exercice " + request.fiscalYear());
        Optional<SubsidyRequest> taken = grants.findByFrameworkIdOrderByFiscalYear(frameworkId).stream()
                .filter(g -> g.fiscalYear() == request.fiscalYear())
                .map(g -> requests.byId(g.requestId()))
                .filter(other -> other.outcome() == null || !ENDED.contains(other.outcome()))
                .findFirst();
        taken.ifPresent(other -> v.add("frameworkId", "la convention " + framework.reference() + " a déjà une demande pour "
                + request.fiscalYear() + " : " + other.reference() + " (une demande et un vote par an)"));
        v.throwIfAny();
        return grants.save(new FrameworkGrant(frameworkId, request.id(), request.fiscalYear()));
    }

    @Transactional(readOnly = true)
    public FrameworkConvention get(Long id) {
        return frameworks.findById(id).orElseThrow(() -> new NotFoundException("Convention pluriannuelle inconnue : " + id));
    }

    @Transactional(readOnly = true)
    public List<FrameworkConvention> all() {
        return frameworks.findAll();
    }

    @Transactional(readOnly = true)
    public List<FrameworkGrant> grantsOf(Long frameworkId) {
        get(frameworkId);
        return grants.findByFrameworkIdOrderByFiscalYear(frameworkId);
    }

    /** The multi-year convention a request's grant falls under, if any. */
    @Transactional(readOnly = true)
    public Optional<FrameworkConvention> of(Long requestId) {
        return grants.findByRequestId(requestId).map(g -> get(g.frameworkId()));
    }

    private static boolean sameBeneficiary(FrameworkConvention framework, Applicant applicant) {
        return ConventionRules.sameBeneficiary(new Applicant(framework.beneficiaryName(), framework.siret(), framework.rna(),
                applicant.legalForm(), applicant.address(), applicant.email(), applicant.representative()), applicant);
    }
}
