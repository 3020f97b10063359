package fr.subventions.bureau;

import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.FormFields;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing Task_RecordAttendance in Tasklist opens the séance with the sheet typed in the form. */
@Component
class RecordAttendanceListener implements TaskListener {

    private final Attendance attendance;

    RecordAttendanceListener(Attendance attendance) {
        this.attendance = attendance;
    }

    @Override
    public void notify(DelegateTask task) {
        FormFields form = FormFields.of(task);
        AttendanceSheet sheet = AttendanceSheet.from(form::raw);
        form.discard();
        attendance.openWith(AssemblySessionProcess.SESSION_ID.get(task), sheet, FormFields.actor());
    }
}
