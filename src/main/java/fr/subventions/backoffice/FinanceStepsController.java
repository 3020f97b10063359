package fr.subventions.backoffice;

import fr.subventions.backoffice.DossierActions.Step;
import fr.subventions.budget.BudgetService;
import fr.subventions.budget.LineAmount;
import fr.subventions.budget.LineAmounts;
import fr.subventions.payment.PaymentService;
import fr.subventions.shared.Caller;
import fr.subventions.shared.Money;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finance's forms on the dossier page ({@link FinanceStepForms}): the commitment of the granted amount on the fiscal
 * year's lines, and each payment due. The commitment completes the same Camunda user task as the API and Tasklist,
 * through {@link TaskCompleter}, and a payment goes through {@link PaymentService}, with the same fields, role and
 * stage checks; {@link DossierActionFlow} answers.
 */
@Controller
class FinanceStepsController {

    private final DossierActionFlow flow;
    private final SubsidyRequestService requests;
    private final TaskCompleter tasks;
    private final BudgetService budget;
    private final PaymentService payments;

    FinanceStepsController(DossierActionFlow flow, SubsidyRequestService requests, TaskCompleter tasks,
            BudgetService budget, PaymentService payments) {
        this.flow = flow;
        this.requests = requests;
        this.tasks = tasks;
        this.budget = budget;
        this.payments = payments;
    }

    /** Finance commits the granted amount on lines of the fiscal year. */
    @PostMapping("/gestion/demandes/{reference}/engagement")
    @PreAuthorize("hasAuthority('finances')")
    String imputation(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        SubsidyRequest request = requests.get(reference, caller);
        AtomicReference<List<LineAmount>> chosen = new AtomicReference<>(List.of());
        return flow.act(reference, Step.IMPUTATION, form, caller, model, redirect, response,
                ActionFields.onScreen("lines", chosen), () -> {
                    List<LineAmount> split = ActionFields.split(form);
                    chosen.set(split);
                    tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_IMPUTE_BUDGET,
                            Map.of("lines", LineAmounts.asFormLines(split)), caller.username(), Step.IMPUTATION.stage());
                    return "Crédits engagés : " + String.join(", ", budget.commitmentsOf(request.id()).stream()
                            .map(c -> c.engagementNumber() + " sur la ligne " + c.line().code() + " ("
                                    + Money.format(c.amount()) + ")")
                            .toList()) + ".";
                });
    }

    /** Finance records the payment due: the single payment, the advance, or the balance after the report. */
    @PostMapping("/gestion/demandes/{reference}/versement")
    @PreAuthorize("hasAuthority('finances')")
    String payment(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        SubsidyRequest request = requests.get(reference, caller);
        return flow.act(reference, Step.PAYMENT, form, caller, model, redirect, response, UnaryOperator.identity(), () -> {
            LocalDate paidOn = ActionFields.date(form.get("paidOn"), "paidOn");
            payments.payDue(request, paidOn, form.get("mandateReference"), caller.username());
            return "Versement enregistré" + payments.find(request.id()).flatMap(schedule -> schedule.payments().stream()
                    .filter(p -> p.paidOn() != null).reduce((first, last) -> last))
                    .map(p -> " : " + p.kind().label().toLowerCase(Locale.FRANCE) + " de " + Money.format(p.amount())
                            + ", mandat n° " + p.mandateReference())
                    .orElse("") + ".";
        });
    }
}
