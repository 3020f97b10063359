package fr.subventions.backoffice;

import fr.subventions.backoffice.DossierActions.Step;
import fr.subventions.backoffice.StepForm.LineChoice;
import fr.subventions.instruction.ReportParagraphs;
import fr.subventions.workflow.TaskCompleter.Holder;
import java.util.List;
import java.util.Map;

/**
 * The dossier page's action form ({@link DossierActions}): for which request, at which step (none when the request
 * waits for someone else, {@code situation} telling where), the task and who has it, what the step's form needs, and
 * the form's values and field errors — the defaults, or what was submitted when the form comes back refused.
 */
public record CurrentAction(String reference, Step step, TaskState task, StepForm form, String situation,
        boolean preview, Map<String, String> values, Map<String, String> errors) {

    /** The same action with the submitted values and the messages under their fields. */
    public CurrentAction refused(Map<String, String> submitted, Map<String, String> fieldErrors) {
        return new CurrentAction(reference, step, task, form, situation, preview, Map.copyOf(submitted),
                Map.copyOf(fieldErrors));
    }

    /** The same action with the submitted values, to preview the exposé without completing anything. */
    public CurrentAction previewed(Map<String, String> submitted) {
        return new CurrentAction(reference, step, task, form, situation, true, Map.copyOf(submitted), Map.of());
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean checked(String field) {
        return values.containsKey(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /**
     * Where the error summary's link for a field leads: to the field itself, or, for a split's sum ({@code
     * budgetLines}, {@code lines}), which has no field of its own, to the first line given an amount.
     */
    public String anchor(String field) {
        List<LineChoice> lines = form == null ? List.of() : form.lines();
        if (!"budgetLines".equals(field) && !"lines".equals(field) || lines.isEmpty()) {
            return field;
        }
        return lines.stream().map(LineChoice::field).filter(line -> !value(line).isBlank()).findFirst()
                .orElse(lines.get(0).field());
    }

    /** The report's paragraphs as the deliberation's extract will lay them out (instruction only). */
    public List<String> reportParagraphs() {
        return ReportParagraphs.of(values.get("report"));
    }

    /** Whether the caller may fill in and send the step's form: their group's task, taken by nobody else. */
    public boolean mayAct() {
        return task != null && task.mayComplete();
    }

    /**
     * The step's user task: its name, who has it, whether the caller is in the group it falls to, and what they may do
     * with it — take it when nobody has, release it when theirs (or as an administrator), give it (administrators),
     * complete it when nobody else has it.
     */
    public record TaskState(String name, Holder holder, boolean inGroup, boolean mine, boolean mayTake, boolean mayRelease,
            boolean mayGive, boolean mayComplete, List<Holder> candidates) {
    }
}
