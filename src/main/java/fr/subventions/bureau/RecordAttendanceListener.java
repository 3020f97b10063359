package fr.subventions.bureau;

import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.FormFields;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

@Component
public class RecordAttendanceListener implements TaskListener {

    private final SessionService sessions;

    RecordAttendanceListener(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public void notify(DelegateTask task) {
        FormFields form = FormFields.of(task);
        sessions.applyAttendance((Long) task.getVariable(AssemblySessionProcess.VAR_SESSION_ID),
                AttendanceSheet.from(form::raw), FormFields.actor());
        form.discard();
    }
}
