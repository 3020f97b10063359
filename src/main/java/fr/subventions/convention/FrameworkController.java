package fr.subventions.convention;

import fr.subventions.shared.Caller;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Multi-year conventions (recorded by the secretariat) and the yearly requests linked to them. */
@RestController
@PreAuthorize("hasAnyAuthority('instructeurs', 'secretariat', 'finances')")
class FrameworkController {

    private final FrameworkService frameworks;
    private final SubsidyRequestService requests;

    FrameworkController(FrameworkService frameworks, SubsidyRequestService requests) {
        this.frameworks = frameworks;
        this.requests = requests;
    }

    record NewFramework(String beneficiaryName, String siret, String rna, String object, Integer firstYear,
            Integer lastYear, LocalDate signedOn) {
    }

    record YearView(int fiscalYear, String reference, String status, String outcome, BigDecimal grantedAmount) {
    }

    record FrameworkView(Long id, String reference, String beneficiaryName, String siret, String rna, String object,
            int firstYear, int lastYear, LocalDate signedOn, List<YearView> years) {
    }

    @PostMapping("/api/framework-conventions")
    @PreAuthorize("hasAuthority('secretariat')")
    ResponseEntity<FrameworkView> record(@RequestBody NewFramework data, Caller caller) {
        FrameworkConvention framework = frameworks.record(data.beneficiaryName(), data.siret(), data.rna(), data.object(),
                data.firstYear(), data.lastYear(), data.signedOn(), caller.username());
        return ResponseEntity.created(URI.create("/api/framework-conventions/" + framework.id())).body(view(framework.id()));
    }

    @GetMapping("/api/framework-conventions")
    List<FrameworkView> all() {
        return frameworks.all().stream().map(f -> view(f.id())).toList();
    }

    @GetMapping("/api/framework-conventions/{id}")
    FrameworkView get(@PathVariable Long id) {
        return view(id);
    }

    record Link(Long frameworkId) {
    }

    /** Links a year's request, before its vote, to the beneficiary's multi-year convention. */
    @PostMapping("/api/requests/{reference}/framework")
    @PreAuthorize("hasAnyAuthority('instructeurs', 'secretariat')")
    FrameworkView link(@PathVariable String reference, @RequestBody Link data, Caller caller) {
        return view(frameworks.link(reference, data.frameworkId(), caller).frameworkId());
    }

    private FrameworkView view(Long id) {
        FrameworkConvention f = frameworks.get(id);
        List<YearView> years = frameworks.grantsOf(id).stream().map(g -> {
            SubsidyRequest r = requests.byId(g.requestId());
            return new YearView(g.fiscalYear(), r.reference(), r.status().name(),
                    r.outcome() == null ? null : r.outcome().name(), r.grantedAmount());
        }).toList();
        return new FrameworkView(f.id(), f.reference(), f.beneficiaryName(), f.siret(), f.rna(), f.object(), f.firstYear(),
                f.lastYear(), f.signedOn(), years);
    }
}
