package fr.subventions.bureau;

import fr.subventions.workflow.AssemblySessionProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

@Component
class CloseSessionListener implements TaskListener {

    private final SessionService sessions;

    CloseSessionListener(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public void notify(DelegateTask task) {
        sessions.close(AssemblySessionProcess.SESSION_ID.get(task));
    }
}
