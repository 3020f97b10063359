package fr.subventions.workflow;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Says what a user task is about, for the cases one package knows (the requests, the séances), reading our tables from
 * the ids the process carries. Every bean of this type is asked in turn by {@link TaskNaming}; the first that knows the
 * task answers. An implementation reads without failing: a case it cannot find answers empty, and the task keeps the
 * stage's name.
 */
public interface TaskSubjects {

    Optional<TaskSubject> describe(DelegateTask task);

    /** The key of the process the task belongs to (its BPMN process's id), without asking the engine's repository. */
    static String processKey(DelegateTask task) {
        ModelElementInstance element = task.getBpmnModelElementInstance();
        while (element != null && !(element instanceof Process)) {
            element = element.getParentElement();
        }
        return element == null ? null : ((Process) element).getId();
    }

    /** A variable holding an id (a Long from the process, an Integer from a test or a form), as a Long. */
    static Long id(DelegateTask task, String variable) {
        return task.getVariable(variable) instanceof Number number ? number.longValue() : null;
    }
}
