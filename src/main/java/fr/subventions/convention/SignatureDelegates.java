package fr.subventions.convention;

import fr.subventions.workflow.FormFields;
import fr.subventions.workflow.SubsidyRequestProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The delegates of the signature's timers: reminder, lapse, and the secretariat's follow-up. */
final class SignatureDelegates {

    private SignatureDelegates() {
    }

    /** Task_RemindSignature. */
    @Component("remindSignatureDelegate")
    static class Remind implements JavaDelegate {

        private final SignatureDeadlines deadlines;

        Remind(SignatureDeadlines deadlines) {
            this.deadlines = deadlines;
        }

        @Override
        public void execute(DelegateExecution execution) {
            deadlines.remind(SubsidyRequestProcess.REQUEST_ID.get(execution));
        }
    }

    /** Task_LapseConvention. */
    @Component("lapseConventionDelegate")
    static class Lapse implements JavaDelegate {

        private final SignatureDeadlines deadlines;

        Lapse(SignatureDeadlines deadlines) {
            this.deadlines = deadlines;
        }

        @Override
        public void execute(DelegateExecution execution) {
            deadlines.lapse(SubsidyRequestProcess.REQUEST_ID.get(execution));
        }
    }

    /** Task_FollowUpSignature created: the secretariat's members hear of it by e-mail. */
    @Component("signatureLateListener")
    static class Late implements TaskListener {

        private final SignatureDeadlines deadlines;

        Late(SignatureDeadlines deadlines) {
            this.deadlines = deadlines;
        }

        @Override
        public void notify(DelegateTask task) {
            deadlines.signatureLate(SubsidyRequestProcess.REQUEST_ID.get(task));
        }
    }

    /** Completing Task_FollowUpSignature records what the secretariat did. */
    @Component("followUpSignatureListener")
    static class FollowUp implements TaskListener {

        private final SignatureDeadlines deadlines;

        FollowUp(SignatureDeadlines deadlines) {
            this.deadlines = deadlines;
        }

        @Override
        public void notify(DelegateTask task) {
            FormFields form = FormFields.of(task);
            deadlines.followedUp(SubsidyRequestProcess.REQUEST_ID.get(task), form.text("note"),
                    FormFields.actor());
            form.discard();
        }
    }
}
