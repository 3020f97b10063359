package fr.subventions.consultation;

import fr.subventions.workflow.SubsidyRequestProcess;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A request's process that ends — closed, inadmissible or withdrawn — ends the opinions still awaited on it: nobody is
 * reminded of an opinion on a request already decided. The applicant's withdrawal is told earlier, by its event
 * ({@link OpinionService#onRequestWithdrawn}); this covers every other end. A built-in end listener of
 * {@code subsidy-request}, added when the diagram is parsed, so that no diagram has to name it.
 */
@Component
class RequestEndWithdrawsOpinions extends AbstractProcessEnginePlugin {

    private final ObjectProvider<OpinionService> opinions;

    RequestEndWithdrawsOpinions(ObjectProvider<OpinionService> opinions) {
        this.opinions = opinions;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (SubsidyRequestProcess.KEY.equals(processDefinition.getKey())) {
                    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END,
                            (ExecutionListener) RequestEndWithdrawsOpinions.this::ended);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** The request's process ended: its opinions still awaited are withdrawn. */
    void ended(DelegateExecution execution) {
        Long requestId = SubsidyRequestProcess.REQUEST_ID.get(execution);
        if (requestId != null) {
            opinions.getObject().onRequestEnded(requestId);
        }
    }
}
