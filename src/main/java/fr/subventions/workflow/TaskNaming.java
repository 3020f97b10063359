package fr.subventions.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task of every process, when it is created, is named after its case — « Instruire la demande SUB-2023-0001
 * — Association OF du Numérique », « Arrêter l'ordre du jour — Bureau métropolitain du jeudi 14 septembre 2023 » —,
 * described, and given the summary its Camunda Form opens with ({@link TaskSubject}): Tasklist's list and forms tell
 * one request from another. The process still carries only ids; the {@link TaskSubjects} of each package read the rest
 * from our tables.
 *
 * <p>One mechanism for all: at parse time, each user task gets a built-in create listener ahead of the model's own
 * (built-in listeners also run when an operator skips the custom ones). The subjects are looked up when a task is
 * created, not when the engine is built: they read services that need the engine.
 */
@Component
class TaskNaming extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TaskSubjects> subjects;

    TaskNaming(ObjectProvider<TaskSubjects> subjects) {
        this.subjects = subjects;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskNaming.this::name);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** Names the task after its case, if a package knows it; otherwise it keeps the stage's name. */
    boolean name(DelegateTask task) {
        Optional<TaskSubject> subject = subjects.orderedStream().map(s -> s.describe(task)).flatMap(Optional::stream)
                .findFirst();
        subject.ifPresent(s -> {
            task.setName(s.nameFor(task.getName()));
            task.setDescription(s.description());
            task.setVariableLocal(TaskSubject.VAR_SUMMARY, s.summary());
        });
        return subject.isPresent();
    }
}
