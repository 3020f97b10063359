package fr.subventions.bureau;

import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.FormFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing Task_VoteItem records the ballots: members not listed vote for. */
@Component
public class RecordVoteListener implements TaskListener {

    private final SessionService sessions;

    RecordVoteListener(SessionService sessions) {
        this.sessions = sessions;
    }

    private static Integer count(FormFields form, String field) {
        String text = form.text(field);
        try {
            return text == null ? null : Integer.valueOf(text.replaceAll("\\.0+$", ""));
        } catch (NumberFormatException e) {
            throw new fr.subventions.shared.InvalidInputException(field, "un nombre de bulletins est attendu");
        }
    }

    @Override
    public void notify(DelegateTask task) {
        FormFields form = FormFields.of(task);
        Map<Choice, List<Long>> marked = new LinkedHashMap<>();
        marked.put(Choice.AGAINST, AttendanceSheet.ids(form.raw("against"), "against"));
        marked.put(Choice.ABSTENTION, AttendanceSheet.ids(form.raw("abstention"), "abstention"));
        marked.put(Choice.NOT_VOTING, AttendanceSheet.ids(form.raw("notVoting"), "notVoting"));
        marked.put(Choice.NOT_PARTICIPATING, AttendanceSheet.ids(form.raw("notParticipating"), "notParticipating"));
        SecretBallot secret = form.bool("secret") ? new SecretBallot(count(form, "secretFor"), count(form, "secretAgainst"),
                count(form, "secretAbstention"), count(form, "secretNotVoting")) : null;
        boolean decided = sessions.applyVote(Long.valueOf(task.getVariable(AssemblySessionProcess.VAR_AGENDA_ITEM_ID).toString()),
                marked, form.bool("adjourned"), secret, form.amount("amount"));
        form.discard();
        task.getExecution().setVariableLocal(AssemblySessionProcess.VAR_ITEM_DECIDED, decided);
    }
}
