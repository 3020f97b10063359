package fr.subventions.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

class ProcessVariableTest {

    private final Map<String, Object> variables = new HashMap<>();
    private final Map<String, Object> locals = new HashMap<>();
    private final VariableScope scope = (VariableScope) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {VariableScope.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getVariable" -> variables.get((String) args[0]);
                case "setVariable" -> variables.put((String) args[0], args[1]);
                case "setVariableLocal" -> locals.put((String) args[0], args[1]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void anIdIsReadAsALongWhateverNumberTypeHoldsIt() {
        variables.put(SubsidyRequestProcess.VAR_REQUEST_ID, 42L);
        variables.put(AssemblySessionProcess.VAR_SESSION_ID, 7);

        assertThat(SubsidyRequestProcess.REQUEST_ID.get(scope)).isEqualTo(42L);
        assertThat(AssemblySessionProcess.SESSION_ID.get(scope)).isEqualTo(7L);
    }

    @Test
    void aVariableTheProcessDoesNotCarryIsNull() {
        assertThat(SubsidyRequestProcess.REQUEST_ID.get(scope)).isNull();
        assertThat(SubsidyRequestProcess.FAVORABLE.get(scope)).isNull();
    }

    @Test
    void aValueOfAnotherTypeIsRefusedNamingTheVariable() {
        variables.put(SubsidyRequestProcess.VAR_REQUEST_ID, "42");
        variables.put(SubsidyRequestProcess.VAR_COMPLETE, "oui");

        assertThatThrownBy(() -> SubsidyRequestProcess.REQUEST_ID.get(scope)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'requestId'").hasMessageContaining("java.lang.String 42");
        assertThatThrownBy(() -> SubsidyRequestProcess.COMPLETE.get(scope)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'complete'");
    }

    @Test
    void aFlagIsWrittenUnderItsNameInTheScopeAskedFor() {
        SubsidyPaymentProcess.BALANCE_DUE.set(scope, true);
        AssemblySessionProcess.ITEM_DECIDED.setLocal(scope, false);

        assertThat(variables).containsEntry("balanceDue", true);
        assertThat(locals).containsEntry("itemDecided", false).doesNotContainKey("balanceDue");
        assertThat(SubsidyPaymentProcess.BALANCE_DUE.get(scope)).isTrue();
    }

    @Test
    void aDocumentKindIsText() {
        variables.put(DocumentProductionProcess.VAR_DOCUMENT_KIND, "CONVENTION");

        assertThat(DocumentProductionProcess.DOCUMENT_KIND.get(scope)).isEqualTo("CONVENTION");
        assertThat(DocumentProductionProcess.DOCUMENT_KIND).hasToString("documentKind");
    }
}
