package fr.subventions.backoffice;

import fr.subventions.bureau.SessionReadModels;
import fr.subventions.bureau.SessionReadModels.OpenSession;
import fr.subventions.shared.Caller;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the worklist offers to do with a selection, for this user: the batch actions their groups allow, the séances in
 * preparation (the secretariat), the members of staff a task may be given to (administrators) — and their export
 * templates, with the address that saves the list as it is shown as a new one.
 */
@Component
class SelectionChoices {

    /** A member of staff a task may be given to. */
    record Agent(String id, String label) {
    }

    private final SessionReadModels sessions;
    private final ExportTemplates templates;
    private final IdentityService identity;
    private final CommandExecutor commands;

    SelectionChoices(SessionReadModels sessions, ExportTemplates templates, IdentityService identity,
            ProcessEngineConfigurationImpl engine) {
        this.sessions = sessions;
        this.templates = templates;
        this.identity = identity;
        this.commands = engine.getCommandExecutorTxRequired();
    }

    List<BatchAction> actions(Caller caller) {
        return Arrays.stream(BatchAction.values()).filter(a -> a.allows(caller)).toList();
    }

    List<OpenSession> sessions(Caller caller) {
        return BatchAction.ADD_TO_AGENDA.allows(caller) ? sessions.inPreparation() : List.of();
    }

    /** The members of the staff groups, by id, for an administrator; nobody else gives tasks. */
    List<Agent> agents(Caller caller) {
        if (!BatchAction.ASSIGN.allows(caller)) {
            return List.of();
        }
        Map<String, Agent> agents = new TreeMap<>();
        commands.execute(context -> context.runWithoutAuthorization(() -> {
            for (String group : WorklistTasks.STAFF_GROUPS) {
                for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
                    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                            + (user.getLastName() == null ? "" : user.getLastName())).strip();
                    agents.put(user.getId(), new Agent(user.getId(), name.isEmpty() ? user.getId()
                            : name + " (" + user.getId() + ")"));
                }
            }
            return null;
        }));
        return List.copyOf(agents.values());
    }

    /** The selection's form and the export templates, as the worklist and the selection's page show them. */
    void describe(Caller caller, Model model) {
        model.addAttribute("batchActions", actions(caller));
        model.addAttribute("openSessions", sessions(caller));
        model.addAttribute("agents", agents(caller));
        model.addAttribute("maxSelection", Selection.MAX);
        model.addAttribute("mayAssign", BatchAction.ASSIGN.allows(caller));
        model.addAttribute("mayPlaceOnAgenda", BatchAction.ADD_TO_AGENDA.allows(caller));
        model.addAttribute("mayPay", BatchAction.RECORD_PAYMENT.allows(caller));
    }

    /** The worklist's export templates and the address that saves the query shown as a new one. */
    void describeTemplates(Caller caller, WorklistQuery query, String contextPath, Model model) {
        model.addAttribute("exportTemplates", templates.of(caller));
        model.addAttribute("newTemplate", query.withPage(1).link(contextPath + ExportTemplateController.NEW));
    }
}
