package dev.hubcord.commands;

import dev.hubcord.commands.config.Setting;
import dev.hubcord.commands.config.WorkerConfig;
import dev.hubcord.service.boot.RunningService;
import dev.hubcord.service.boot.ServiceBoot;
import dev.hubcord.service.boot.ServiceDefinition;
import dev.hubcord.service.health.HealthEndpoint;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code java -jar commands-worker.jar}: the shared bootstrap ({@link ServiceBoot}) with the worker's {@link Setting}s.
 * Ready once identified to the hub; stops cleanly on SIGTERM.
 */
public final class CommandsMain {

    static final ServiceDefinition<Setting, WorkerConfig> DEFINITION = new ServiceDefinition<>("commands-worker",
            "The hubcord commands worker: runs EXECUTE_COMMAND events from the hub.",
            Setting.class, Setting.FLAG_PREFIXES, "COMMANDS_CONFIG", WorkerConfig::from,
            c -> new HealthEndpoint(c.httpHost(), c.httpPort()), CommandsMain::start);

    private CommandsMain() {
    }

    public static void main(String[] args) {
        ServiceBoot.main(DEFINITION, args);
    }

    private static RunningService start(WorkerConfig config, PrometheusMeterRegistry registry) {
        CommandsWorker worker = CommandsWorker.start(config, registry);
        return new RunningService() {
            @Override
            public boolean ready() {
                return worker.ready();
            }

            @Override
            public void close() {
                worker.close();
            }
        };
    }
}
