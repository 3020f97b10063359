package fr.subventions.workflow;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Open tasks of a database from a version that did not name them (« Vérifier la complétude » for every request) get
 * their case's name, description and summary at the next start, as {@link TaskNaming} gives them to new tasks. A task
 * named already carries a description, which the diagrams never give: the open tasks without one are the ones to name,
 * found by one query; none on a database made by this version.
 */
@Component
class OpenTaskNames {

    private static final Logger LOG = LoggerFactory.getLogger(OpenTaskNames.class);

    static final List<String> PROCESSES = List.of(SubsidyRequestProcess.KEY, SubsidyPaymentProcess.KEY,
            AssemblySessionProcess.KEY, ServiceOpinionProcess.KEY);

    private final JdbcTemplate jdbc;
    private final CommandExecutor commands;
    private final TaskNaming naming;

    OpenTaskNames(JdbcTemplate jdbc, ProcessEngineConfigurationImpl engine, TaskNaming naming) {
        this.jdbc = jdbc;
        this.commands = engine.getCommandExecutorTxRequired();
        this.naming = naming;
    }

    @EventListener(ApplicationReadyEvent.class)
    void nameOpenTasks() {
        int named = nameUnnamed();
        if (named > 0) {
            LOG.info("{} open task(s) named after their request or séance", named);
        }
    }

    /** @return how many open tasks were named */
    int nameUnnamed() {
        List<String> unnamed = jdbc.queryForList("select T.ID_ from ACT_RU_TASK T join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_"
                + " where T.DESCRIPTION_ is null and D.KEY_ in (?, ?, ?, ?)", String.class, PROCESSES.toArray());
        int named = 0;
        for (String id : unnamed) {
            try {
                // one short transaction per task, each with the engine's own view of it
                Boolean done = commands.execute(context -> {
                    TaskEntity task = context.getTaskManager().findTaskById(id);
                    return task != null && task.getDescription() == null && naming.name(task);
                });
                named += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (OptimisticLockingException e) {
                // completed, or named by another node starting at the same time
            }
        }
        return named;
    }
}
