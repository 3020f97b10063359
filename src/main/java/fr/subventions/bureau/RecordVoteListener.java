package fr.subventions.bureau;

import fr.subventions.shared.InvalidInputException;
import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.FormFields;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing Task_VoteItem in Tasklist records the ballots: members not listed vote for. */
@Component
class RecordVoteListener implements TaskListener {

    private final Voting voting;

    RecordVoteListener(Voting voting) {
        this.voting = voting;
    }

    @Override
    public void notify(DelegateTask task) {
        FormFields form = FormFields.of(task);
        CastVote vote = castVote(form);
        form.discard();
        boolean decided = voting.applyVote(AssemblySessionProcess.AGENDA_ITEM_ID.get(task), vote);
        AssemblySessionProcess.ITEM_DECIDED.setLocal(task.getExecution(), decided);
    }

    /** The form's text areas, one member id per line, and the secret ballot's counts. */
    private static CastVote castVote(FormFields form) {
        Map<Choice, List<Long>> marked = new EnumMap<>(Choice.class);
        for (Choice choice : List.of(Choice.AGAINST, Choice.ABSTENTION, Choice.NOT_VOTING, Choice.NOT_PARTICIPATING)) {
            String field = VotePolicy.fieldOf(choice);
            marked.put(choice, AttendanceSheet.ids(form.raw(field), field));
        }
        SecretBallot secret = form.bool("secret") ? new SecretBallot(count(form, "secretFor"), count(form, "secretAgainst"),
                count(form, "secretAbstention"), count(form, "secretNotVoting")) : null;
        return new CastVote(marked, form.bool("adjourned"), secret, form.amount("amount"));
    }

    private static Integer count(FormFields form, String field) {
        String text = form.text(field);
        try {
            return text == null ? null : Integer.valueOf(text.replaceAll("\\.0+$", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "un nombre de bulletins est attendu");
        }
    }
}
