package fr.subventions.operations;

import fr.subventions.workflow.AssemblySessionProcess;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The request's reference (or the séance's id) in the MDC while the engine runs its process, whichever thread runs it:
 * an HTTP request, Tasklist, or the job executor (documents, timers, reminders).
 *
 * <ul>
 *   <li>At parse time, every process gets a listener at its start and end, every activity one at its start, and every
 *       user task one at its completion ahead of the task's own listeners: each sets {@code reference} from the
 *       business key (the reference, also for the payment process it calls), or {@code session} from the séance
 *       process's business key ({@code seance-<id>}), dropping the reference a previous agenda item left.</li>
 *   <li>A command interceptor puts the MDC back as it was before each engine command, so that nothing leaks to the
 *       next job of a job executor thread, nor past a call into the engine.</li>
 * </ul>
 *
 * Logs the start and the end of each process instance at INFO and each activity at DEBUG.
 */
@Component
class ProcessLoggingPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessLoggingPlugin.class);

    static final String SESSION_BUSINESS_KEY_PREFIX = "seance-";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreBPMNParseListeners(with(configuration.getCustomPreBPMNParseListeners(), new Parsing()));
        configuration.setCustomPreCommandInterceptorsTxRequired(
                with(configuration.getCustomPreCommandInterceptorsTxRequired(), new Restoring()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new Restoring()));
    }

    private static <T> List<T> with(List<T> list, T element) {
        List<T> all = list == null ? new ArrayList<>() : new ArrayList<>(list);
        all.add(element);
        return all;
    }

    /** Sets the MDC for an execution of process {@code processKey}. */
    static void enter(String processKey, String businessKey) {
        if (businessKey == null) {
            return;
        }
        if (AssemblySessionProcess.KEY.equals(processKey)) {
            LoggingContext.put(LoggingContext.SESSION, businessKey.startsWith(SESSION_BUSINESS_KEY_PREFIX)
                    ? businessKey.substring(SESSION_BUSINESS_KEY_PREFIX.length()) : businessKey);
            LoggingContext.put(LoggingContext.REFERENCE, null);
        } else {
            LoggingContext.put(LoggingContext.REFERENCE, businessKey);
        }
    }

    private static final class Parsing extends AbstractBpmnParseListener {

        @Override
        public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
            for (ProcessDefinitionEntity process : processDefinitions) {
                String key = process.getKey();
                process.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
                    enter(key, execution.getProcessBusinessKey());
                    LOG.info("Process {} started", key);
                }, 0);
                process.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
                    enter(key, execution.getProcessBusinessKey());
                    LOG.info("Process {} ended", key);
                });
                addToActivities(key, process);
            }
        }

        private void addToActivities(String key, ScopeImpl scope) {
            for (ActivityImpl activity : scope.getActivities()) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
                    enter(key, execution.getProcessBusinessKey());
                    LOG.debug("Activity {} started", execution.getCurrentActivityId());
                }, 0);
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                            task -> enter(key, businessKeyOf(task)));
                }
                addToActivities(key, activity);
            }
        }

        private static String businessKeyOf(DelegateTask task) {
            return task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        }
    }

    /** Puts back, after each command, the MDC keys as they were before it. */
    private static final class Restoring extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            String[] saved = LoggingContext.save();
            try {
                return next.execute(command);
            } finally {
                LoggingContext.restore(saved);
            }
        }
    }
}
