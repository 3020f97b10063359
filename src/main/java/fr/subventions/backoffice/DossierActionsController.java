package fr.subventions.backoffice;

import fr.subventions.backoffice.DossierActions.Step;
import fr.subventions.backoffice.OfficerStepForms.Completeness;
import fr.subventions.backoffice.StepForm.LineChoice;
import fr.subventions.budget.BudgetService;
import fr.subventions.budget.LineAmount;
import fr.subventions.budget.LineAmounts;
import fr.subventions.payment.PaymentService;
import fr.subventions.shared.Caller;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.Money;
import fr.subventions.shared.StageConflictException;
import fr.subventions.shared.Violations;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import fr.subventions.workflow.TaskCompleter.OpenTask;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The dossier page's action forms: take, release or give the current task, and complete it — completeness,
 * instruction, the President's signature, imputation, payment, closing. Each completes the same Camunda user task
 * through {@link TaskCompleter}, with the same fields, role and stage checks as the API, so that the domain's rules
 * apply once. A refused form comes back on the dossier page with each message under its field (400), a stage that has
 * moved on or a task someone else has with its reason at the top (409); a completed one sends back to the page with
 * what was done.
 */
@Controller
class DossierActionsController {

    /** More lines than a fiscal year's budget offers is no form of this page. */
    static final int MAX_LINES = 50;
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z-]{1,60}");
    private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[(\\d+)]\\.\\w+$");

    private final DossierController dossier;
    private final DossierActions actions;
    private final SubsidyRequestService requests;
    private final TaskCompleter tasks;
    private final PaymentService payments;
    private final BudgetService budget;
    private final ExpectedDocuments expectedDocuments;

    DossierActionsController(DossierController dossier, DossierActions actions, SubsidyRequestService requests,
            TaskCompleter tasks, PaymentService payments, BudgetService budget, ExpectedDocuments expectedDocuments) {
        this.budget = budget;
        this.expectedDocuments = expectedDocuments;
        this.dossier = dossier;
        this.actions = actions;
        this.requests = requests;
        this.tasks = tasks;
        this.payments = payments;
    }

    // -------------------------------------------------------------------------------------------- the task itself

    /** The caller takes the task, as « Claim » in Tasklist: then nobody else completes it. */
    @PostMapping("/gestion/demandes/{reference}/prise")
    String take(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        requests.get(reference, caller);
        return act(reference, null, form, caller, model, redirect, response, UnaryOperator.identity(), () -> {
            Step step = step(form);
            tasks.claim(step.processKey(), reference, taskKey(reference, step), caller, step.stage());
            return "Vous avez pris cette tâche : vous seul pouvez désormais la traiter, jusqu'à ce que vous la libériez.";
        });
    }

    /** The task goes back to its group's queue. */
    @PostMapping("/gestion/demandes/{reference}/liberation")
    String release(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        requests.get(reference, caller);
        return act(reference, null, form, caller, model, redirect, response, UnaryOperator.identity(), () -> {
            Step step = step(form);
            tasks.release(step.processKey(), reference, taskKey(reference, step), caller, step.stage());
            return "Tâche libérée : elle retourne dans la file de son groupe.";
        });
    }

    /** An administrator gives the task to a member of its group. */
    @PostMapping("/gestion/demandes/{reference}/attribution")
    @PreAuthorize("hasAuthority('camunda-admin')")
    String give(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        requests.get(reference, caller);
        // refused, the message goes under the choice of the officer
        Step shown = Step.ofPath(form.get("etape")).orElse(null);
        return act(reference, shown, form, caller, model, redirect, response, UnaryOperator.identity(), () -> {
            Step step = step(form);
            String assignee = form.get("assignee");
            String taskKey = taskKey(reference, step);
            tasks.give(step.processKey(), reference, taskKey, assignee, caller, step.stage());
            return "Tâche confiée à " + tasks.openTask(step.processKey(), reference, taskKey)
                    .map(task -> task.holder().label()).orElse(assignee) + ".";
        });
    }

    // -------------------------------------------------------------------------------------------- the steps

    /** Completeness: the documents ticked as received, the others asked for with the deadline; or complete. */
    @PostMapping("/gestion/demandes/{reference}/completude")
    @PreAuthorize("hasAuthority('instructeurs')")
    String completeness(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        SubsidyRequest request = requests.get(reference, caller);
        return act(reference, Step.COMPLETENESS, form, caller, model, redirect, response, UnaryOperator.identity(), () -> {
            String decision = form.get("complete");
            if (!"true".equals(decision) && !"false".equals(decision)) {
                throw new InvalidInputException("complete", "indiquez si le dossier est complet ou incomplet");
            }
            boolean complete = Boolean.parseBoolean(decision);
            List<String> missing = new ArrayList<>();
            if (!complete) {
                for (DocumentType type : expectedDocuments.of(request)) {
                    if (!form.containsKey(Completeness.field(type))) {
                        missing.add(type.label());
                    }
                }
                String others = form.get("missing");
                if (others != null) {
                    others.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(missing::add);
                }
            }
            Map<String, Object> fields = new HashMap<>();
            fields.put("isComplete", complete);
            fields.put("missing", missing);
            fields.put("comment", form.get("comment"));
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS, fields,
                    caller.username(), Step.COMPLETENESS.stage());
            return complete ? "Dossier déclaré complet : la demande passe en instruction."
                    : "Pièces manquantes demandées au demandeur : " + String.join(", ", missing) + ".";
        });
    }

    /**
     * Instruction: opinion, proposed amount, the split over the fiscal year's lines, the report. « Prévisualiser » only
     * shows the report as the extract will lay it out, and records nothing.
     */
    @PostMapping("/gestion/demandes/{reference}/instruction")
    @PreAuthorize("hasAuthority('instructeurs')")
    String instruction(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requests.get(reference, caller);
        if (form.containsKey("apercu")) {
            CurrentAction current = actions.current(reference, caller);
            model.addAttribute("action", current.step() == Step.INSTRUCTION ? current.previewed(shown(form)) : current);
            return dossier.page(reference, caller, model);
        }
        String opinion = blankToNull(form.get("opinion"));
        AtomicReference<List<LineAmount>> chosen = new AtomicReference<>(List.of());
        return act(reference, Step.INSTRUCTION, form, caller, model, redirect, response, onScreen("budgetLines", chosen), () -> {
            // an unfavourable opinion charges nothing: the amounts of the lines are not read
            List<LineAmount> split = "UNFAVORABLE".equals(opinion) ? List.of() : split(form);
            chosen.set(split);
            Map<String, Object> fields = new HashMap<>();
            fields.put("opinion", opinion);
            fields.put("proposedAmount", blankToNull(form.get("proposedAmount")));
            fields.put("budgetLines", LineAmounts.asFormLines(split));
            fields.put("report", form.get("report"));
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST, fields,
                    caller.username(), Step.INSTRUCTION.stage());
            return "FAVORABLE".equals(opinion)
                    ? "Instruction enregistrée : avis favorable, crédits réservés ; la demande attend son inscription à un ordre du jour."
                    : "Instruction enregistrée : avis défavorable ; la demande attend son inscription à un ordre du jour.";
        });
    }

    /** The secretariat records the President's signature of the convention. */
    @PostMapping("/gestion/demandes/{reference}/signature")
    @PreAuthorize("hasAuthority('secretariat')")
    String signature(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requests.get(reference, caller);
        return act(reference, Step.SIGNATURE, form, caller, model, redirect, response, UnaryOperator.identity(), () -> {
            LocalDate signedOn = date(form.get("signedOn"), "signedOn");
            Map<String, Object> fields = new HashMap<>();
            fields.put("signedBy", form.get("signedBy"));
            fields.put("signedOn", signedOn == null ? null : signedOn.toString());
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT, fields,
                    caller.username(), Step.SIGNATURE.stage());
            return "Signature du Président enregistrée.";
        });
    }

    /** Finance commits the granted amount on lines of the fiscal year. */
    @PostMapping("/gestion/demandes/{reference}/engagement")
    @PreAuthorize("hasAuthority('finances')")
    String imputation(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        SubsidyRequest request = requests.get(reference, caller);
        AtomicReference<List<LineAmount>> chosen = new AtomicReference<>(List.of());
        return act(reference, Step.IMPUTATION, form, caller, model, redirect, response, onScreen("lines", chosen), () -> {
            List<LineAmount> split = split(form);
            chosen.set(split);
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_IMPUTE_BUDGET,
                    Map.of("lines", LineAmounts.asFormLines(split)), caller.username(), Step.IMPUTATION.stage());
            return "Crédits engagés : " + String.join(", ", budget.commitmentsOf(request.id()).stream()
                    .map(c -> c.engagementNumber() + " sur la ligne " + c.line().code() + " (" + Money.format(c.amount()) + ")")
                    .toList()) + ".";
        });
    }

    /** Finance records the payment due: the single payment, the advance, or the balance after the report. */
    @PostMapping("/gestion/demandes/{reference}/versement")
    @PreAuthorize("hasAuthority('finances')")
    String payment(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        SubsidyRequest request = requests.get(reference, caller);
        return act(reference, Step.PAYMENT, form, caller, model, redirect, response, UnaryOperator.identity(), () -> {
            LocalDate paidOn = date(form.get("paidOn"), "paidOn");
            payments.payDue(request, paidOn, form.get("mandateReference"), caller.username());
            return "Versement enregistré" + payments.find(request.id()).flatMap(schedule -> schedule.payments().stream()
                    .filter(p -> p.paidOn() != null).reduce((first, last) -> last))
                    .map(p -> " : " + p.kind().label().toLowerCase(java.util.Locale.FRANCE) + " de " + Money.format(p.amount())
                            + ", mandat n° " + p.mandateReference())
                    .orElse("") + ".";
        });
    }

    /** The secretariat closes the request. */
    @PostMapping("/gestion/demandes/{reference}/cloture")
    @PreAuthorize("hasAuthority('secretariat')")
    String close(@PathVariable String reference, @RequestParam Map<String, String> form, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        requests.get(reference, caller);
        return act(reference, Step.CLOSING, form, caller, model, redirect, response, UnaryOperator.identity(), () -> {
            tasks.complete(SubsidyRequestProcess.KEY, reference, SubsidyRequestProcess.TASK_CLOSE_REQUEST, Map.of(),
                    caller.username(), Step.CLOSING.stage());
            return "Demande clôturée.";
        });
    }

    // -------------------------------------------------------------------------------------------- the flow

    /** An action that answers what it did, in French, for the page. */
    @FunctionalInterface
    interface Action {
        String run();
    }

    /**
     * Runs the action; done, back to the dossier page with its message. Refused, the page again: the step's form with
     * the values sent and each message under its field (400), or the reason at the top (409).
     */
    private String act(String reference, Step step, Map<String, String> form, Caller caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response, UnaryOperator<String> onScreen, Action action) {
        try {
            redirect.addFlashAttribute("message", action.run());
            return "redirect:/gestion/demandes/" + UriUtils.encodePathSegment(reference, StandardCharsets.UTF_8);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError error : e.errors()) {
                errors.merge(onScreen.apply(error.field()), error.message(), (a, b) -> a + " ; " + b);
            }
            return refused(reference, step, form, errors, null, HttpStatus.BAD_REQUEST, caller, model, response);
        } catch (StageConflictException e) {
            return refused(reference, step, form, Map.of(), e.getMessage(), HttpStatus.CONFLICT, caller, model, response);
        }
    }

    private String refused(String reference, Step step, Map<String, String> form, Map<String, String> errors,
            String problem, HttpStatus status, Caller caller, Model model, HttpServletResponse response) {
        CurrentAction current = actions.current(reference, caller);
        boolean sameForm = step != null && current.step() == step && problem == null;
        model.addAttribute("action", sameForm ? current.refused(shown(form), errors) : current);
        if (problem != null) {
            model.addAttribute("probleme", problem);
        } else if (!sameForm) {
            // no form of this step on the page to hold the messages: they go at the top
            model.addAttribute("probleme", "L'action n'a pas été enregistrée : " + String.join(" ; ", errors.values()));
        }
        response.setStatus(status.value());
        return dossier.page(reference, caller, model);
    }

    /** The form's fields as they come back on the page: the token aside. */
    private static Map<String, String> shown(Map<String, String> form) {
        Map<String, String> shown = new LinkedHashMap<>(form);
        shown.remove("_csrf");
        return shown;
    }

    /**
     * The split over budget lines, from the amount field of each line ({@code montant-CODE}) filled in, in the page's
     * order: nothing is typed as « CODE = montant ».
     */
    private static List<LineAmount> split(Map<String, String> form) {
        Violations violations = new Violations();
        List<LineAmount> split = new ArrayList<>();
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (!field.getKey().startsWith("montant-") || field.getValue() == null || field.getValue().isBlank()) {
                continue;
            }
            String code = field.getKey().substring("montant-".length());
            if (!CODE.matcher(code).matches()) {
                violations.add(field.getKey(), "ligne budgétaire inconnue");
                continue;
            }
            try {
                split.add(new LineAmount(code, Money.parse(field.getValue())));
            } catch (NumberFormatException e) {
                violations.add(field.getKey(), "montant illisible : écrivez un montant en euros, par exemple 20000 ou 20 000,50");
            }
        }
        violations.check(split.size() <= MAX_LINES, "montant", "au plus " + MAX_LINES + " lignes budgétaires");
        violations.throwIfAny();
        return split;
    }

    /**
     * Where the domain's messages about a split go: {@code budgetLines[1].amount} under the amount of the split's
     * second line, {@code budgetLines} (their sum) under the table.
     */
    private static UnaryOperator<String> onScreen(String field, AtomicReference<List<LineAmount>> chosen) {
        return name -> {
            List<LineAmount> split = chosen.get();
            Matcher indexed = INDEXED.matcher(name);
            if (indexed.matches() && indexed.group(1).equals(field)) {
                int i = Integer.parseInt(indexed.group(2));
                return i < split.size() ? LineChoice.field(split.get(i).code()) : field;
            }
            return name;
        };
    }

    private String taskKey(String reference, Step step) {
        return actions.openAt(reference, step).map(OpenTask::taskKey).orElse(step.taskKeys().get(0));
    }

    private static Step step(Map<String, String> form) {
        return Step.ofPath(form.get("etape"))
                .orElseThrow(() -> new InvalidInputException("etape", "étape inconnue : rechargez la page du dossier"));
    }

    /** A date as the date field sends it, 2025-10-16; none when left empty (the domain says it is required). */
    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "date invalide : choisissez une date, au format AAAA-MM-JJ");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
