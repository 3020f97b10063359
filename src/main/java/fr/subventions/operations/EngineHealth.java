package fr.subventions.operations;

import fr.subventions.workflow.AssemblySessionProcess;
import fr.subventions.workflow.DocumentProductionProcess;
import fr.subventions.workflow.SubsidyPaymentProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's parts of /actuator/health, in place of the Camunda starter's own (turned off by
 * {@code management.health.camunda.enabled: false}), which report the engine up without asking it anything and the job
 * executor down on a node where it is off by configuration.
 *
 * <ul>
 *   <li>{@code processEngine}: up when the engine answers a query on its database and the four processes are deployed;
 *       details: the engine's name, the processes deployed, the open incidents (a detail: they do not turn it down);</li>
 *   <li>{@code jobExecutor}: down when the job executor is enabled ({@code camunda.bpm.job-execution.enabled}) but not
 *       running, since no document, timer or reminder would then be executed; up otherwise; details: enabled, active,
 *       the jobs due and the jobs failed with no retry left.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EngineHealth {

    static final List<String> PROCESSES = List.of(SubsidyRequestProcess.KEY, AssemblySessionProcess.KEY,
            SubsidyPaymentProcess.KEY, DocumentProductionProcess.KEY);

    @Bean
    AbstractHealthIndicator processEngineHealthIndicator(ProcessEngine engine) {
        return new AbstractHealthIndicator("The process engine does not answer") {
            @Override
            protected void doHealthCheck(Health.Builder health) {
                Set<String> deployed = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()
                        .stream().map(ProcessDefinition::getKey).collect(Collectors.toCollection(TreeSet::new));
                List<String> missing = PROCESSES.stream().filter(key -> !deployed.contains(key)).toList();
                (missing.isEmpty() ? health.up() : health.down().withDetail("missingProcesses", missing))
                        .withDetail("name", engine.getName())
                        .withDetail("processes", deployed)
                        .withDetail("openIncidents", engine.getRuntimeService().createIncidentQuery().count());
            }
        };
    }

    @Bean
    AbstractHealthIndicator jobExecutorHealthIndicator(ProcessEngine engine,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        return new AbstractHealthIndicator("The job executor's state cannot be read") {
            @Override
            protected void doHealthCheck(Health.Builder health) {
                JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
                boolean active = executor != null && executor.isActive();
                (enabled && !active ? health.down() : health.up())
                        .withDetail("enabled", enabled)
                        .withDetail("active", active)
                        .withDetail("jobsDue", engine.getManagementService().createJobQuery().executable().count())
                        .withDetail("jobsFailed", engine.getManagementService().createJobQuery().noRetriesLeft().count());
            }
        };
    }
}
