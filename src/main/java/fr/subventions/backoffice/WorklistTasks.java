package fr.subventions.backoffice;

import fr.subventions.shared.Caller;
import fr.subventions.workflow.SubsidyPaymentProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The user tasks of a request's processes that staff work, by candidate group, read from the deployed diagrams
 * (subsidy-request and subsidy-payment): « À traiter » lists the requests with a task offered to one of the user's
 * groups, « Prise par » names who has taken one. The applicant's own tasks (signing, missing documents, the financial
 * report) are nobody's work here; a séance's tasks are the séance page's.
 */
@Component
class WorklistTasks {

    static final List<String> PROCESSES = List.of(SubsidyRequestProcess.KEY, SubsidyPaymentProcess.KEY);
    static final Set<String> STAFF_GROUPS = Set.of(Caller.OFFICERS, Caller.FINANCE, Caller.SECRETARIAT);

    private final RepositoryService repository;
    private final CommandExecutor commands;
    private volatile Map<String, Set<String>> byGroup;

    WorklistTasks(RepositoryService repository, ProcessEngineConfigurationImpl engine) {
        this.repository = repository;
        this.commands = engine.getCommandExecutorTxRequired();
    }

    /** Every staff task's definition key. */
    Set<String> staff() {
        Set<String> all = new TreeSet<>();
        byGroup().values().forEach(all::addAll);
        return all;
    }

    /**
     * The task keys offered to the caller's groups; an administrator, who may give any task to an officer, sees every
     * staff task.
     */
    Set<String> offeredTo(Caller caller) {
        if (caller.isAdministrator()) {
            return staff();
        }
        Set<String> keys = new TreeSet<>();
        byGroup().forEach((group, tasks) -> {
            if (caller.groups().contains(group)) {
                keys.addAll(tasks);
            }
        });
        return keys;
    }

    private Map<String, Set<String>> byGroup() {
        Map<String, Set<String>> known = byGroup;
        if (known == null) {
            known = read();
            // none before the diagrams are deployed: read again next time
            if (!known.isEmpty()) {
                byGroup = known;
            }
        }
        return known;
    }

    /** From the latest version of each process: the diagrams name the candidate groups, fixed at deployment. */
    private Map<String, Set<String>> read() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        commands.execute(context -> context.runWithoutAuthorization(() -> {
            for (ProcessDefinition definition : repository.createProcessDefinitionQuery()
                    .processDefinitionKeyIn(PROCESSES.toArray(String[]::new)).latestVersion().list()) {
                for (UserTask task : repository.getBpmnModelInstance(definition.getId())
                        .getModelElementsByType(UserTask.class)) {
                    String candidates = task.getCamundaCandidateGroups();
                    if (candidates == null) {
                        continue;
                    }
                    Arrays.stream(candidates.split(",")).map(String::strip).filter(STAFF_GROUPS::contains)
                            .forEach(group -> groups.computeIfAbsent(group, g -> new TreeSet<>()).add(task.getId()));
                }
            }
            return null;
        }));
        return Map.copyOf(groups);
    }
}
