package fr.subventions.support;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** What the engine holds for a request, for the message of a test that waited in vain. */
@Component
public class EngineState {

    private final ProcessEngine engine;

    public EngineState(ProcessEngine engine) {
        this.engine = engine;
    }

    /** The request's jobs (activity, retries, due date, lock, error) and whether the job executor runs. */
    public String describe(String reference) {
        RuntimeService runtime = engine.getRuntimeService();
        ManagementService management = engine.getManagementService();
        String jobs = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).list().stream())
                .map(EngineState::describe).collect(Collectors.joining("; ", "[", "]"));
        boolean active = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().isActive();
        return jobs + ", job executor " + (active ? "active" : "inactive") + ", engine clock "
                + ClockUtil.getCurrentTime().toInstant();
    }

    private static String describe(Job job) {
        String lock = job instanceof JobEntity entity ? " locked by " + entity.getLockOwner() + " until "
                + entity.getLockExpirationTime() : "";
        return job.getJobDefinitionId() + " retries " + job.getRetries() + " due " + job.getDuedate() + lock
                + (job.getExceptionMessage() == null ? "" : " error " + job.getExceptionMessage());
    }
}
