package fr.subventions.submission;

import fr.subventions.shared.Money;
import fr.subventions.workflow.SubsidyPaymentProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskSubject;
import fr.subventions.workflow.TaskSubjects;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The tasks of a request's process and of its payment process are about the request their {@code requestId} names:
 * « Instruire la demande SUB-2023-0001 — Association OF du Numérique », and a summary of the request as filed.
 */
@Component
class RequestTaskSubjects implements TaskSubjects {

    /** Funders listed in a summary; the dossier page lists them all. */
    static final int FUNDERS = 8;

    private final SubsidyRequestRepository requests;

    RequestTaskSubjects(SubsidyRequestRepository requests) {
        this.requests = requests;
    }

    @Override
    public Optional<TaskSubject> describe(DelegateTask task) {
        String process = TaskSubjects.processKey(task);
        if (!SubsidyRequestProcess.KEY.equals(process) && !SubsidyPaymentProcess.KEY.equals(process)) {
            return Optional.empty();
        }
        Long id = TaskSubjects.id(task, SubsidyRequestProcess.VAR_REQUEST_ID);
        // the request of this very transaction too: found in the persistence context, flushed or not
        return id == null ? Optional.empty() : requests.findById(id).map(RequestTaskSubjects::subject);
    }

    static TaskSubject subject(SubsidyRequest request) {
        String label = label(request);
        return TaskSubject.of(label, "Demande " + label)
                .fact("Demandeur", applicant(request.applicant()))
                .fact("Projet", request.title())
                .fact("Thème", request.theme() + ", exercice " + request.fiscalYear())
                .fact("Montant demandé", Money.format(request.requestedAmount()) + " sur un budget de "
                        + Money.format(request.totalBudget()) + " (" + share(request.requestedAmount(), request.totalBudget()) + ")")
                .fact("Cofinancement", cofinancing(request.cofinancing(), request.totalBudget()))
                .fact("Montant proposé", request.proposedAmount() == null ? null : Money.format(request.proposedAmount()))
                .fact("Montant accordé", request.grantedAmount() == null ? null : Money.format(request.grantedAmount()))
                .fact("Étape", request.status().label());
    }

    /** "SUB-2023-0001 — Association OF du Numérique". */
    static String label(SubsidyRequest request) {
        return request.reference() + " — " + request.applicant().name();
    }

    /** "Association OF du Numérique (association), SIRET 732 829 320 00074, SIREN 732 829 320, RNA W212001234". */
    static String applicant(Applicant applicant) {
        String siret = applicant.siret();
        String siren = siret.length() == 14 ? siret.substring(0, 3) + " " + siret.substring(3, 6) + " " + siret.substring(6, 9) : null;
        return applicant.name() + " (" + applicant.legalForm().label() + ")"
                + (siren == null ? ", SIRET " + siret : ", SIRET " + siren + " " + siret.substring(9) + ", SIREN " + siren)
                + (applicant.rna() == null ? "" : ", RNA " + applicant.rna());
    }

    /** "NUMEUM France 10 000 € (13,9 %) ; Autofinancement 42 000 € (58,3 %)". */
    static String cofinancing(List<Cofinancing> funders, BigDecimal total) {
        String listed = funders.stream().limit(FUNDERS)
                .map(f -> f.funder() + " " + Money.format(f.amount()) + " (" + share(f.amount(), total) + ")")
                .collect(Collectors.joining(" ; "));
        return funders.size() > FUNDERS ? listed + " ; et " + (funders.size() - FUNDERS) + " autre(s)" : listed;
    }

    /** "27,8 %". */
    static String share(BigDecimal part, BigDecimal total) {
        if (total == null || total.signum() == 0) {
            return "—";
        }
        NumberFormat percent = NumberFormat.getNumberInstance(Locale.FRANCE);
        percent.setMaximumFractionDigits(1);
        return percent.format(part.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP)) + "\u00a0%";
    }
}
