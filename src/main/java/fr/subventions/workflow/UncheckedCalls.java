package fr.subventions.workflow;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * The engine calls the application makes on its own authority, the caller having been checked by the API or the pages
 * (Spring Security and the domain): run with the engine's authorization checks off, each in a command of its own.
 */
@Component
class UncheckedCalls {

    private final CommandExecutor commands;

    UncheckedCalls(ProcessEngineConfigurationImpl engine) {
        this.commands = engine.getCommandExecutorTxRequired();
    }

    <T> T call(Supplier<T> call) {
        return commands.execute(context -> context.runWithoutAuthorization(call::get));
    }

    void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }
}
